// What a share shows: the sender's header and every item, exactly as the counselor sees it. Used
// by the share flow's preview, the counselor's inbox, print and show-in-session. Every word from
// a share is rendered as React text (Markdown through SafeMarkdown, which never makes HTML); a
// part that is `null` is simply not there.
import { useIntl, type IntlShape } from 'react-intl';
import { Check, Circle } from 'lucide-react';
import type { EntryKind, IdentityKind, SharedGoalCheckin, SharedItem, SharePayload } from '../../../api';
import type { MessageId } from '../../../i18n';
import { SafeMarkdown } from '../../journal/SafeMarkdown';
import { dayDate, formatTime, wallClock } from '../../journal/format';
import { identityPartText, setLabel } from '../../identity/identityWords';
import './view.css';

export type SharedSize = 'normal' | 'large';

const KIND_WORD: Record<EntryKind, MessageId> = {
  free: 'shareView.kind.free',
  checkin: 'shareView.kind.checkin',
  reflection: 'shareView.kind.reflection',
  goal_checkin: 'shareView.kind.goal_checkin',
};

const IDENTITY_KIND_WORD: Record<IdentityKind, MessageId> = {
  try_on: 'shareView.kind.identity.try_on',
  moment: 'shareView.kind.identity.moment',
  reflection: 'shareView.kind.identity.reflection',
};

const INTENSITY_WORD: Record<number, MessageId> = {
  1: 'shareView.intensity.1',
  2: 'shareView.intensity.2',
  3: 'shareView.intensity.3',
  4: 'shareView.intensity.4',
  5: 'shareView.intensity.5',
};

/** The safety plan's section ids (snake_case, as in a share) → the plan's own title words. */
const PLAN_SECTION_TITLE: Record<string, MessageId> = {
  warning_signs: 'safety.section.warningSigns.title',
  coping_on_my_own: 'safety.section.copingOnMyOwn.title',
  people_and_places: 'safety.section.peopleAndPlaces.title',
  people_to_ask: 'safety.section.peopleToAsk.title',
  professionals: 'safety.section.professionals.title',
  safer_space: 'safety.section.saferSpace.title',
  reasons_for_living: 'safety.section.reasonsForLiving.title',
};

