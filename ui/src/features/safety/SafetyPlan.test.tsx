import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import safetyCss from './safety.css?raw';
import { createFakeBackend, defaultPrefs, emptySafetyPlan, PASSPHRASE } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp, unlock } from '../../test/render';

type User = ReturnType<typeof userEvent.setup>;

const FILLED = emptySafetyPlan({
  warningSigns: ['I stop answering messages', "I can't sleep"],
  copingOnMyOwn: ['Music with headphones'],
  peopleAndPlaces: ['The library'],
  peopleToAsk: [{ name: 'Aunt Jo', phone: '555-0100', note: 'after 6pm' }],
  professionals: [{ name: 'Ms. Park', phone: '(555) 010-2000', note: null }],
  saferSpace: ['Give the pills to Aunt Jo'],
  reasonsForLiving: ['My dog, Biscuit'],
  updatedAt: '2026-11-20T18:30:00Z',
});

async function openPlan(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  const { user } = renderApp(backend);
  await user.click(await screen.findByTestId('nav-help'));
  await user.click(await screen.findByTestId('help-open-safety-plan'));
  const main = await screen.findByTestId('screen-safety-plan');
  await within(main).findByTestId('safety-section-warningSigns');
  return { backend, user, main };
}

async function addItem(user: User, key: string, text: string) {
  await user.click(screen.getByTestId(`safety-add-${key}`));
  // The new row's field takes focus, so typing goes straight in.
  await user.keyboard(text);
}

const values = (key: string) =>
  within(screen.getByTestId(`safety-section-${key}`))
    .queryAllByRole('textbox')
    .map((input) => (input as HTMLInputElement).value);

