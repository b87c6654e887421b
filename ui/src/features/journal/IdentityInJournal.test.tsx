// The identity space's entries in the journal: left out unless the person chooses to see them.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EntryFilter } from '../../api';
import { defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { builtInSet } from '../identity/grammar';
import { dayKey } from './format';
import { daysAgo, entryIds, fakeLayout, openJournal } from './testSupport';

type Backend = Awaited<ReturnType<typeof openJournal>>['backend'];

const ids: Record<string, number> = {};

function seed(b: Backend) {
  ids.plain = b.journal.add({ body: 'River was at band practice' }, daysAgo(0, 8)).id;
  ids.tryOn = b.journal.add(
    { kind: 'reflection', identity: { kind: 'try_on', name: 'River', pronouns: builtInSet('xe'), felt: 1, moment: null } },
    daysAgo(0, 9),
  ).id;
  ids.moment = b.journal.add(
    { kind: 'reflection', body: 'mirror', identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'euphoria' } },
    daysAgo(0, 10),
  ).id;
}

const lastFilter = (b: Backend): EntryFilter => {
  const calls = b.callsTo('list_entries');
  return (calls[calls.length - 1]?.args?.query as { filter: EntryFilter }).filter;
};

describe('the identity space in the journal', () => {
  beforeEach(() => fakeLayout());

  it('leaves identity entries out of the timeline, search and calendar unless the switch is on', async () => {
    const { user, backend } = await openJournal({}, seed);
    await screen.findByTestId('timeline');
    expect(entryIds()).toEqual([ids.plain]);
    expect(lastFilter(backend).includeIdentity).toBe(false);
    expect(screen.getByText('1 entry')).toBeInTheDocument();

    await user.click(screen.getByTestId('journal-filters-toggle'));
    const toggle = screen.getByRole('switch', { name: 'Show my identity space here' });
    expect(screen.getByTestId('journal-include-identity')).toContainElement(toggle);
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/stay in the identity space/);
    await user.click(toggle);
    await waitFor(() => expect(entryIds()).toEqual([ids.moment, ids.tryOn, ids.plain]));
    expect(lastFilter(backend).includeIdentity).toBe(true);
    expect(screen.getByTestId('journal-filters-toggle')).toHaveTextContent('Filters (1)');

    // Identity entries carry a small marker; a try-on without a note says what was tried.
    const cards = screen.getAllByTestId('timeline-entry');
    expect(within(cards[0]!).getByTestId('entry-identity-marker')).toHaveTextContent('Identity space');
    expect(cards[0]).toHaveTextContent('mirror');
    expect(cards[1]).toHaveTextContent('Tried River · xe/xem — felt: good');
    expect(cards[1]).toHaveAttribute('data-identity', 'try_on');
    expect(within(cards[2]!).queryByTestId('entry-identity-marker')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    // Search follows the switch: the tried name is found only while it is on.
    await user.type(screen.getByTestId('journal-search'), 'river');
    await waitFor(() =>
      expect(screen.getAllByTestId('search-hit').map((h) => Number(h.getAttribute('data-entry-id'))).sort()).toEqual(
        [ids.plain, ids.tryOn].sort(),
      ),
    );
    await user.click(toggle);
    await waitFor(() => expect(screen.getAllByTestId('search-hit').map((h) => Number(h.getAttribute('data-entry-id')))).toEqual([ids.plain]));
    await user.click(screen.getByTestId('journal-search-clear'));

    // The calendar counts them only with the switch on.
    await user.click(screen.getByTestId('journal-view-calendar'));
    const calendar = await screen.findByTestId('calendar');
    const todayCell = () => calendar.querySelector(`[data-testid="calendar-day"][data-day="${dayKey(new Date())}"]`);
    await waitFor(() => expect(todayCell()).toHaveAttribute('data-count', '1'));
    await user.click(toggle);
    await waitFor(() => expect(todayCell()).toHaveAttribute('data-count', '3'));

    // Clearing the filters makes the journal private again.
    await user.click(screen.getByTestId('filter-clear'));
    expect(toggle).not.toBeChecked();
  });

  it('opens an identity entry with what it is, and editing keeps its identity part', async () => {
    const { user, backend } = await openJournal({}, seed);
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-filters-toggle'));
    await user.click(screen.getByRole('switch', { name: 'Show my identity space here' }));
    await waitFor(() => expect(entryIds()).toContain(ids.tryOn));
    await user.click(screen.getAllByTestId('timeline-entry').find((c) => Number(c.dataset.entryId) === ids.tryOn)!);
    const view = await screen.findByTestId('entry-view');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('Tried River · xe/xem — felt: good');
    expect(within(view).getByTestId('entry-identity')).toHaveTextContent('Part of your identity space. Only you see it.');
    // A try-on without a note is whole: no "nothing written" line.
    expect(within(view).queryByTestId('entry-body')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(within(view).getByTestId('entry-edit'));
    const editor = await screen.findByTestId('editor');
    expect(within(editor).getByTestId('editor-identity')).toHaveTextContent('Tried River · xe/xem — felt: good · in your identity space');
    await user.type(within(editor).getByTestId('editor-body'), 'It fit.');
    await user.click(within(editor).getByTestId('editor-done'));
    await screen.findByTestId('entry-view');
    expect(backend.journal.state.entries.find((e) => e.id === ids.tryOn)).toMatchObject({
      body: 'It fit.',
      identity: { kind: 'try_on', name: 'River', pronouns: builtInSet('xe'), felt: 1, moment: null },
    });
  });

  it('says it in Spanish', async () => {
    const { user } = await openJournal({ prefs: defaultPrefs({ language: 'es' }) }, seed);
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-filters-toggle'));
    await user.click(screen.getByRole('switch', { name: 'Mostrar aquí mi espacio de identidad' }));
    await waitFor(() => expect(entryIds()).toHaveLength(3));
    const card = screen.getAllByTestId('timeline-entry')[1]!;
    expect(within(card).getByTestId('entry-identity-marker')).toHaveTextContent('Espacio de identidad');
    expect(card).toHaveTextContent('Probaste River · xe/xem — cómo se sintió: bien');
    await expectNoAxeViolations();
  });
});
