import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import type { Checkin } from '../../api';
import { dayHeadings, daysAgo, entryIds, fakeLayout, openJournal } from './testSupport';
import { dayKey, formatDay } from './format';

const checkin = (over: Partial<Checkin> = {}): Checkin => ({
  feelings: [{ feeling: 'calm', intensity: 4, valence: 1 }],
  pleasantness: 0.7,
  energy: -0.7,
  sensations: [],
  goingOn: 'Band practice',
  helped: 'Music',
  ...over,
});

describe('journal timeline', () => {
  beforeEach(() => fakeLayout());

  it('invites to write when there is nothing yet, and passes axe', async () => {
    const { user } = await openJournal();
    expect(await screen.findByText('Nothing here yet. Want to start with how today felt?')).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Start writing' }));
    expect(await screen.findByTestId('editor')).toBeInTheDocument();
  });

  it('groups entries by day under Today, Yesterday and dates, newest first, and passes axe', async () => {
    const ids: number[] = [];
    await openJournal({}, (b) => {
      ids.push(b.journal.add({ title: 'Old one', body: 'x', tags: ['school'] }, daysAgo(5, 9)).id);
      ids.push(b.journal.add({ body: 'Yesterday evening' }, daysAgo(1, 21)).id);
      ids.push(b.journal.add({ body: 'This morning' }, daysAgo(0, 8)).id);
      ids.push(b.journal.add({ kind: 'checkin', checkin: checkin() }, daysAgo(0, 9)).id);
    });
    await screen.findByTestId('timeline');
    const intlDate = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long' }).format(daysAgo(5));
    expect(dayHeadings()).toEqual(['Today', 'Yesterday', daysAgo(5).getFullYear() === new Date().getFullYear() ? intlDate : expect.any(String)]);
    expect(entryIds()).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    const cards = screen.getAllByTestId('timeline-entry');
    expect(cards[0]).toHaveTextContent('Check-in');
    expect(cards[0]).toHaveTextContent('Calm');
    expect(cards[3]).toHaveTextContent('Old one');
    expect(cards[3]).toHaveAttribute('data-entry-title', 'Old one');
    expect(cards[3]).toHaveTextContent('#school');
    expect(screen.getByText('4 entries')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Your entries, newest first' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-posinset', '1');
    await expectNoAxeViolations();
  });

  it('keeps only a small window of 10,000 entries in the page and loads more pages while scrolling', async () => {
    const { backend } = await openJournal({}, (b) => {
      const start = daysAgo(400, 0).getTime();
      // (Today's "recent entries" asks too; the timeline's own pages are the 100-entry ones.)
      for (let i = 0; i < 10_000; i++) b.journal.add({ body: `Entry number ${i}` }, new Date(start + i * 55 * 60_000));
    });
    const timeline = await screen.findByTestId('timeline');
    expect(screen.getByText('10,000 entries')).toBeInTheDocument();
    const rendered = screen.getAllByTestId('timeline-entry').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    const pages = () => backend.callsTo('list_entries').filter((c) => (c.args?.query as { limit: number }).limit === 100);
    expect(pages()).toHaveLength(1);
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('Entry number 9999');

    // Scroll to the end of the first page: the next page is asked for with the cursor.
    await act(async () => {
      timeline.scrollTop = 100_000;
      fireEvent.scroll(timeline);
    });
    await waitFor(() => expect(pages().length).toBeGreaterThanOrEqual(2));
    const second = pages()[1]?.args?.query as { cursor: unknown; limit: number };
    expect(second.cursor).not.toBeNull();
    expect(second.limit).toBe(100);
    // Still only a small window of rows, now further down the timeline.
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')[0]).not.toHaveTextContent('Entry number 9999'));
    // Entries from the second page (older than the first 100) come into view.
    await waitFor(() =>
      expect(screen.getAllByTestId('timeline-entry').some((el) => Number(/Entry number (\d+)/.exec(el.textContent ?? '')?.[1]) < 9900)).toBe(true),
    );
    expect(screen.getAllByTestId('timeline-entry').length).toBeLessThan(40);
  });

  it('moves between entries with the arrow keys', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'older' }, daysAgo(2));
      b.journal.add({ body: 'newer' }, daysAgo(0));
    });
    const [first, second] = await screen.findAllByTestId('timeline-entry');
    first!.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(first).toHaveFocus();
  });

  it('filters by kind and tag, and clears the filters', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'free with tag', tags: ['school'] }, daysAgo(1));
      b.journal.add({ body: 'free no tag' }, daysAgo(1, 13));
      b.journal.add({ kind: 'checkin', checkin: checkin(), tags: ['school'] }, daysAgo(0));
    });
    await screen.findByTestId('timeline');
    expect(entryIds()).toHaveLength(3);
    const toggle = screen.getByTestId('journal-filters-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('filter-kind-checkin'));
    await waitFor(() => expect(entryIds()).toHaveLength(1));
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('Check-in');
    await user.click(screen.getByTestId('filter-kind-checkin'));
    await user.click(screen.getByTestId('filter-kind-free'));
    await waitFor(() => expect(entryIds()).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('filter-tag'), 'school');
    await waitFor(() => expect(entryIds()).toHaveLength(1));
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('free with tag');
    expect(toggle).toHaveTextContent('Filters (2)');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(entryIds()).toHaveLength(3));
  });

  it('filters by a date range typed into the date fields', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'in range' }, new Date(2026, 2, 10, 12));
      b.journal.add({ body: 'too early' }, new Date(2026, 1, 1, 12));
      b.journal.add({ body: 'too late' }, new Date(2026, 5, 1, 12));
    });
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-filters-toggle'));
    const from = within(screen.getByTestId('filter-from')).getAllByRole('spinbutton');
    await user.click(from[0]!);
    await user.keyboard('03012026');
    const to = within(screen.getByTestId('filter-to')).getAllByRole('spinbutton');
    await user.click(to[0]!);
    await user.keyboard('03312026');
    await waitFor(() => expect(entryIds()).toHaveLength(1));
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('in range');
  });

  it('filters by feeling with its name', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ kind: 'checkin', checkin: checkin() }, daysAgo(1));
      b.journal.add({ kind: 'checkin', checkin: checkin({ feelings: [{ feeling: 'worried', intensity: 2, valence: -1 }] }) }, daysAgo(0));
    });
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-filters-toggle'));
    const select = screen.getByTestId('filter-feeling');
    expect(within(select).getByRole('option', { name: 'Calm' })).toBeInTheDocument();
    await user.selectOptions(select, 'calm');
    await waitFor(() => expect(entryIds()).toHaveLength(1));
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('Calm');
  });

  it('shows "no entries match" in kind words when filters leave nothing', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'free' }, daysAgo(1));
    });
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-filters-toggle'));
    await user.click(screen.getByTestId('filter-kind-goal_checkin'));
    expect(await screen.findByText('No entries match these filters. You can change or clear them.')).toBeInTheDocument();
  });
});

