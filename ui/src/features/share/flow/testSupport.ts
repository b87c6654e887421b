// Shared helpers for the share flow's tests.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { Contact, Entry } from '../../../api';
import { createFakeBackend, type FakeBackend } from '../../../test/fakeBackend';
import { localIso } from '../../../test/fakeJournal';
import type { createFakeShareFlow } from '../../../test/fakeShareFlow';
import { renderApp } from '../../../test/render';

export type FakeShareFlow = ReturnType<typeof createFakeShareFlow>;

/** The share flow's part of the fake backend (its save dialog queue, its payload builder). */
export function flowFake(backend: FakeBackend): FakeShareFlow {
  return backend.sharing.flow as FakeShareFlow;
}

export function daysAgo(days: number, hour = 12, minute = 0): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
}

const KEY_CHARS = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** A paired counselor, as `save_contact` stores one. */
export function addCounselor(backend: FakeBackend, name: string, id = backend.sharing.state.contacts.length + 1): Contact {
  const recipient = `age1${Array.from({ length: 58 }, (_, i) => KEY_CHARS[(i * 7 + id * 3) % 32]).join('')}`;
  const contact: Contact = {
    id,
    role: 'counselor',
    name,
    recipient,
    fingerprint: ['amber', 'birch', 'cedar', 'delta', 'ember'],
    pairedAt: localIso(daysAgo(20)),
    keyReplacedAt: null,
  };
  backend.sharing.state.contacts.push(contact);
  return contact;
}

export type Seeded = {
  older: Entry;
  checkin: Entry;
  recent: Entry;
  identity: Entry;
  goalCheckin: Entry;
  goalId: number;
};

/** A free entry, a check-in, a goal check-in, an identity try-on, a goal with steps and a plan. */
export function seed(backend: FakeBackend): Seeded {
  const goal = backend.goals.addGoal({
    title: 'Sleep before midnight',
    why: 'I feel better at school',
    steps: [
      { id: null, text: 'Phone out of the room', done: true },
      { id: null, text: 'Lights off at 11:30', done: false },
    ],
  });
  const older = backend.journal.add(
    { kind: 'free', title: 'The long week', body: 'It was **a lot**.\n\nBut I made it.', tags: ['school'], promptId: 'feelings.01' },
    daysAgo(12),
  );
  const checkin = backend.journal.add(
    {
      kind: 'checkin',
      body: '',
      checkin: {
        feelings: [
          { feeling: 'anxious', intensity: 4, valence: -1 },
          { feeling: 'hopeful', intensity: 2, valence: 1 },
        ],
        pleasantness: null,
        energy: null,
        sensations: [],
        goingOn: 'A test tomorrow',
        helped: 'A walk with Jo',
      },
    },
    daysAgo(5),
  );
  const goalCheckin = backend.journal.add(
    { kind: 'goal_checkin', body: 'Went okay', goal: { goalId: goal.id, inTheWay: 'A late show', nextStep: 'Phone away at 11' } },
    daysAgo(3),
  );
  const recent = backend.journal.add({ kind: 'free', title: 'Today', body: 'A quiet day.' }, daysAgo(1));
  const identity = backend.journal.add(
    {
      kind: 'reflection',
      body: 'It felt right.',
      identity: { kind: 'try_on', name: 'River', pronouns: null, felt: 2, moment: null },
    },
    daysAgo(2),
  );
  backend.state.safetyPlan = {
    ...backend.state.safetyPlan,
    warningSigns: ['Not sleeping'],
    peopleToAsk: [{ name: 'Aunt May', phone: '555 0100', note: null }],
    reasonsForLiving: ['My cat'],
  };
  return { older, checkin, recent, identity, goalCheckin, goalId: goal.id };
}

/** Unlocked app (client mode) → Share → the share flow's first step, its lists loaded. */
export async function openShareFlow(
  overrides: Parameters<typeof createFakeBackend>[0] = {},
  prepare?: (backend: FakeBackend) => void,
) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  prepare?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-share'));
  const choose = await screen.findByTestId('share-step-choose');
  await waitFor(() => expect(within(choose).queryAllByText(/Loading/)).toHaveLength(0));
  return { backend, choose, ...utils };
}

/** The checkbox inside a pick's label. */
export const box = (testId: string) => within(screen.getByTestId(testId)).getByRole('checkbox');

/** The switch inside a part's label. */
export const toggle = (testId: string) => within(screen.getByTestId(testId)).getByRole('switch');

/** The shared items shown in the preview, as their `data-kind`s. */
export const previewKinds = () =>
  within(screen.getByTestId('share-preview'))
    .queryAllByTestId('shared-item')
    .map((item) => item.getAttribute('data-kind'));

/** The last selection the preview was built from. */
export function lastPreviewSelection(backend: FakeBackend) {
  const calls = backend.callsTo('preview_share');
  return calls[calls.length - 1]?.args?.selection as import('../../../api').ShareSelection | undefined;
}

/** Waits until the preview is built for the current picks. */
export async function previewSettled() {
  await waitFor(() => expect(screen.getByTestId('share-preview')).not.toHaveAttribute('aria-busy'));
}
