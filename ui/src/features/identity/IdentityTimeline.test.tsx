import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { formatDay } from '../journal/format';
import { createIntl } from 'react-intl';
import { daysAgo, momentPart, openIdentity, reflectionPart, set, tryOnPart, type Backend } from './spaceTestSupport';

const enIntl = createIntl({ locale: 'en' });
const day = (d: Date) => formatDay(enIntl, `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);

/** River · xe/xem three times (good, skipped, euphoric), Ash once, a moment, a reflection. */
function seed(backend: Backend) {
  const j = backend.journal;
  j.add({ kind: 'reflection', identity: tryOnPart('River', set('xe'), 1), body: 'first go' }, daysAgo(10, 9));
  j.add({ kind: 'reflection', identity: tryOnPart('Ash', null, -1) }, daysAgo(8, 9));
  j.add({ kind: 'reflection', identity: tryOnPart('river', set('xe'), null) }, daysAgo(6, 9));
  j.add({ kind: 'reflection', identity: momentPart('dysphoria'), body: 'mirror day' }, daysAgo(5, 9));
  j.add({ kind: 'reflection', identity: tryOnPart('River', set('xe'), 2), body: 'yes' }, daysAgo(3, 9));
  j.add({ kind: 'reflection', identity: reflectionPart(), promptId: 'identity.07', body: 'Trying **River** lately.' }, daysAgo(1, 9));
  // Not part of the identity space.
  j.add({ body: 'A plain day' }, daysAgo(2, 9));
}

describe('identity timeline', () => {
  it('is an invitation when there is nothing yet, and passes axe', async () => {
    const { user } = await openIdentity({}, undefined, 'timeline');
    const empty = await screen.findByTestId('identity-timeline-empty');
    expect(empty).toHaveTextContent("There's no rush. Start whenever you like.");
    await expectNoAxeViolations();
    await user.click(within(empty).getByTestId('identity-timeline-reflect'));
    expect(screen.getByTestId('identity-tab-reflect')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByTestId('identity-tab-timeline'));
    await user.click(await screen.findByTestId('identity-timeline-tryon'));
    expect(screen.getByTestId('identity-tab-tryon')).toHaveAttribute('aria-selected', 'true');
  });

  it("shows what was tried, how often, when and how it felt over time, with a table, and passes axe", async () => {
    const { user, backend } = await openIdentity({}, seed, 'timeline');
    await screen.findByTestId('identity-timeline');
    const tried = await screen.findAllByTestId('tried-item');
    expect(backend.callsTo('identity_timeline')).toHaveLength(1);
    expect(tried).toHaveLength(2);
    // Most recently tried first; names grouped ignoring case.
    expect(tried[0]).toHaveTextContent('River · xe/xem');
    expect(tried[0]).toHaveTextContent(`Tried 3 times, first on ${day(daysAgo(10))}, last on ${day(daysAgo(3))}`);
    expect(tried[1]).toHaveTextContent(`Ash`);
    expect(tried[1]).toHaveTextContent(`Tried once, on ${day(daysAgo(8))}`);
    // One mark per answer (skipped ones left out), each with its word, oldest first.
    const marks = within(tried[0]!).getByRole('list', { name: 'How it felt, oldest first:' });
    expect(within(marks).getAllByRole('listitem').map((m) => m.textContent)).toEqual(['Good', 'Euphoric']);
    expect(within(marks).getAllByTestId('felt-mark').map((m) => m.getAttribute('data-felt'))).toEqual(['1', '2']);
    expect(tried[0]).toHaveTextContent('Most recently: euphoric');
    expect(tried[1]).toHaveTextContent('Most recently: not quite me');
    await expectNoAxeViolations();

    const toggle = screen.getByTestId('tried-table-toggle');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: "What you've tried and how it felt" });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['River · xe/xem', 'Ash']);
    expect(rows).toEqual([
      ['Name and pronouns', 'Times tried', 'First tried', 'Last tried', 'How it felt, oldest first'],
      ['River · xe/xem', '3', day(daysAgo(10)), day(daysAgo(3)), 'Good, Euphoric'],
      ['Ash', '1', day(daysAgo(8)), day(daysAgo(8)), 'Not quite me'],
    ]);
    await expectNoAxeViolations();
  });

  it('lists every try-on, moment and reflection newest first, and opens one in the editor', async () => {
    const { user, backend } = await openIdentity({}, seed, 'timeline');
    const items = await screen.findAllByTestId('identity-item');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual(['reflection', 'try_on', 'moment', 'try_on', 'try_on', 'try_on']);
    expect(items[0]).toHaveTextContent("Is there a name, a word or a way of describing yourself you're trying on right now?");
    expect(items[0]).toHaveTextContent('Trying River lately.');
    expect(items[1]).toHaveTextContent('Tried River · xe/xem — felt: euphoric');
    expect(items[1]).toHaveTextContent('yes');
    expect(items[2]).toHaveTextContent('A moment of dysphoria');
    expect(items[2]).toHaveTextContent('mirror day');
    expect(items[3]).toHaveTextContent('Tried river · xe/xem');
    expect(items[3]).not.toHaveTextContent('felt');
    expect(items[4]).toHaveTextContent('Tried Ash — felt: not quite me');
    // The plain journal entry is not here.
    expect(screen.getByTestId('identity-timeline')).not.toHaveTextContent('A plain day');
    await expectNoAxeViolations();

    const riverId = Number(items[1]!.getAttribute('data-entry-id'));
    await user.click(items[1]!);
    const editor = await screen.findByTestId('editor');
    expect(within(editor).getByTestId('editor-identity')).toHaveTextContent('Tried River · xe/xem — felt: euphoric · in your identity space');
    expect(within(editor).getByTestId('editor-body')).toHaveValue('yes');
    await user.type(within(editor).getByTestId('editor-body'), ', really');
    await user.click(within(editor).getByTestId('editor-done'));
    // Back to the identity space; the try-on keeps its identity part.
    expect(await screen.findByTestId('screen-identity')).toBeInTheDocument();
    const stored = backend.journal.state.entries.find((e) => e.id === riverId);
    expect(stored).toMatchObject({ body: 'yes, really', identity: tryOnPart('River', set('xe'), 2) });
  });

  it('says kindly when it cannot load, and tries again', async () => {
    const { user, backend } = await openIdentity({}, (b) => {
      seed(b);
      b.state.failNext.identity_timeline = 'storage';
    }, 'timeline');
    expect(await screen.findByTestId('identity-timeline-problem')).toHaveTextContent('Nothing is lost.');
    await user.click(screen.getByTestId('identity-timeline-retry'));
    expect(await screen.findAllByTestId('tried-item')).toHaveLength(2);
    expect(backend.callsTo('identity_timeline')).toHaveLength(2);
  });

  it('speaks Spanish', async () => {
    await openIdentity({ prefs: defaultPrefs({ language: 'es' }) }, seed, 'timeline');
    const tried = await screen.findAllByTestId('tried-item');
    expect(tried[0]).toHaveTextContent('Lo probaste 3 veces: la primera el');
    expect(tried[0]).toHaveTextContent('La última vez: euforia');
    const items = screen.getAllByTestId('identity-item');
    expect(items[1]).toHaveTextContent('Probaste River · xe/xem — cómo se sintió: euforia');
    expect(items[2]).toHaveTextContent('Un momento de disforia');
    await waitFor(() => expect(screen.getByText('Lo que has probado')).toBeInTheDocument());
    await expectNoAxeViolations();
  });
});