describe('calendar', () => {
  beforeEach(() => fakeLayout());

  it('shows counts per day, moves by keyboard, and choosing a day filters the list', async () => {
    const today = dayKey(new Date());
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'today one' }, daysAgo(0, 8));
      b.journal.add({ kind: 'checkin', checkin: checkin() }, daysAgo(0, 9));
      b.journal.add({ body: 'another day' }, daysAgo(40));
    });
    await screen.findByTestId('timeline');
    await user.click(screen.getByTestId('journal-view-calendar'));
    const calendar = await screen.findByTestId('calendar');
    const cell = await waitFor(() => {
      const el = calendar.querySelector<HTMLButtonElement>(`[data-testid="calendar-day"][data-day="${today}"]`);
      expect(el).toHaveAccessibleName(expect.stringContaining('2 entries, mostly pleasant'));
      return el!;
    });
    expect(cell).toHaveTextContent('2');
    expect(cell).toHaveAttribute('data-count', '2');
    await expectNoAxeViolations();

    // Keyboard: the focused day moves with the arrows.
    cell.focus();
    await user.keyboard('{ArrowLeft}');
    const yesterday = dayKey(daysAgo(1));
    expect(calendar.querySelector(`[data-day="${yesterday}"]`)).toHaveFocus();
    await user.keyboard('{ArrowRight}{Enter}');

    // Chosen: back to the list, only that day.
    await screen.findByTestId('timeline');
    await waitFor(() => expect(entryIds()).toHaveLength(2));
    expect(dayHeadings()).toEqual(['Today']);
    expect(screen.getByText(`Showing ${formatDayEn(today)}`)).toBeInTheDocument();
    await user.click(screen.getByTestId('journal-day-clear'));
    await waitFor(() => expect(entryIds()).toHaveLength(3));
  });

  it('pages between months', async () => {
    const { user } = await openJournal();
    await user.click(await screen.findByTestId('journal-view-calendar'));
    const heading = within(screen.getByTestId('calendar')).getByRole('heading', { level: 2 });
    const now = new Date();
    const month = (d: Date) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(d);
    expect(heading).toHaveTextContent(month(now));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(heading).toHaveTextContent(month(new Date(now.getFullYear(), now.getMonth() - 1, 1)));
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(heading).toHaveTextContent(month(new Date(now.getFullYear(), now.getMonth() + 1, 1)));
  });
});