describe('safety plan screen', () => {
  it('shows the seven sections in order, each with a warm title and an example, and passes axe when empty', async () => {
    const { main } = await openPlan();
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Your safety plan');
    expect(main).toHaveTextContent('every part is optional');
    const titles = within(main)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent);
    expect(titles).toEqual([
      'Signs a hard time might be coming',
      'Things I can do on my own to feel a bit better',
      'People and places that take my mind off things',
      'People I can ask for help',
      'Professionals I can reach',
      'Making my space safer',
      'What keeps me going',
    ]);
    const keys = [...main.querySelectorAll('[data-testid^="safety-section-"]')].map((el) => el.getAttribute('data-testid'));
    expect(keys).toEqual([
      'safety-section-warningSigns',
      'safety-section-copingOnMyOwn',
      'safety-section-peopleAndPlaces',
      'safety-section-peopleToAsk',
      'safety-section-professionals',
      'safety-section-saferSpace',
      'safety-section-reasonsForLiving',
    ]);
    expect(screen.getByTestId('safety-section-warningSigns')).toHaveTextContent("e.g. I stop answering messages, I can't sleep");
    expect(screen.getByTestId('safety-updated')).toHaveTextContent('Not saved yet.');
    await expectNoAxeViolations();
  });

  it('shows a filled plan with its last update, and passes axe', async () => {
    await openPlan({ safetyPlan: FILLED });
    expect(values('warningSigns')).toEqual(['I stop answering messages', "I can't sleep"]);
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-name')).toHaveValue('Aunt Jo');
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-phone')).toHaveValue('555-0100');
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-note')).toHaveValue('after 6pm');
    expect(screen.getByTestId('safety-contact-professionals-0-note')).toHaveValue('');
    expect(screen.getByTestId('safety-updated')).toHaveTextContent(/^Last updated November 2\d, 2026/);
    expect(screen.queryByTestId('safety-unsaved')).not.toBeInTheDocument();
    // Move buttons at the ends of a list are off; the others say which row they move.
    expect(screen.getByTestId('safety-up-warningSigns-0')).toBeDisabled();
    expect(screen.getByTestId('safety-down-warningSigns-1')).toBeDisabled();
    expect(screen.getByTestId('safety-down-warningSigns-0')).toHaveAccessibleName(
      'Move down: Signs a hard time might be coming: line 1',
    );
    expect(screen.getByTestId('safety-item-warningSigns-1')).toHaveAccessibleName('Signs a hard time might be coming: line 2');
    await expectNoAxeViolations();
  });

  it('round-trips through the backend: add, reorder, remove, save, and the same comes back after unlocking again', async () => {
    const { backend, user } = await openPlan();

    await addItem(user, 'warningSigns', 'I stop answering messages');
    await addItem(user, 'warningSigns', "I can't sleep");
    await addItem(user, 'warningSigns', 'I skip meals');
    expect(screen.getByTestId('safety-item-warningSigns-2')).toHaveFocus();
    expect(screen.getByTestId('safety-unsaved')).toHaveTextContent("You have changes that aren't saved yet.");

    // Reorder by keyboard: focus stays on the moved row's button.
    await user.click(screen.getByTestId('safety-up-warningSigns-2'));
    expect(values('warningSigns')).toEqual(['I stop answering messages', 'I skip meals', "I can't sleep"]);
    expect(screen.getByTestId('safety-up-warningSigns-1')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(values('warningSigns')).toEqual(['I skip meals', 'I stop answering messages', "I can't sleep"]);
    // At the top "Move up" is off, so focus moves to the same row's "Move down".
    expect(screen.getByTestId('safety-down-warningSigns-0')).toHaveFocus();
    await waitFor(() => expect(screen.getByTestId('safety-message')).toHaveTextContent('Moved to 1 of 3.'));
    await user.keyboard(' ');
    expect(values('warningSigns')).toEqual(['I stop answering messages', 'I skip meals', "I can't sleep"]);

    await user.click(screen.getByTestId('safety-remove-warningSigns-1'));
    expect(values('warningSigns')).toEqual(['I stop answering messages', "I can't sleep"]);
    expect(screen.getByTestId('safety-item-warningSigns-1')).toHaveFocus();

    await addItem(user, 'reasonsForLiving', 'My dog');
    await user.click(screen.getByTestId('safety-add-peopleToAsk'));
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-name')).toHaveFocus();
    await user.keyboard('Aunt Jo');
    await user.type(screen.getByTestId('safety-contact-peopleToAsk-0-phone'), '555-0100');
    await user.type(screen.getByTestId('safety-contact-peopleToAsk-0-note'), 'after 6pm');
    // A blank row is simply left out.
    await user.click(screen.getByTestId('safety-add-copingOnMyOwn'));

    await user.click(screen.getByTestId('safety-save'));
    await waitFor(() => expect(screen.getByTestId('safety-message')).toHaveTextContent('Saved.'));
    const expected = {
      warningSigns: ['I stop answering messages', "I can't sleep"],
      copingOnMyOwn: [],
      peopleAndPlaces: [],
      peopleToAsk: [{ name: 'Aunt Jo', phone: '555-0100', note: 'after 6pm' }],
      professionals: [],
      saferSpace: [],
      reasonsForLiving: ['My dog'],
    };
    expect(backend.callsTo('save_safety_plan')).toHaveLength(1);
    expect(backend.callsTo('save_safety_plan')[0]?.args).toEqual({ plan: { ...expected, updatedAt: null } });
    expect(backend.state.safetyPlan).toMatchObject(expected);
    expect(screen.getByTestId('safety-updated')).toHaveTextContent(/^Last updated /);
    expect(screen.queryByTestId('safety-unsaved')).not.toBeInTheDocument();
    expect(values('copingOnMyOwn')).toEqual([]);

    // Lock, unlock, open it again: the plan is read afresh and is the same.
    await user.click(screen.getByTestId('nav-lock'));
    await screen.findByTestId('screen-lock');
    await unlock(user, PASSPHRASE);
    await user.click(screen.getByTestId('nav-help'));
    await user.click(await screen.findByTestId('help-open-safety-plan'));
    await screen.findByTestId('safety-section-warningSigns');
    expect(backend.callsTo('get_safety_plan')).toHaveLength(2);
    expect(values('warningSigns')).toEqual(['I stop answering messages', "I can't sleep"]);
    expect(values('reasonsForLiving')).toEqual(['My dog']);
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-name')).toHaveValue('Aunt Jo');
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-phone')).toHaveValue('555-0100');
    expect(screen.getByTestId('safety-contact-peopleToAsk-0-note')).toHaveValue('after 6pm');
  });

  it('saves with Enter from a field, and focus stays in that field', async () => {
    const { backend, user } = await openPlan();
    await user.click(screen.getByTestId('safety-add-saferSpace'));
    await addItem(user, 'saferSpace', 'Ask Jo to keep my meds');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('safety-message')).toHaveTextContent('Saved.'));
    expect(backend.state.safetyPlan.saferSpace).toEqual(['Ask Jo to keep my meds']);
    // The blank first row is gone; the typed one is still the same field, still focused.
    expect(values('saferSpace')).toEqual(['Ask Jo to keep my meds']);
    expect(screen.getByTestId('safety-item-saferSpace-0')).toHaveFocus();
  });

  it('keeps everything typed and says so kindly when saving fails', async () => {
    const { backend, user } = await openPlan();
    await addItem(user, 'warningSigns', 'I go quiet');
    backend.state.failNext.save_safety_plan = 'storage';
    await user.click(screen.getByTestId('safety-save'));
    await waitFor(() =>
      expect(screen.getByTestId('safety-message')).toHaveTextContent(
        "Your plan couldn't be saved just now. Everything you typed is still here — try again in a moment.",
      ),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(values('warningSigns')).toEqual(['I go quiet']);
    expect(backend.state.safetyPlan.warningSigns).toEqual([]);

    await user.click(screen.getByTestId('safety-save'));
    await waitFor(() => expect(screen.getByTestId('safety-message')).toHaveTextContent('Saved.'));
    expect(backend.state.safetyPlan.warningSigns).toEqual(['I go quiet']);
  });

  it('explains a phone number it cannot keep before saving, right at the field', async () => {
    const { backend, user } = await openPlan();
    await user.click(screen.getByTestId('safety-add-professionals'));
    await user.keyboard('School nurse');
    await user.type(screen.getByTestId('safety-contact-professionals-0-phone'), 'ext 12');
    await user.click(screen.getByTestId('safety-save'));
    const phone = screen.getByTestId('safety-contact-professionals-0-phone');
    await waitFor(() => expect(phone).toHaveFocus());
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/anything else can go in the note/);
    expect(screen.getByTestId('safety-message')).toHaveTextContent('A phone number can use digits, spaces and + ( ) - .');
    expect(backend.callsTo('save_safety_plan')).toHaveLength(0);
    await expectNoAxeViolations();

    await user.clear(phone);
    await user.type(phone, '555 0199');
    expect(phone).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByTestId('safety-save'));
    await waitFor(() => expect(backend.callsTo('save_safety_plan')).toHaveLength(1));
    expect(backend.state.safetyPlan.professionals).toEqual([{ name: 'School nurse', phone: '555 0199', note: null }]);
  });

  it('does not silently drop a person who has only a note', async () => {
    const { backend, user } = await openPlan();
    await user.click(screen.getByTestId('safety-add-peopleToAsk'));
    await user.type(screen.getByTestId('safety-contact-peopleToAsk-0-note'), 'the neighbor with the cat');
    await user.click(screen.getByTestId('safety-save'));
    await waitFor(() => expect(screen.getByTestId('safety-contact-peopleToAsk-0-name')).toHaveFocus());
    expect(screen.getByTestId('safety-message')).toHaveTextContent('Add a name or a number for this person');
    expect(backend.callsTo('save_safety_plan')).toHaveLength(0);
  });

  it('warns before printing; cancel prints nothing, and only "Print it" opens the system print dialog', async () => {
    const print = vi.spyOn(window, 'print');
    const { backend, user } = await openPlan({ safetyPlan: FILLED });
    const dialogs = () => backend.callsTo('print_page').length;

    await user.click(screen.getByTestId('safety-print'));
    const dialog = await screen.findByRole('dialog', { name: 'Before you print' });
    expect(dialog).toHaveTextContent(
      "This copy won't be locked. Anyone who finds it can read it. Print it only if that's okay with you.",
    );
    expect(dialogs()).toBe(0);
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('safety-print-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(dialogs()).toBe(0);
    await waitFor(() => expect(screen.getByTestId('safety-print')).toHaveFocus());

    // Escape cancels too.
    await user.click(screen.getByTestId('safety-print'));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(dialogs()).toBe(0);

    await user.click(screen.getByTestId('safety-print'));
    await screen.findByRole('dialog');
    await user.click(screen.getByTestId('safety-print-confirm'));
    await waitFor(() => expect(dialogs()).toBe(1));
    expect(backend.callsTo('print_page')[0]?.args ?? {}).toEqual({});
    // `window.print()` does nothing in the webview: the backend opens the dialog instead.
    expect(print).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The plan's own print copy is what the dialog prints; nothing went wrong, so nothing is said.
    expect(screen.getByTestId('safety-print-copy')).toHaveTextContent('Aunt Jo');
    expect(document.body).not.toHaveClass('printing-share');
    expect(screen.getByTestId('safety-message').textContent).toBe('');
  });

  it('says so calmly when the print window could not open, and keeps the plan', async () => {
    const { backend, user } = await openPlan({ safetyPlan: FILLED });
    await addItem(user, 'reasonsForLiving', 'Finishing the comic');
    backend.state.failNext.print_page = 'internal';
    await user.click(screen.getByTestId('safety-print'));
    await screen.findByRole('dialog');
    await user.click(screen.getByTestId('safety-print-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('safety-message')).toHaveTextContent(
        "The print window couldn't open just now, so nothing was printed. Your plan is still here — try again in a moment.",
      ),
    );
    expect(backend.callsTo('print_page')).toHaveLength(1);
    expect(values('reasonsForLiving')).toEqual(['My dog, Biscuit', 'Finishing the comic']);
    await expectNoAxeViolations();

    // Trying again opens it.
    await user.click(screen.getByTestId('safety-print'));
    await screen.findByRole('dialog');
    await user.click(screen.getByTestId('safety-print-confirm'));
    await waitFor(() => expect(backend.callsTo('print_page')).toHaveLength(2));
  });

  it('prints just the plan: a plain copy of what is on screen, with the sidebar hidden', async () => {
    const { user } = await openPlan({ safetyPlan: FILLED });
    await addItem(user, 'reasonsForLiving', 'Finishing the comic');
    const copy = screen.getByTestId('safety-print-copy');
    expect(copy).toHaveAttribute('aria-hidden', 'true');
    expect(copy).toHaveTextContent('My safety plan');
    expect(copy).toHaveTextContent('Aunt Jo — 555-0100 — after 6pm');
    expect(copy).toHaveTextContent('Finishing the comic');
    const print = /@media print\s*\{([\s\S]*)\}\s*$/.exec(safetyCss)?.[1] ?? '';
    // On its own: first run's print rules are not loaded in an ordinary session.
    expect(print).toMatch(/body \*\s*\{\s*visibility:\s*hidden/);
    expect(print).toMatch(/\.sidebar,[\s\S]*?display:\s*none/);
    expect(print).toMatch(/\.safety-print\s*\{[^}]*display:\s*block/);
  });

  it('keeps a draft while moving between screens, and discards it on lock', async () => {
    const { backend, user } = await openPlan({ safetyPlan: FILLED });
    await addItem(user, 'copingOnMyOwn', 'Unsaved secret draft');
    await user.click(screen.getByTestId('nav-today'));
    await user.click(screen.getByTestId('nav-help'));
    await user.click(await screen.findByTestId('help-open-safety-plan'));
    expect(values('copingOnMyOwn')).toEqual(['Music with headphones', 'Unsaved secret draft']);

    await user.click(screen.getByTestId('nav-lock'));
    await screen.findByTestId('screen-lock');
    expect(document.body.innerHTML).not.toContain('Unsaved secret draft');
    expect(document.body.innerHTML).not.toContain('Aunt Jo');
    expect(screen.queryByTestId('safety-print-copy')).not.toBeInTheDocument();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);

    await unlock(user, PASSPHRASE);
    await user.click(screen.getByTestId('nav-help'));
    await user.click(await screen.findByTestId('help-open-safety-plan'));
    await screen.findByTestId('safety-section-copingOnMyOwn');
    expect(values('copingOnMyOwn')).toEqual(['Music with headphones']);
    expect(backend.callsTo('get_safety_plan')).toHaveLength(2);
  });

  it('offers a calm retry when the plan cannot be opened', async () => {
    const backend = createFakeBackend({ unlocked: true, safetyPlan: FILLED });
    backend.state.failNext.get_safety_plan = 'busy';
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('nav-help'));
    await user.click(await screen.findByTestId('help-open-safety-plan'));
    await waitFor(() =>
      expect(screen.getByTestId('screen-safety-plan')).toHaveTextContent("Your plan couldn't be opened just now."),
    );
    await user.click(screen.getByTestId('safety-retry'));
    await screen.findByTestId('safety-section-warningSigns');
    expect(values('warningSigns')).toEqual(FILLED.warningSigns);
  });

  it('speaks Spanish', async () => {
    await openPlan({ prefs: defaultPrefs({ language: 'es' }) });
    expect(screen.getByTestId('safety-section-warningSigns')).toHaveTextContent(
      'Señales de que puede venir un momento difícil',
    );
    expect(screen.getByTestId('safety-save')).toHaveTextContent('Guardar mi plan');
    await expectNoAxeViolations();
  });
});
