import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Checkin } from '../../api';
import { createFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { renderInSession } from '../prompts/testing';
import { Insights } from './Insights';

const at = (day: string, hour = 12) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour);
};

const checkin = (feelings: [string, number, -1 | 0 | 1][], pleasantness: number | null): Checkin => ({
  feelings: feelings.map(([feeling, intensity, valence]) => ({ feeling, intensity, valence })),
  pleasantness,
  energy: null,
  sensations: [],
  goingOn: null,
  helped: null,
});

/**
 * Five days with a check-in in the last 30 days (moods 0, 0.5, -0.5, -1/3, 1; overall mean 2/15:
 * #music days differ by +0.62, #exams days by -0.55),
 * one day with only free writing, one check-in in September (outside 30 days, inside 3 months)
 * and one entry in the trash (never counted).
 */
function seed(backend: FakeBackend) {
  const j = backend.journal;
  j.add({ kind: 'checkin', checkin: checkin([], 0) }, at('2026-11-19'));
  j.add({ kind: 'checkin', tags: ['music'], checkin: checkin([['calm', 4, 1]], 0.5) }, at('2026-11-20'));
  j.add({ kind: 'checkin', tags: ['exams'], checkin: checkin([['worried', 3, -1]], -0.5) }, at('2026-11-21'));
  j.add(
    { kind: 'checkin', tags: ['exams'], checkin: checkin([['calm', 2, 1], ['worried', 4, -1]], null) },
    at('2026-11-22'),
  );
  j.add({ kind: 'checkin', tags: ['music'], checkin: checkin([['calm', 5, 1]], 1) }, at('2026-11-23', 9));
  j.add({ kind: 'free', body: 'Long walk.', tags: ['music'] }, at('2026-11-23', 20));
  j.add({ kind: 'free', body: 'Quiet day.' }, at('2026-11-24'));
  j.add({ kind: 'checkin', checkin: checkin([['excited', 3, 1]], 0.8) }, at('2026-09-01'));
  j.add(
    { kind: 'checkin', tags: ['music'], checkin: checkin([['angry', 5, -1]], -1), deletedAt: '2026-11-25T10:00:00.000+00:00' },
    at('2026-11-25'),
  );
}

async function renderInsights(options: { locale?: 'en' | 'es'; withData?: boolean } = {}) {
  const backend = createFakeBackend();
  if (options.withData !== false) seed(backend);
  const utils = renderInSession(<Insights />, { backend, navigate: vi.fn(), locale: options.locale });
  await waitFor(() => expect(screen.getByTestId('insights')).toHaveAttribute('aria-busy', 'false'));
  return { backend, ...utils };
}