function formatDayEn(day: string) {
  return formatDay({ formatDate: (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en', o).format(d) } as never, day);
}

describe('search', () => {
  beforeEach(() => fakeLayout());

  it('finds entries as you type, marks the hits, combines with filters, and Escape clears', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ title: 'Rainy day', body: 'The rain kept going all afternoon.' }, daysAgo(1));
      b.journal.add({ body: 'Sunny and warm', tags: ['summer'] }, daysAgo(0));
      b.journal.add({ kind: 'checkin', checkin: checkin({ goingOn: 'rain again' }) }, daysAgo(0, 13));
    });
    await screen.findByTestId('timeline');
    const input = screen.getByTestId('journal-search');
    await user.type(input, 'RAIN');
    const results = await screen.findByTestId('search-results');
    await waitFor(() => expect(within(results).getAllByTestId('search-hit')).toHaveLength(2));
    const hits = within(results).getAllByTestId('search-hit');
    const marks = hits.flatMap((h) => [...h.querySelectorAll('mark')].map((m) => m.textContent));
    expect(marks).toEqual(expect.arrayContaining(['Rainy', 'rain']));
    expect(within(results).getByRole('status')).toHaveTextContent('2 entries match');
    await expectNoAxeViolations();

    // Combined with the filters.
    await user.click(screen.getByTestId('journal-filters-toggle'));
    await user.click(screen.getByTestId('filter-kind-checkin'));
    await waitFor(() => expect(within(results).getAllByTestId('search-hit')).toHaveLength(1));
    expect(within(results).getByTestId('search-hit')).toHaveTextContent('Check-in');

    // Escape clears the search and brings the timeline back.
    input.focus();
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    expect(await screen.findByTestId('timeline')).toBeInTheDocument();
  });

  it('says kindly when nothing matches and survives search syntax', async () => {
    const { user, backend } = await openJournal({}, (b) => {
      b.journal.add({ body: 'hello' }, daysAgo(0));
    });
    await screen.findByTestId('timeline');
    await user.type(screen.getByTestId('journal-search'), '"unclosed AND (NEAR*');
    const results = await screen.findByTestId('search-results');
    await waitFor(() => expect(within(results).getByRole('status')).toHaveTextContent('No entries match “"unclosed AND (NEAR*”. Try another word, or fewer words.'));
    const last = backend.callsTo('search_entries').at(-1)?.args?.query as { text: string };
    expect(last.text).toBe('"unclosed AND (NEAR*');
  });

  it('ignores an answer that arrives after a newer one', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ body: 'a rabbit in the garden' }, daysAgo(1));
      b.journal.add({ body: 'rain on the window' }, daysAgo(0));
    });
    await screen.findByTestId('timeline');
    // The answer for "ra" is slow; the one for "rain" is quick.
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: (...a: unknown[]) => Promise<unknown> } })
      .__TAURI_INTERNALS__;
    const invoke = internals.invoke;
    let slowAnswered = false;
    internals.invoke = async (...args: unknown[]) => {
      const query = (args[1] as { query?: { text?: string } } | undefined)?.query;
      if (args[0] === 'search_entries' && query?.text === 'ra') {
        const answer = await invoke(...args);
        await new Promise((r) => setTimeout(r, 400));
        slowAnswered = true;
        return answer;
      }
      return invoke(...args);
    };
    const input = screen.getByTestId('journal-search');
    await user.type(input, 'ra');
    // Let the "ra" question go out before typing on.
    await waitFor(() => expect(document.querySelector('[data-testid="search-results"][aria-busy="true"]')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 200));
    await user.type(input, 'in');
    const results = screen.getByTestId('search-results');
    await waitFor(() => expect(within(results).getAllByTestId('search-hit')).toHaveLength(1));
    await waitFor(() => expect(slowAnswered).toBe(true));
    // The late answer for "ra" (two hits) did not replace the results for "rain".
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(within(results).getAllByTestId('search-hit')).toHaveLength(1);
    expect(within(results).getByTestId('search-hit')).toHaveTextContent('rain on the window');
  });

  it('opens a result', async () => {
    const { user } = await openJournal({}, (b) => {
      b.journal.add({ title: 'Found me', body: 'treasure' }, daysAgo(0));
    });
    await user.type(await screen.findByTestId('journal-search'), 'treas');
    await user.click(await screen.findByTestId('search-hit'));
    expect(await screen.findByTestId('entry-view')).toHaveTextContent('Found me');
  });
});

