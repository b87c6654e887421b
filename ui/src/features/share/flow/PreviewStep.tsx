// Step 2 of the share flow: exactly what the counselor will see, drawn by the same components
// the counselor's Cove uses, with "leave this part out" switches beside every item. Every switch
// builds the preview again: what isn't in it isn't in the file.
import { useEffect, useId, type ReactNode, type Ref } from 'react';
import { useIntl } from 'react-intl';
import type { ErrorCode, SharedItem, SharePayload } from '../../../api';
import { Button } from '../../../components/Button';
import { Switch } from '../../../components/Switch';
import { formatDay } from '../../journal/format';
import { SharedHeader, SharedItemView } from '../view/SharedView';
import type { Catalog } from './catalog';
import { previewErrorWords } from './flowWords';
import {
  ENTRY_PART_WORD,
  GOAL_PART_WORD,
  entryPartsOf,
  goalPartsOf,
  hasItems,
  planSectionTitle,
  planSectionsWithItems,
  rangeIsValid,
  setEntryPart,
  setGoalPart,
  setPlanSection,
  toggleEntry,
  toggleGoal,
  type Picks,
} from './selection';

/** A preview as built for one set of picks (so items can be matched to what was picked). */
export type Preview = { key: string; payload: SharePayload; picks: Picks };

export type PreviewStepProps = {
  catalog: Catalog;
  picks: Picks;
  onChange: (next: Picks) => void;
  /** The latest preview built, possibly for earlier picks while a new one is on its way. */
  preview: Preview | null;
  loading: boolean;
  problem: ErrorCode | null;
  onBack: () => void;
  onNext: () => void;
  headingRef: Ref<HTMLHeadingElement>;
};

/** The payload's item for the `index`-th thing of its kind in the picks the preview was built for. */
function itemAt(preview: Preview | null, offset: (p: Picks) => number | null): SharedItem | null {
  if (!preview) return null;
  const at = offset(preview.picks);
  return at === null ? null : (preview.payload.items[at] ?? null);
}

function ItemBlock({
  item,
  groupLabel,
  children,
  testId,
}: {
  item: SharedItem | null;
  groupLabel: string;
  children: ReactNode;
  testId: string;
}) {
  const id = useId();
  return (
    <li className="share-preview__item" data-testid={testId}>
      <div className="share-preview__shown">{item ? <SharedItemView item={item} /> : null}</div>
      <div className="share-preview__parts" role="group" aria-labelledby={id}>
        <p id={id} className="share-preview__parts-title">
          {groupLabel}
        </p>
        {children}
      </div>
    </li>
  );
}