const rows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at('2026-11-26', 15));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Insights', () => {
  it('asks for the last 30 days by default and shows the mood table with words and numbers', async () => {
    const { backend } = await renderInsights();
    expect(backend.callsTo('get_insights').map((c) => c.args)).toEqual([{ from: '2026-10-28', to: '2026-11-26' }]);
    expect(rows('insights-mood-table')).toEqual([
      ['Thu, Nov 19, 2026', 'mixed', '0.00'],
      ['Fri, Nov 20, 2026', 'lighter', '+0.50'],
      ['Sat, Nov 21, 2026', 'harder', '-0.50'],
      ['Sun, Nov 22, 2026', 'harder', '-0.33'],
      ['Mon, Nov 23, 2026', 'lighter', '+1.00'],
    ]);
    const chart = screen.getByTestId('insights-mood-chart');
    expect(chart).toHaveAttribute('role', 'img');
    expect(chart).toHaveAttribute(
      'aria-label',
      'Mood over time: 5 days with a check-in. On average, days felt mixed.',
    );
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(chart).toHaveTextContent('lighter');
    expect(chart).toHaveTextContent('harder');
  });

  it('shows the most frequent feelings by name, with counts and mean intensity', async () => {
    await renderInsights();
    expect(rows('insights-feelings-table')).toEqual([
      ['Calm', '3', '3.7'],
      ['Worried', '2', '3.5'],
    ]);
    expect(screen.getByTestId('insights-feelings-chart')).toHaveAttribute(
      'aria-label',
      'Feelings you named most: Calm (3) and Worried (2).',
    );
    expect(screen.getByTestId('insights-feelings-table').querySelector('caption')).toHaveTextContent(
      'Feelings by how often you chose them',
    );
  });

  it('shows every day of the range in the heat map, with a table of the days with entries', async () => {
    await renderInsights();
    const grid = screen.getByTestId('insights-heatmap');
    expect(grid.querySelectorAll('[data-day]')).toHaveLength(30);
    expect(grid).toHaveAttribute('aria-label', 'Calendar of 30 days: something written on 6 of them.');
    const friday = grid.querySelector('[data-day="2026-11-20"]')!;
    expect(friday).toHaveTextContent('Friday, November 20: 1 entry, felt lighter');
    expect(friday).toHaveAttribute('data-level', '1');
    expect(grid.querySelector('[data-day="2026-11-23"]')).toHaveAttribute('data-level', '2');
    expect(grid.querySelector('[data-day="2026-11-25"]')).toHaveTextContent('Wednesday, November 25: nothing written');
    expect(rows('insights-heatmap-table')).toEqual([
      ['Thu, Nov 19, 2026', '1', '1', 'mixed'],
      ['Fri, Nov 20, 2026', '1', '1', 'lighter'],
      ['Sat, Nov 21, 2026', '1', '1', 'harder'],
      ['Sun, Nov 22, 2026', '1', '1', 'harder'],
      ['Mon, Nov 23, 2026', '2', '1', 'lighter'],
      ['Tue, Nov 24, 2026', '1', '0', 'No check-in'],
    ]);
  });

  it('moves through the heat map with the arrow keys, one tab stop for the whole calendar', async () => {
    const { user } = await renderInsights();
    const grid = screen.getByTestId('insights-heatmap');
    const focusable = [...grid.querySelectorAll('[tabindex="0"]')];
    expect(focusable).toHaveLength(1);
    expect(focusable[0]).toHaveAttribute('data-day', '2026-11-26');
    (focusable[0] as HTMLElement).focus();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-11-19');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-11-20');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-11-18');
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-10-28');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-10-28');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-11-26');
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('says in plain words which tags go with lighter or harder days, and passes axe', async () => {
    await renderInsights();
    const sentences = within(screen.getByTestId('insights-tags'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(sentences).toEqual([
      'Days with #music tended to feel lighter (2 days).',
      'Days with #exams tended to feel harder (2 days).',
    ]);
    await expectNoAxeViolations();
  });

  it('asks again when the range changes and shows the older check-in', async () => {
    const { user, backend } = await renderInsights();
    expect(rows('insights-feelings-table').map((r) => r[0])).toEqual(['Calm', 'Worried']);
    await user.click(screen.getByTestId('insights-range-button'));
    await user.click(await screen.findByTestId('insights-range-option-3m'));
    await waitFor(() => expect(rows('insights-feelings-table').map((r) => r[0])).toEqual(['Calm', 'Worried', 'Excited']));
    expect(backend.callsTo('get_insights').map((c) => c.args)).toEqual([
      { from: '2026-10-28', to: '2026-11-26' },
      { from: '2026-08-27', to: '2026-11-26' },
    ]);
    expect(screen.getByTestId('insights-heatmap').querySelectorAll('[data-day]')).toHaveLength(92);

    await user.click(screen.getByTestId('insights-range-button'));
    await user.click(await screen.findByTestId('insights-range-option-1y'));
    await waitFor(() => expect(backend.callsTo('get_insights')).toHaveLength(3));
    expect(backend.callsTo('get_insights')[2]!.args).toEqual({ from: '2025-11-27', to: '2026-11-26' });
  });

  it('invites rather than shows blanks when there is nothing yet, and passes axe', async () => {
    await renderInsights({ withData: false });
    expect(screen.getByTestId('insights-empty')).toHaveTextContent(
      "Patterns show up after a few check-ins. There's no rush.",
    );
    expect(screen.queryByTestId('insights-mood-chart')).not.toBeInTheDocument();
    expect(screen.getByTestId('insights-range')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('says so calmly when patterns could not be loaded, and tries again', async () => {
    const backend = createFakeBackend();
    seed(backend);
    backend.state.failNext.get_insights = 'storage';
    const { user } = renderInSession(<Insights />, { backend, navigate: vi.fn() });
    expect(await screen.findByText("Your patterns couldn't be loaded just now. Try again in a moment.")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('insights-mood-table')).toBeInTheDocument();
  });

  it('reads in Spanish, and passes axe', async () => {
    await renderInsights({ locale: 'es' });
    const sentences = within(screen.getByTestId('insights-tags'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(sentences).toEqual([
      'Los días con #music solían sentirse más ligeros (2 días).',
      'Los días con #exams solían sentirse más pesados (2 días).',
    ]);
    expect(rows('insights-feelings-table')).toEqual([
      ['Calma', '3', '3,7'],
      ['Preocupación', '2', '3,5'],
    ]);
    expect(rows('insights-mood-table')[1]).toEqual(['vie, 20 nov 2026', 'más ligero', '+0,50']);
    await expectNoAxeViolations();
  });
});