describe('shortcuts and intents', () => {
  beforeEach(() => fakeLayout());

  it('Ctrl+K focuses search and Ctrl+N opens a new entry, from anywhere', async () => {
    const { user } = await openJournal();
    await user.click(screen.getByTestId('nav-today'));
    await screen.findByTestId('screen-today');
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByTestId('journal-search')).toHaveFocus();
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByTestId('editor')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('New entry');
  });
});

describe('entry view, delete and undo', () => {
  beforeEach(() => fakeLayout());

  it('shows a check-in in words, passes axe, and moves to the trash with Undo', async () => {
    let id = 0;
    const { user, backend } = await openJournal({}, (b) => {
      id = b.journal.add(
        { kind: 'checkin', title: 'After school', body: 'A **good** talk', tags: ['friends'], checkin: checkin({ sensations: ['tight_chest'] }) },
        daysAgo(0, 16, 5),
      ).id;
    });
    await user.click(await screen.findByTestId('timeline-entry'));
    const view = await screen.findByTestId('entry-view');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('After school');
    expect(view).toHaveTextContent('Calm — a lot');
    expect(view).toHaveTextContent('very pleasant, very low energy');
    expect(view).toHaveTextContent('Band practice');
    expect(view).toHaveTextContent('Music');
    expect(view).toHaveTextContent('#friends');
    expect(view).toHaveTextContent(/4:05/);
    expect(screen.getByTestId('entry-body').querySelector('strong')).toHaveTextContent('good');
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('entry-delete'));
    const undo = await screen.findByTestId('undo-delete');
    expect(screen.getByTestId('undo-notice')).toHaveTextContent('Entry moved to the trash.');
    expect(backend.journal.state.entries[0]?.deletedAt).not.toBeNull();
    expect(await screen.findByText('Nothing here yet. Want to start with how today felt?')).toBeInTheDocument();
    await user.click(undo);
    await waitFor(() => expect(entryIds()).toEqual([id]));
    expect(backend.journal.state.entries[0]?.deletedAt).toBeNull();
    expect(screen.getByTestId('undo-notice')).toHaveTextContent('Entry is back.');
  });
});