export function PreviewStep({ catalog, picks, onChange, preview, loading, problem, onBack, onNext, headingRef }: PreviewStepProps) {
  const intl = useIntl();
  const ids = useId();
  const { loadDetails } = catalog;
  const entryIds = picks.entries.map((e) => e.id).join(',');

  useEffect(() => {
    if (entryIds === '') return;
    loadDetails(entryIds.split(',').map(Number)).catch(() => undefined);
  }, [entryIds, loadDetails]);

  const goals = catalog.goals.state === 'ready' ? catalog.goals.value : [];
  const plan = catalog.plan.state === 'ready' ? catalog.plan.value : null;
  const planHas = planSectionsWithItems(plan);
  const something = hasItems(picks);

  const entryIndex = (id: number) => (p: Picks) => {
    const i = p.entries.findIndex((e) => e.id === id);
    return i < 0 ? null : i;
  };
  const goalIndex = (id: number) => (p: Picks) => {
    const i = p.goals.findIndex((g) => g.id === id);
    return i < 0 ? null : p.entries.length + i;
  };
  const insightsIndex = (p: Picks) => (p.insightsOn && rangeIsValid(p.range) ? p.entries.length + p.goals.length : null);
  const planIndex = (p: Picks) =>
    p.planOn && p.planSections.length > 0 ? p.entries.length + p.goals.length + (insightsIndex(p) === null ? 0 : 1) : null;

  const focusHeading = () => {
    if (headingRef && typeof headingRef === 'object') headingRef.current?.focus();
  };

  const remove = (next: Picks) => {
    onChange(next);
    focusHeading();
  };

  return (
    <section className="share-step share-preview-step" data-testid="share-step-preview" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="share-step__title" tabIndex={-1} ref={headingRef}>
        {intl.formatMessage({ id: 'shareFlow.preview.title' })}
      </h2>
      <p className="lead">{intl.formatMessage({ id: 'shareFlow.preview.lead' })}</p>

      {!something ? (
        <p className="note" data-testid="share-preview-empty">
          {intl.formatMessage({ id: 'shareFlow.preview.empty' })}
        </p>
      ) : (
        <div className="share-preview" data-testid="share-preview" aria-busy={loading || undefined}>
          {problem ? (
            <p className="note" role="alert" data-testid="share-preview-problem">
              {intl.formatMessage({ id: previewErrorWords(problem) })}
            </p>
          ) : null}
          {preview ? <SharedHeader payload={preview.payload} /> : <p className="muted">{intl.formatMessage({ id: 'shareFlow.loading' })}</p>}
          <ol className="share-preview__items">
            {picks.entries.map((pick) => {
              const entry = catalog.details.get(pick.id);
              const item = itemAt(preview, entryIndex(pick.id));
              const day = entry ? formatDay(intl, entry.day) : item?.type === 'entry' ? formatDay(intl, item.day) : '';
              return (
                <ItemBlock
                  key={`e${pick.id}`}
                  item={item}
                  testId={`share-preview-entry-${pick.id}`}
                  groupLabel={intl.formatMessage({ id: 'shareFlow.preview.entryParts' }, { day })}
                >
                  {entry ? (
                    entryPartsOf(entry).map((part) => (
                      <Switch
                        key={part}
                        isSelected={pick.parts[part]}
                        onChange={(on) => onChange(setEntryPart(picks, pick.id, part, on))}
                        testId={`share-part-entry-${pick.id}-${part}`}
                      >
                        {intl.formatMessage({ id: ENTRY_PART_WORD[part] })}
                      </Switch>
                    ))
                  ) : (
                    <p className="muted">{intl.formatMessage({ id: 'shareFlow.loading' })}</p>
                  )}
                  <Button
                    variant="quiet"
                    className="share-preview__remove"
                    onPress={() => remove(toggleEntry(picks, pick.id, false))}
                    data-testid={`share-remove-entry-${pick.id}`}
                  >
                    {intl.formatMessage({ id: 'shareFlow.preview.removeEntry' })}
                  </Button>
                </ItemBlock>
              );
            })}
            {picks.goals.map((pick) => {
              const goal = goals.find((g) => g.id === pick.id);
              return (
                <ItemBlock
                  key={`g${pick.id}`}
                  item={itemAt(preview, goalIndex(pick.id))}
                  testId={`share-preview-goal-${pick.id}`}
                  groupLabel={intl.formatMessage({ id: 'shareFlow.preview.goalParts' }, { title: goal?.title ?? '' })}
                >
                  {goal ? (
                    goalPartsOf(goal).map((part) => (
                      <Switch
                        key={part}
                        isSelected={pick.parts[part]}
                        onChange={(on) => onChange(setGoalPart(picks, pick.id, part, on))}
                        testId={`share-part-goal-${pick.id}-${part}`}
                      >
                        {intl.formatMessage({ id: GOAL_PART_WORD[part] })}
                      </Switch>
                    ))
                  ) : null}
                  {goal && goalPartsOf(goal).length === 0 ? (
                    <p className="muted">{intl.formatMessage({ id: 'shareFlow.preview.goalOnlyTitle' })}</p>
                  ) : null}
                  <Button
                    variant="quiet"
                    className="share-preview__remove"
                    onPress={() => remove(toggleGoal(picks, pick.id, false))}
                    data-testid={`share-remove-goal-${pick.id}`}
                  >
                    {intl.formatMessage({ id: 'shareFlow.preview.removeGoal' })}
                  </Button>
                </ItemBlock>
              );
            })}
            {insightsIndex(picks) !== null ? (
              <ItemBlock
                item={itemAt(preview, insightsIndex)}
                testId="share-preview-insights"
                groupLabel={intl.formatMessage({ id: 'shareFlow.preview.insightsParts' })}
              >
                <p className="muted">{intl.formatMessage({ id: 'shareFlow.preview.insightsHint' })}</p>
                <Button
                  variant="quiet"
                  className="share-preview__remove"
                  onPress={() => remove({ ...picks, insightsOn: false })}
                  data-testid="share-remove-insights"
                >
                  {intl.formatMessage({ id: 'shareFlow.preview.removeInsights' })}
                </Button>
              </ItemBlock>
            ) : null}
            {picks.planOn ? (
              <ItemBlock
                item={itemAt(preview, planIndex)}
                testId="share-preview-plan"
                groupLabel={intl.formatMessage({ id: 'shareFlow.preview.planParts' })}
              >
                {planHas.map((section) => (
                  <Switch
                    key={section}
                    isSelected={picks.planSections.includes(section)}
                    onChange={(on) => onChange(setPlanSection(picks, section, on))}
                    testId={`share-part-plan-${section}`}
                  >
                    {intl.formatMessage({ id: planSectionTitle(section) })}
                  </Switch>
                ))}
                {picks.planSections.length === 0 ? (
                  <p className="muted" data-testid="share-plan-nothing">
                    {intl.formatMessage({ id: 'shareFlow.preview.planNothing' })}
                  </p>
                ) : null}
                <Button
                  variant="quiet"
                  className="share-preview__remove"
                  onPress={() => remove({ ...picks, planOn: false, planSections: [] })}
                  data-testid="share-remove-plan"
                >
                  {intl.formatMessage({ id: 'shareFlow.preview.removePlan' })}
                </Button>
              </ItemBlock>
            ) : null}
          </ol>
        </div>
      )}

      <div className="share-step__actions">
        <Button variant="secondary" onPress={onBack} data-testid="share-back">
          {intl.formatMessage({ id: 'shareFlow.back' })}
        </Button>
        <Button
          variant="primary"
          onPress={onNext}
          isDisabled={!something || loading || problem !== null || preview === null}
          data-testid="share-next"
        >
          {intl.formatMessage({ id: 'shareFlow.preview.next' })}
        </Button>
      </div>
    </section>
  );
}