/** A long, locale-aware date and time of an RFC 3339 stamp (the wall-clock time it was made). */
export function formatSharedAt(intl: IntlShape, iso: string): string {
  const date = intl.formatDate(wallClock(iso), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return intl.formatMessage({ id: 'shareView.dateAtTime' }, { date, time: formatTime(intl, iso) });
}

/** A long, locale-aware date of a `YYYY-MM-DD` day. */
export function formatSharedDay(intl: IntlShape, day: string): string {
  return intl.formatDate(dayDate(day), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

function intensityWord(intl: IntlShape, value: number): string {
  const clamped = Math.max(1, Math.min(5, Math.round(value)));
  return intl.formatMessage({ id: INTENSITY_WORD[clamped] ?? 'shareView.intensity.3' });
}

/** Who a share is from, when it was made, and the sender's note. */
export function SharedHeader({ payload }: { payload: SharePayload }) {
  const intl = useIntl();
  const { from } = payload;
  const name = from.name?.trim() ? from.name : null;
  return (
    <header className="shared-header" data-testid="shared-header">
      <p className="shared-header__from">
        {name !== null ? (
          <>
            <span className="shared-header__label">{intl.formatMessage({ id: 'shareView.from' })} </span>
            <bdi className="shared-header__name" data-testid="shared-from-name">
              {name}
            </bdi>
          </>
        ) : (
          <span className="shared-header__name shared-header__name--none" data-testid="shared-from-name">
            {intl.formatMessage({ id: 'shareView.nameLeftOut' })}
          </span>
        )}
        {from.pronouns ? (
          <span className="shared-header__pronouns" data-testid="shared-from-pronouns">
            {' '}
            {intl.formatMessage({ id: 'shareView.pronouns' }, { pronouns: setLabel(intl, from.pronouns) })}
          </span>
        ) : null}
      </p>
      <p className="shared-header__when muted" data-testid="shared-created">
        {intl.formatMessage({ id: 'shareView.sharedOn' }, { when: formatSharedAt(intl, payload.createdAt) })}
      </p>
      {from.note?.trim() ? (
        <figure className="shared-header__note" data-testid="shared-note">
          <figcaption className="muted">{intl.formatMessage({ id: 'shareView.note' })}</figcaption>
          <p dir="auto" className="shared-text">
            {from.note}
          </p>
        </figure>
      ) : null}
    </header>
  );
}

/** A label and a plain text (kept as typed: line breaks shown, never HTML). */
function TextPart({ label, text, testId }: { label: string; text: string; testId: string }) {
  return (
    <div className="shared-part" data-testid={testId}>
      <h4 className="shared-part__label">{label}</h4>
      <p dir="auto" className="shared-text">
        {text}
      </p>
    </div>
  );
}

function GoalCheckinParts({ part, testId, headingLevel }: { part: SharedGoalCheckin; testId?: string; headingLevel: 'h4' | 'h5' }) {
  const intl = useIntl();
  const Label = headingLevel;
  return (
    <div className="shared-part shared-goal-checkin" data-testid={testId}>
      {part.goalTitle ? (
        <p className="shared-goal-checkin__goal">
          {intl.formatMessage({ id: 'shareView.entry.goal' })} <bdi className="shared-strong">{part.goalTitle}</bdi>
        </p>
      ) : null}
      {part.day ? <Label className="shared-part__label">{formatSharedDay(intl, part.day)}</Label> : null}
      {part.how ? (
        <div>
          <p className="shared-part__sublabel">{intl.formatMessage({ id: 'shareView.goal.how' })}</p>
          <SafeMarkdown text={part.how} className="shared-markdown" />
        </div>
      ) : null}
      {part.inTheWay ? (
        <div>
          <p className="shared-part__sublabel">{intl.formatMessage({ id: 'shareView.goal.inTheWay' })}</p>
          <p dir="auto" className="shared-text">
            {part.inTheWay}
          </p>
        </div>
      ) : null}
      {part.nextStep ? (
        <div>
          <p className="shared-part__sublabel">{intl.formatMessage({ id: 'shareView.goal.nextStep' })}</p>
          <p dir="auto" className="shared-text">
            {part.nextStep}
          </p>
        </div>
      ) : null}
    </div>
  );
}

type EntryItem = Extract<SharedItem, { type: 'entry' }>;
type GoalItem = Extract<SharedItem, { type: 'goal' }>;
type InsightsItem = Extract<SharedItem, { type: 'insights' }>;
type PlanItem = Extract<SharedItem, { type: 'safety_plan' }>;

function EntryBody({ item }: { item: EntryItem }) {
  const intl = useIntl();
  const kindWord = intl.formatMessage({ id: item.identity ? IDENTITY_KIND_WORD[item.identity.kind] : KIND_WORD[item.kind] });
  return (
    <>
      <p className="shared-item__kind">
        <span data-testid="shared-kind">{kindWord}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="shared-day">{formatSharedDay(intl, item.day)}</span>
      </p>
      {item.title ? (
        <h3 className="shared-item__title" dir="auto" data-testid="shared-title">
          {item.title}
        </h3>
      ) : null}
      {item.prompt ? (
        <figure className="shared-part shared-prompt" data-testid="shared-prompt">
          <figcaption className="shared-part__label">{intl.formatMessage({ id: 'shareView.entry.prompt' })}</figcaption>
          <blockquote dir="auto" className="shared-text">
            {item.prompt}
          </blockquote>
        </figure>
      ) : null}
      {item.identity ? (
        <p className="shared-part shared-identity" data-testid="shared-identity" dir="auto">
          {item.identity.kind === 'reflection'
            ? intl.formatMessage({ id: 'shareView.identity.reflectionLine' })
            : identityPartText(intl, item.identity)}
        </p>
      ) : null}
      {item.goal ? <GoalCheckinParts part={item.goal} testId="shared-goal" headingLevel="h4" /> : null}
      {item.feelings ? (
        <div className="shared-part" data-testid="shared-feelings">
          <h4 className="shared-part__label">{intl.formatMessage({ id: 'shareView.entry.feelings' })}</h4>
          <ul className="shared-chips">
            {item.feelings.map((f, i) => (
              <li key={i} className="shared-chip" dir="auto">
                {intl.formatMessage({ id: 'shareView.feelingWithIntensity' }, { feeling: f.word, intensity: intensityWord(intl, f.intensity) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.goingOn ? <TextPart label={intl.formatMessage({ id: 'shareView.entry.goingOn' })} text={item.goingOn} testId="shared-going-on" /> : null}
      {item.helped ? <TextPart label={intl.formatMessage({ id: 'shareView.entry.helped' })} text={item.helped} testId="shared-helped" /> : null}
      {item.body ? (
        <div className="shared-part">
          {item.kind === 'goal_checkin' ? (
            <h4 className="shared-part__label">{intl.formatMessage({ id: 'shareView.goal.how' })}</h4>
          ) : null}
          <SafeMarkdown text={item.body} testId="shared-body" className="shared-markdown" />
        </div>
      ) : null}
      {item.tags && item.tags.length > 0 ? (
        <ul className="shared-chips shared-part" aria-label={intl.formatMessage({ id: 'shareView.entry.tags' })} data-testid="shared-tags">
          {item.tags.map((tag, i) => (
            <li key={i} className="shared-chip" dir="auto">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function GoalBody({ item }: { item: GoalItem }) {
  const intl = useIntl();
  return (
    <>
      <p className="shared-item__kind">
        <span data-testid="shared-kind">{intl.formatMessage({ id: 'shareView.kind.goal' })}</span>
        {item.area ? (
          <>
            <span aria-hidden="true"> · </span>
            <span data-testid="shared-goal-area">{intl.formatMessage({ id: `goals.area.${item.area}` })}</span>
          </>
        ) : null}
      </p>
      <h3 className="shared-item__title" dir="auto" data-testid="shared-goal-title">
        {item.title}
      </h3>
      <p className="shared-goal__meta">
        <span className="shared-badge" data-testid="shared-goal-status">
          {intl.formatMessage({ id: `goals.status.${item.status}` })}
        </span>
        {item.madeWithCounselor ? (
          <span className="shared-badge" data-testid="shared-goal-with-counselor">
            {intl.formatMessage({ id: 'shareView.goal.madeWithCounselor' })}
          </span>
        ) : null}
      </p>
      {item.why ? <TextPart label={intl.formatMessage({ id: 'shareView.goal.why' })} text={item.why} testId="shared-goal-why" /> : null}
      {item.steps ? (
        <div className="shared-part" data-testid="shared-goal-steps">
          <h4 className="shared-part__label">{intl.formatMessage({ id: 'shareView.goal.steps' })}</h4>
          {item.steps.length === 0 ? (
            <p className="muted">{intl.formatMessage({ id: 'shareView.goal.noSteps' })}</p>
          ) : (
            <ul className="shared-steps">
              {item.steps.map((step, i) => (
                <li key={i} className={step.done ? 'shared-step shared-step--done' : 'shared-step'} data-done={step.done}>
                  {step.done ? <Check size={18} aria-hidden="true" /> : <Circle size={18} aria-hidden="true" />}
                  <span className="visually-hidden">
                    {intl.formatMessage({ id: step.done ? 'shareView.goal.stepDone' : 'shareView.goal.stepOpen' })}
                  </span>
                  <span dir="auto">{step.text}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {item.checkins ? (
        <div className="shared-part" data-testid="shared-goal-checkins">
          <h4 className="shared-part__label">{intl.formatMessage({ id: 'shareView.goal.checkins' })}</h4>
          {item.checkins.length === 0 ? (
            <p className="muted">{intl.formatMessage({ id: 'shareView.goal.noCheckins' })}</p>
          ) : (
            <ol className="shared-checkins">
              {item.checkins.map((c, i) => (
                <li key={i}>
                  <GoalCheckinParts part={c} headingLevel="h5" />
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </>
  );
}

function InsightsBody({ item }: { item: InsightsItem }) {
  const intl = useIntl();
  return (
    <>
      <p className="shared-item__kind">
        <span data-testid="shared-kind">{intl.formatMessage({ id: 'shareView.kind.insights' })}</span>
      </p>
      <h3 className="shared-item__title" data-testid="shared-insights-range">
        {intl.formatMessage(
          { id: 'shareView.insights.range' },
          {
            from: intl.formatDate(dayDate(item.from), { day: 'numeric', month: 'long', year: 'numeric' }),
            to: intl.formatDate(dayDate(item.to), { day: 'numeric', month: 'long', year: 'numeric' }),
          },
        )}
      </h3>
      <p className="shared-part" data-testid="shared-insights-counts">
        {intl.formatMessage({ id: 'shareView.insights.counts' }, { entries: item.entries, checkins: item.checkins })}
      </p>
      <div className="shared-part" data-testid="shared-insights-feelings">
        <h4 className="shared-part__label">{intl.formatMessage({ id: 'shareView.insights.topFeelings' })}</h4>
        {item.topFeelings.length === 0 ? (
          <p className="muted">{intl.formatMessage({ id: 'shareView.insights.noFeelings' })}</p>
        ) : (
          <ol className="shared-tally">
            {item.topFeelings.map((f, i) => (
              <li key={i} dir="auto">
                {intl.formatMessage({ id: 'shareView.insights.feelingCount' }, { feeling: f.word, count: f.count })}
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}

function PlanBody({ item }: { item: PlanItem }) {
  const intl = useIntl();
  return (
    <>
      <p className="shared-item__kind">
        <span data-testid="shared-kind">{intl.formatMessage({ id: 'shareView.kind.safetyPlan' })}</span>
      </p>
      <h3 className="shared-item__title">{intl.formatMessage({ id: 'shareView.plan.title' })}</h3>
      {item.sections.map((section) => {
        const title = PLAN_SECTION_TITLE[section.section];
        return (
          <section key={section.section} className="shared-part shared-plan-section" data-testid="shared-plan-section" data-section={section.section}>
            <h4 className="shared-part__label">{title ? intl.formatMessage({ id: title }) : section.section}</h4>
            {section.items.length === 0 ? (
              <p className="muted">{intl.formatMessage({ id: 'shareView.plan.empty' })}</p>
            ) : (
              <ul className="shared-plan-section__items">
                {section.items.map((text, i) => (
                  <li key={i} dir="auto" className="shared-text">
                    {text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

/** One shared item (an entry, a goal, a feelings summary or the safety plan). */
export function SharedItemView({ item, size = 'normal' }: { item: SharedItem; size?: SharedSize }) {
  const kind = item.type === 'entry' ? item.kind : item.type;
  return (
    <article className={`shared-item shared-item--${item.type} shared-size--${size}`} data-testid="shared-item" data-kind={kind} data-type={item.type}>
      {item.type === 'entry' ? <EntryBody item={item} /> : null}
      {item.type === 'goal' ? <GoalBody item={item} /> : null}
      {item.type === 'insights' ? <InsightsBody item={item} /> : null}
      {item.type === 'safety_plan' ? <PlanBody item={item} /> : null}
    </article>
  );
}

/** Renders exactly what a share holds, in its order. `large` is the show-in-session type size. */
export function SharedView({ payload, size = 'normal' }: { payload: SharePayload; size?: SharedSize }) {
  return (
    <div className={`shared-view shared-size--${size}`} data-testid="shared-view" data-size={size}>
      <SharedHeader payload={payload} />
      <div className="shared-view__items">
        {payload.items.map((item, i) => (
          <SharedItemView key={i} item={item} size={size} />
        ))}
      </div>
    </div>
  );
}