describe('trash', () => {
  beforeEach(() => fakeLayout());

  it('lists deleted entries with their last day, restores, deletes forever and empties, and passes axe', async () => {
    const { user, backend } = await openJournal({}, (b) => {
      b.journal.add({ body: 'keep me', deletedAt: '2026-11-20T10:00:00.000+00:00' }, daysAgo(3));
      b.journal.add({ body: 'let me go', deletedAt: '2026-11-21T10:00:00.000+00:00' }, daysAgo(2));
      b.journal.add({ body: 'also go', deletedAt: '2026-11-22T10:00:00.000+00:00' }, daysAgo(1));
      b.journal.add({ body: 'and me', deletedAt: '2026-11-19T10:00:00.000+00:00' }, daysAgo(1));
    }).then(async (ctx) => {
      // The fake's clock: "now" is just after those deletions, so nothing has expired.
      ctx.backend.state.now = () => new Date('2026-11-23T10:00:00.000Z');
      return ctx;
    });
    await user.click(screen.getByTestId('journal-trash'));
    const trash = await screen.findByTestId('trash');
    await waitFor(() => expect(within(trash).getAllByTestId('trash-entry')).toHaveLength(4));
    const rows = within(trash).getAllByTestId('trash-entry');
    // Most recently deleted first, each with the day it goes for good (30 days later).
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('also go'),
      expect.stringContaining('let me go'),
      expect.stringContaining('keep me'),
      expect.stringContaining('and me'),
    ]);
    expect(rows[0]).toHaveTextContent('Deleted for good on December 22, 2026');
    await expectNoAxeViolations();

    await user.click(within(rows[2]!).getByTestId('trash-restore'));
    await waitFor(() => expect(within(trash).getAllByTestId('trash-entry')).toHaveLength(3));
    expect(backend.journal.live().map((e) => e.body)).toEqual(['keep me']);

    await user.click(within(within(trash).getAllByTestId('trash-entry')[0]!).getByTestId('trash-purge'));
    const dialog = await screen.findByTestId('trash-purge-dialog');
    expect(dialog).toHaveTextContent("Once it's gone, it can't be brought back.");
    await user.click(screen.getByTestId('trash-purge-confirm'));
    await waitFor(() => expect(within(trash).getAllByTestId('trash-entry')).toHaveLength(2));
    expect(backend.journal.state.entries.map((e) => e.body)).not.toContain('also go');

    await user.click(screen.getByTestId('trash-empty'));
    expect(await screen.findByTestId('trash-empty-dialog')).toHaveTextContent('All 2 entries in the trash will be deleted for good.');
    await user.click(screen.getByTestId('trash-empty-confirm'));
    expect(await within(trash).findByText('The trash is empty.')).toBeInTheDocument();
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['keep me']);
  });
});

describe('in Spanish', () => {
  beforeEach(() => fakeLayout());

  it('shows the journal in Spanish', async () => {
    await openJournal({ prefs: defaultPrefs({ language: 'es' }) }, (b) => {
      b.journal.add({ body: 'Hola' }, daysAgo(0));
      b.journal.add({ body: 'Ayer' }, daysAgo(1));
    });
    await screen.findByTestId('timeline');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Diario');
    expect(screen.getByTestId('journal-new')).toHaveTextContent('Nueva entrada');
    expect(dayHeadings()).toEqual(['Hoy', 'Ayer']);
    expect(screen.getByText('2 entradas')).toBeInTheDocument();
    expect(screen.getByLabelText('Buscar en tu diario')).toBe(screen.getByTestId('journal-search'));
    await expectNoAxeViolations();
  });
});
