import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { CORES } from '../feelings/vocabulary';
import { dayPeriod } from './greeting';
import { testProfile } from '../../test/profiles';

async function openToday(overrides: Parameters<typeof createFakeBackend>[0] = {}, seed?: (backend: ReturnType<typeof createFakeBackend>) => void) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const { user } = renderApp(backend);
  const main = await screen.findByTestId('screen-today');
  return { backend, user, main };
}

const period = () => dayPeriod(new Date());

describe('Today', () => {
  it('greets by the chosen name and offers the one-tap check-in row', async () => {
    const { main } = await openToday({ profile: testProfile('Sam', 'they') });
    const greeting = { morning: 'Morning, Sam.', afternoon: 'Afternoon, Sam.', evening: 'Evening, Sam.' }[period()];
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(greeting);
    for (const core of CORES) {
      expect(screen.getByTestId(`today-quick-${core.id}`)).toHaveTextContent(core.en);
    }
  });

  it('greets without a name when none was chosen', async () => {
    const { main } = await openToday({ profile: testProfile(null) });
    const greeting = { morning: 'Good morning.', afternoon: 'Good afternoon.', evening: 'Good evening.' }[period()];
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(greeting);
  });

  it('invites instead of showing a blank when there are no entries yet, and passes axe', async () => {
    await openToday();
    await waitFor(() =>
      expect(screen.getByTestId('today-recent')).toHaveTextContent('Nothing here yet. Want to start with how today felt?'),
    );
    expect(screen.getByTestId('prompt-card')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('shows the last five entries, newest first, and opens one in the journal', async () => {
    const { user } = await openToday({}, (backend) => {
      const base = Date.now() - 10 * 3600_000;
      for (let i = 1; i <= 7; i += 1) {
        backend.journal.add({ title: `Entry number ${i}`, body: `Body ${i}` }, new Date(base + i * 60_000));
      }
    });
    const recent = screen.getByTestId('today-recent');
    await waitFor(() => expect(within(recent).getAllByTestId('entry-card')).toHaveLength(5));
    const titles = within(recent)
      .getAllByTestId('entry-card')
      .map((card) => card.querySelector('.entry-card__title')?.textContent);
    expect(titles).toEqual(['Entry number 7', 'Entry number 6', 'Entry number 5', 'Entry number 4', 'Entry number 3']);
    await expectNoAxeViolations();

    await user.click(within(recent).getAllByTestId('entry-card')[0]!);
    expect(await screen.findByTestId('screen-journal')).toBeInTheDocument();
  });

  it('opens the check-in in place with the tapped core’s words showing; saving adds it to the recent entries', async () => {
    const { backend, user } = await openToday();
    await user.click(screen.getByTestId('today-quick-sad'));
    // The check-in's code loads on the first tap.
    const checkin = await screen.findByTestId('checkin');
    expect(within(checkin).getByTestId('checkin-core-sad')).toHaveAttribute('aria-expanded', 'true');
    expect(within(checkin).getByTestId('checkin-feeling-lonely')).toBeInTheDocument();
    // The words are the next step, so keyboard focus starts on the first one.
    expect(within(checkin).getByTestId('checkin-feeling-sad')).toHaveFocus();
    await expectNoAxeViolations();

    // The fast path: one word, then Save.
    await user.click(screen.getByTestId('checkin-feeling-lonely'));
    await user.click(screen.getByTestId('checkin-save'));
    expect(await screen.findByTestId('checkin-saved')).toBeInTheDocument();
    expect(backend.journal.state.entries).toHaveLength(1);
    await waitFor(() => expect(within(screen.getByTestId('today-recent')).getAllByTestId('entry-card')).toHaveLength(1));
    expect(screen.getByTestId('today-recent')).toHaveTextContent('Lonely');

    await user.click(screen.getByTestId('checkin-done'));
    expect(screen.getByTestId('today-quick-sad')).toBeInTheDocument();
  });

  it('closes the check-in without saving anything', async () => {
    const { backend, user } = await openToday();
    await user.click(screen.getByTestId('today-quick-happy'));
    await user.click(await screen.findByTestId('checkin-close'));
    expect(screen.queryByTestId('checkin')).not.toBeInTheDocument();
    expect(screen.getByTestId('today-quick-happy')).toHaveFocus();
    expect(backend.callsTo('save_entry')).toHaveLength(0);
  });

  it('Write opens a new entry in the journal', async () => {
    const { user } = await openToday();
    await user.click(screen.getByTestId('today-write'));
    expect(await screen.findByTestId('screen-journal')).toBeInTheDocument();
  });

  it('says so calmly when the recent entries cannot be shown, and tries again', async () => {
    const { backend, user } = await openToday({ failNext: { list_entries: 'storage' } }, (b) => {
      b.journal.add({ title: 'Still here', body: 'x' });
    });
    await waitFor(() => expect(screen.getByTestId('today-recent')).toHaveTextContent("couldn't be shown just now"));
    await user.click(within(screen.getByTestId('today-recent')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('today-recent')).toHaveTextContent('Still here'));
    expect(backend.callsTo('list_entries').length).toBeGreaterThanOrEqual(2);
  });

  it('adds one gendered word in Spanish only when the person chose how to be spoken about', async () => {
    const { main } = await openToday({ prefs: defaultPrefs({ language: 'es' }), profile: testProfile('Ale', 'she') });
    expect(within(main).getByTestId('today-invitation')).toHaveTextContent(
      'Bienvenida a tu espacio. Respira: aquí no tienes que hacer nada.',
    );
  });

  it.each([
    ['he', testProfile('Ale', 'he'), 'Bienvenido a tu espacio.'],
    ['they', testProfile('Ale', 'they'), 'Bienvenide a tu espacio.'],
    ['a Spanish -x choice', { ...testProfile('Ale', 'she'), spanish: { pronoun: 'elle', ending: 'x' as const } }, 'Bienvenidx a tu espacio.'],
    ['nothing chosen', testProfile('Ale'), 'Respira. Aquí no tienes que hacer nada.'],
    ['no pronouns', testProfile('Ale', 'name_only'), 'Respira. Aquí no tienes que hacer nada.'],
  ])('words the Spanish invitation for %s', async (_label, profile, text) => {
    const { main } = await openToday({ prefs: defaultPrefs({ language: 'es' }), profile });
    expect(within(main).getByTestId('today-invitation')).toHaveTextContent(text);
  });

  it('keeps the English invitation the same whatever the pronouns', async () => {
    const { main } = await openToday({ profile: testProfile('Sam', 'she') });
    expect(within(main).getByTestId('today-invitation')).toHaveTextContent("Take a breath. There's nothing you need to do here.");
  });

  it('reads in Spanish', async () => {
    const { main } = await openToday({ prefs: defaultPrefs({ language: 'es' }), profile: testProfile('Ale') });
    const greeting = { morning: 'Buenos días, Ale.', afternoon: 'Buenas tardes, Ale.', evening: 'Buenas noches, Ale.' }[period()];
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(greeting);
    expect(screen.getByTestId('today-quick-worried')).toHaveTextContent('Preocupación');
    expect(screen.getByTestId('today-write')).toHaveTextContent('Escribir');
    await waitFor(() =>
      expect(screen.getByTestId('today-recent')).toHaveTextContent('Todavía no hay nada aquí. ¿Quieres empezar por cómo se sintió hoy?'),
    );
    await expectNoAxeViolations();
  });
});
