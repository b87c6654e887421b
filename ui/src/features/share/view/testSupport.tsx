// Test support for what a share shows and the share log (imported by tests only): a payload
// with every kind of item and every part, and a render with what the unlocked Shell gives.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import type { SharedItem, SharePayload } from '../../../api';

export type EntryItem = Extract<SharedItem, { type: 'entry' }>;
export type GoalItem = Extract<SharedItem, { type: 'goal' }>;
export type InsightsItem = Extract<SharedItem, { type: 'insights' }>;
export type PlanItem = Extract<SharedItem, { type: 'safety_plan' }>;
import { AppContext, type AppContextValue } from '../../../app/AppContext';
import { CATALOGUES } from '../../../i18n/all';
import { type AppLocale } from '../../../i18n';
import { builtInSet } from '../../identity/grammar';
import { defaultPrefs } from '../../../test/fakeBackend';

export const FULL_ENTRY: EntryItem = {
  type: 'entry',
  kind: 'checkin',
  day: '2025-03-03',
  createdAt: '2025-03-03T18:05:00-05:00',
  title: 'A long Monday',
  body: 'I felt **tired** but okay.\n\n- went for a walk\n- called Ana',
  feelings: [
    { word: 'Tired', intensity: 4 },
    { word: 'Calm', intensity: 1 },
  ],
  goingOn: 'Exams this week',
  helped: 'Music with headphones',
  tags: ['school', 'sleep'],
  prompt: 'What felt heavy today?',
  goal: null,
  identity: null,
};

export const GOAL_CHECKIN_ENTRY: EntryItem = {
  type: 'entry',
  kind: 'goal_checkin',
  day: '2025-03-04',
  createdAt: '2025-03-04T08:00:00-05:00',
  title: null,
  body: 'Went to bed at 11.',
  feelings: null,
  goingOn: null,
  helped: null,
  tags: null,
  prompt: null,
  goal: { goalTitle: 'Sleep better', day: null, how: null, inTheWay: 'My phone', nextStep: 'Charge it in the kitchen' },
  identity: null,
};

export const IDENTITY_ENTRY: EntryItem = {
  type: 'entry',
  kind: 'reflection',
  day: '2025-03-05',
  createdAt: '2025-03-05T21:00:00-05:00',
  title: null,
  body: 'It felt right.',
  feelings: null,
  goingOn: null,
  helped: null,
  tags: null,
  prompt: null,
  goal: null,
  identity: { kind: 'try_on', name: 'River', pronouns: builtInSet('they'), felt: 2, moment: null },
};

export const GOAL_ITEM: GoalItem = {
  type: 'goal',
  title: 'Sleep better',
  why: 'I want more energy for school',
  area: 'body',
  status: 'active',
  madeWithCounselor: true,
  steps: [
    { text: 'Phone out of the room', done: true },
    { text: 'Bed by 11', done: false },
  ],
  checkins: [{ goalTitle: null, day: '2025-03-04', how: 'Went to bed at 11.', inTheWay: 'My phone', nextStep: 'Charge it in the kitchen' }],
};

export const INSIGHTS_ITEM: InsightsItem = {
  type: 'insights',
  from: '2025-02-01',
  to: '2025-03-02',
  entries: 12,
  checkins: 1,
  topFeelings: [
    { word: 'Tired', count: 5 },
    { word: 'Hopeful', count: 2 },
  ],
};

export const PLAN_ITEM: PlanItem = {
  type: 'safety_plan',
  sections: [
    { section: 'warning_signs', items: ["I can't sleep"] },
    { section: 'people_to_ask', items: ['Aunt Rosa — 555 0101'] },
  ],
};

export function payloadWith(items: SharedItem[], from: Partial<SharePayload['from']> = {}): SharePayload {
  return {
    format: 'cove-share',
    version: 1,
    shareId: '0123456789abcdef0123456789abcdef',
    createdAt: '2025-03-06T16:30:00-05:00',
    kind: 'share',
    from: { name: 'Sam', pronouns: builtInSet('they'), replyTo: null, note: 'For Thursday', ...from },
    items,
    suggestions: [],
  };
}

export const FULL_PAYLOAD = payloadWith([FULL_ENTRY, GOAL_CHECKIN_ENTRY, IDENTITY_ENTRY, GOAL_ITEM, INSIGHTS_ITEM, PLAN_ITEM]);

export function appContext(locale: AppLocale = 'en', overrides: Partial<AppContextValue> = {}): AppContextValue {
  const prefs = defaultPrefs({ language: locale });
  return {
    status: { vaultExists: true, unlocked: true, pinEnabled: false, prefs },
    locale,
    appName: 'Cove',
    updatePrefs: async () => undefined,
    refreshStatus: async () => null,
    lockNow: () => undefined,
    openRestoredJournal: () => undefined,
    ...overrides,
  };
}

export function renderView(ui: ReactNode, { locale = 'en', app }: { locale?: AppLocale; app?: AppContextValue } = {}) {
  document.documentElement.lang = locale;
  const user = userEvent.setup();
  const utils = render(
    <IntlProvider locale={locale} defaultLocale="en" messages={CATALOGUES[locale]}>
      <I18nProvider locale={locale}>
        <AppContext.Provider value={app ?? appContext(locale)}>
          <main>{ui}</main>
        </AppContext.Provider>
      </I18nProvider>
    </IntlProvider>,
  );
  return { user, ...utils };
}
