// Step 1 of the share flow: pick what to share. Journal entries (newest first, a page at a
// time), the identity space's entries (only in their own group, folded away until opened),
// goals, a summary of feelings for some dates, the safety plan; a note; whether the name and
// pronouns go. Nothing leaves from here: the next step shows exactly what would go.
import { useId, type ReactNode, type Ref } from 'react';
import { useIntl } from 'react-intl';
import { DateField, DateInput, DateSegment, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { ChevronDown, ChevronRight } from 'lucide-react';
import type { EntrySummary, IdentityTimelineItem } from '../../../api';
import { Button } from '../../../components/Button';
import { Switch } from '../../../components/Switch';
import { formatDay } from '../../journal/format';
import { KIND_LABEL } from '../../journal/kinds';
import { identityPartText, triedLabel } from '../../identity/identityWords';
import { useProfile } from '../../shell/ProfileContext';
import type { Catalog, Loadable } from './catalog';
import { errorWords } from './flowWords';
import { PickBox } from './PickBox';
import {
  hasItems,
  planSectionsWithItems,
  rangeIsValid,
  toggleEntry,
  toggleGoal,
  type Picks,
} from './selection';

export const NOTE_MAX_CHARS = 4000;

function toDate(day: string): CalendarDate | null {
  try {
    return parseDate(day);
  } catch {
    return null;
  }
}

function Group({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="share-choose__group" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="share-choose__group-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** "Loading…", or why a list couldn't load; `null` once it's there. */
function ListState({ loadable }: { loadable: Loadable<unknown> }) {
  const intl = useIntl();
  if (loadable.state === 'loading') return <p className="muted">{intl.formatMessage({ id: 'shareFlow.loading' })}</p>;
  if (loadable.state === 'failed') return <p className="note">{intl.formatMessage({ id: errorWords(loadable.code) })}</p>;
  return null;
}

function EntryLabel({ title, words, meta }: { title: string | null; words: string; meta: string }) {
  return (
    <>
      {title ? (
        <span className="share-pick__title" dir="auto">
          {title}
        </span>
      ) : null}
      {words ? (
        <span className={title ? 'share-pick__words' : 'share-pick__title share-pick__words'} dir="auto">
          {words}
        </span>
      ) : null}
      <span className="share-pick__meta">{meta}</span>
    </>
  );
}

export type ChooseStepProps = {
  catalog: Catalog;
  picks: Picks;
  onChange: (next: Picks) => void;
  onNext: () => void;
  identityOpen: boolean;
  onIdentityOpen: (open: boolean) => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function ChooseStep({ catalog, picks, onChange, onNext, identityOpen, onIdentityOpen, headingRef }: ChooseStepProps) {
  const intl = useIntl();
  const { profile } = useProfile();
  const ids = useId();
  const picked = new Set(picks.entries.map((e) => e.id));
  const pickedGoals = new Set(picks.goals.map((g) => g.id));
  const ready = hasItems(picks);

  const entryMeta = (kind: EntrySummary['kind'], day: string) =>
    intl.formatMessage({ id: 'shareFlow.choose.meta' }, { kind: intl.formatMessage({ id: KIND_LABEL[kind] }), day: formatDay(intl, day) });

  const entryRow = (entry: EntrySummary) => (
    <li key={entry.id}>
      <PickBox
        testId={`share-pick-entry-${entry.id}`}
        isSelected={picked.has(entry.id)}
        onChange={(on) => onChange(toggleEntry(picks, entry.id, on))}
      >
        <EntryLabel title={entry.title?.trim() || null} words={entry.excerpt.trim()} meta={entryMeta(entry.kind, entry.day)} />
      </PickBox>
    </li>
  );

  const identityRow = (item: IdentityTimelineItem) => {
    const what = identityPartText(intl, item.part);
    return (
      <li key={item.entryId}>
        <PickBox
          testId={`share-pick-entry-${item.entryId}`}
          isSelected={picked.has(item.entryId)}
          onChange={(on) => onChange(toggleEntry(picks, item.entryId, on))}
        >
          <EntryLabel
            title={item.title?.trim() || null}
            words={item.excerpt.trim() || (item.title?.trim() ? '' : what)}
            meta={intl.formatMessage({ id: 'shareFlow.choose.meta' }, { kind: what, day: formatDay(intl, item.day) })}
          />
        </PickBox>
      </li>
    );
  };

  const plan = catalog.plan.state === 'ready' ? catalog.plan.value : null;
  const planHas = planSectionsWithItems(plan);

  const sharedName = (profile.shared?.name ?? profile.name)?.trim() || null;
  const sharedPronouns = profile.shared?.pronouns ?? profile.pronouns;
  const who = sharedName || sharedPronouns ? triedLabel(intl, sharedName, sharedPronouns) : null;

  return (
    <section className="share-step share-choose" data-testid="share-step-choose" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="share-step__title" tabIndex={-1} ref={headingRef}>
        {intl.formatMessage({ id: 'shareFlow.choose.title' })}
      </h2>
      <p className="lead">{intl.formatMessage({ id: 'shareFlow.choose.lead' })}</p>

      <Group title={intl.formatMessage({ id: 'shareFlow.choose.entries' })} testId="share-choose-entries">
        <ListState loadable={catalog.entries} />
        {catalog.entries.state === 'ready' ? (
          catalog.entries.value.items.length === 0 ? (
            <p className="muted" data-testid="share-entries-empty">
              {intl.formatMessage({ id: 'shareFlow.choose.noEntries' })}
            </p>
          ) : (
            <>
              <ul className="share-choose__list">{catalog.entries.value.items.map(entryRow)}</ul>
              {catalog.entries.value.cursor !== null ? (
                <Button
                  variant="secondary"
                  onPress={catalog.loadMore}
                  isDisabled={catalog.loadingMore}
                  data-testid="share-entries-more"
                >
                  {intl.formatMessage({ id: catalog.loadingMore ? 'shareFlow.loading' : 'shareFlow.choose.more' })}
                </Button>
              ) : null}
            </>
          )
        ) : null}
      </Group>

      <section className="share-choose__group share-choose__identity" data-testid="share-choose-identity" data-open={identityOpen || undefined}>
        <h3 className="share-choose__group-title">
          <Button
            variant="quiet"
            className="share-choose__toggle"
            icon={identityOpen ? <ChevronDown size={18} /> : <ChevronRight size={18} />}
            aria-expanded={identityOpen}
            aria-controls={`${ids}-identity`}
            onPress={() => {
              if (!identityOpen) catalog.loadIdentity();
              onIdentityOpen(!identityOpen);
            }}
            data-testid="share-identity-toggle"
          >
            {intl.formatMessage({ id: 'shareFlow.choose.identity' })}
          </Button>
        </h3>
        <div id={`${ids}-identity`} className="share-choose__panel" hidden={!identityOpen}>
          {identityOpen ? (
            <>
              <p className="muted">{intl.formatMessage({ id: 'shareFlow.choose.identityHint' })}</p>
              {catalog.identity ? <ListState loadable={catalog.identity} /> : null}
              {catalog.identity?.state === 'ready' ? (
                catalog.identity.value.length === 0 ? (
                  <p className="muted">{intl.formatMessage({ id: 'shareFlow.choose.noIdentity' })}</p>
                ) : (
                  <ul className="share-choose__list">{catalog.identity.value.map(identityRow)}</ul>
                )
              ) : null}
            </>
          ) : null}
        </div>
      </section>

      <Group title={intl.formatMessage({ id: 'shareFlow.choose.goals' })} testId="share-choose-goals">
        <ListState loadable={catalog.goals} />
        {catalog.goals.state === 'ready' ? (
          catalog.goals.value.length === 0 ? (
            <p className="muted">{intl.formatMessage({ id: 'shareFlow.choose.noGoals' })}</p>
          ) : (
            <ul className="share-choose__list">
              {catalog.goals.value.map((goal) => (
                <li key={goal.id}>
                  <PickBox
                    testId={`share-pick-goal-${goal.id}`}
                    isSelected={pickedGoals.has(goal.id)}
                    onChange={(on) => onChange(toggleGoal(picks, goal.id, on))}
                  >
                    <span className="share-pick__title" dir="auto">
                      {goal.title}
                    </span>
                    <span className="share-pick__meta">{intl.formatMessage({ id: `goals.status.${goal.status}` })}</span>
                  </PickBox>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </Group>

      <Group title={intl.formatMessage({ id: 'shareFlow.choose.summaries' })}>
        <div className="share-choose__insights">
          <PickBox
            testId="share-pick-insights"
            isSelected={picks.insightsOn}
            onChange={(on) => onChange({ ...picks, insightsOn: on })}
            describedBy={`${ids}-insights-hint`}
          >
            <span className="share-pick__title">{intl.formatMessage({ id: 'shareFlow.choose.insights' })}</span>
          </PickBox>
          <p id={`${ids}-insights-hint`} className="share-choose__hint muted">
            {intl.formatMessage({ id: 'shareFlow.choose.insightsHint' })}
          </p>
          <div className="share-choose__dates">
            <DateField
              className="field share-choose__date"
              value={toDate(picks.range.from)}
              onChange={(value) => onChange({ ...picks, range: { ...picks.range, from: value ? value.toString() : '' } })}
              data-testid="share-insights-from"
            >
              <Label className="field__label">{intl.formatMessage({ id: 'shareFlow.choose.from' })}</Label>
              <DateInput className="field__input share-choose__date-input">
                {(segment) => <DateSegment segment={segment} className="share-choose__segment" />}
              </DateInput>
            </DateField>
            <DateField
              className="field share-choose__date"
              value={toDate(picks.range.to)}
              onChange={(value) => onChange({ ...picks, range: { ...picks.range, to: value ? value.toString() : '' } })}
              data-testid="share-insights-to"
            >
              <Label className="field__label">{intl.formatMessage({ id: 'shareFlow.choose.to' })}</Label>
              <DateInput className="field__input share-choose__date-input">
                {(segment) => <DateSegment segment={segment} className="share-choose__segment" />}
              </DateInput>
            </DateField>
          </div>
          {picks.insightsOn && !rangeIsValid(picks.range) ? (
            <p className="note" data-testid="share-insights-dates">
              {intl.formatMessage({ id: 'shareFlow.choose.datesHint' })}
            </p>
          ) : null}
        </div>

        <div className="share-choose__plan">
          <PickBox
            testId="share-pick-safety-plan"
            isSelected={picks.planOn && planHas.length > 0}
            isDisabled={planHas.length === 0}
            onChange={(on) => onChange({ ...picks, planOn: on, planSections: on && picks.planSections.length === 0 ? planHas : picks.planSections })}
            describedBy={`${ids}-plan-hint`}
          >
            <span className="share-pick__title">{intl.formatMessage({ id: 'shareFlow.choose.plan' })}</span>
          </PickBox>
          <p id={`${ids}-plan-hint`} className="share-choose__hint muted">
            {intl.formatMessage({
              id: catalog.plan.state === 'ready' && planHas.length === 0 ? 'shareFlow.choose.planEmpty' : 'shareFlow.choose.planHint',
            })}
          </p>
        </div>
      </Group>

      <Group title={intl.formatMessage({ id: 'shareFlow.choose.withIt' })}>
        <AriaTextField
          className="field"
          value={picks.note}
          onChange={(note) => onChange({ ...picks, note })}
          maxLength={NOTE_MAX_CHARS}
        >
          <Label className="field__label">{intl.formatMessage({ id: 'shareFlow.choose.note' })}</Label>
          <Text slot="description" className="field__description">
            {intl.formatMessage({ id: 'shareFlow.choose.noteHint' })}
          </Text>
          <TextArea className="field__input share-choose__note" rows={3} dir="auto" data-testid="share-note" />
        </AriaTextField>
        <div className="share-choose__profile">
          <Switch
            isSelected={picks.includeProfile}
            onChange={(includeProfile) => onChange({ ...picks, includeProfile })}
            describedBy={`${ids}-profile-hint`}
            testId="share-include-profile"
          >
            {intl.formatMessage({ id: 'shareFlow.choose.profile' })}
          </Switch>
          <p id={`${ids}-profile-hint`} className="share-choose__hint muted" data-testid="share-profile-hint">
            {who
              ? intl.formatMessage({ id: picks.includeProfile ? 'shareFlow.choose.profileOn' : 'shareFlow.choose.profileOff' }, { who })
              : intl.formatMessage({ id: 'shareFlow.choose.profileNone' })}
          </p>
        </div>
      </Group>

      <div className="share-step__actions">
        <Button
          variant="primary"
          onPress={onNext}
          isDisabled={!ready}
          aria-describedby={ready ? undefined : `${ids}-next-reason`}
          data-testid="share-next"
        >
          {intl.formatMessage({ id: 'shareFlow.choose.next' })}
        </Button>
        {ready ? null : (
          <p id={`${ids}-next-reason`} className="muted share-step__reason" data-testid="share-next-reason">
            {intl.formatMessage({ id: 'shareFlow.choose.nothingYet' })}
          </p>
        )}
      </div>
    </section>
  );
}
