import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import helpCss from './help.css?raw';
import { createFakeBackend, defaultPrefs, emptySafetyPlan } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';

type User = ReturnType<typeof userEvent.setup>;

const RESOURCE_IDS = ['988', 'crisis-text-line', 'trevor-project', 'trans-lifeline', 'emergency'];

async function openLockedHelp(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend(overrides);
  const { user } = renderApp(backend);
  await user.click(await screen.findByTestId('nav-help'));
  const main = await screen.findByTestId('screen-help');
  return { backend, user, main };
}

async function openUnlockedHelp(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  const { user } = renderApp(backend);
  await user.click(await screen.findByTestId('nav-help'));
  const main = await screen.findByTestId('screen-help');
  return { backend, user, main };
}

async function pressEveryCopyButton(user: User, main: HTMLElement) {
  for (const button of within(main).getAllByRole('button', { name: /^Copy / })) await user.click(button);
}

describe('help on the lock screen', () => {
  it('shows the danger line, every line as a card with large numbers, and passes axe', async () => {
    const { backend, main } = await openLockedHelp();
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Help');
    expect(screen.getByTestId('help-danger')).toHaveTextContent('If you are in danger right now, call 911.');

    for (const id of RESOURCE_IDS) expect(screen.getByTestId(`help-resource-${id}`)).toBeInTheDocument();
    const lifeline = screen.getByTestId('help-resource-988');
    expect(within(lifeline).getByRole('heading', { level: 3 })).toHaveTextContent('988 Suicide & Crisis Lifeline');
    expect(lifeline).toHaveTextContent('Call or text 988');
    expect(lifeline).toHaveTextContent('Open 24/7.');
    expect(screen.getByTestId('help-resource-crisis-text-line')).toHaveTextContent('Text HOME to741741');
    expect(screen.getByTestId('help-resource-trevor-project')).toHaveTextContent('LGBTQ+ young people');
    expect(screen.getByTestId('help-resource-trevor-project')).toHaveTextContent('Text START to678-678');
    expect(screen.getByTestId('help-resource-trans-lifeline')).toHaveTextContent(
      'Hours vary; the line may not always be staffed — check their website when you can.',
    );
    expect(screen.getByTestId('help-resource-emergency')).toHaveTextContent('For immediate danger');

    // Numbers are plain text (selectable), in the large style.
    const trevorNumber = within(screen.getByTestId('help-resource-trevor-project')).getByText('1-866-488-7386', {
      selector: '.help-number__value',
    });
    expect(trevorNumber).toHaveClass('help-number__value');
    expect(trevorNumber.tagName).toBe('SPAN');

    expect(screen.getByTestId('help-last-reviewed')).toHaveTextContent('Last reviewed November 26, 2026.');
    expect(main).toHaveTextContent(
      'Not in the US? Your local emergency number works, and your counselor can help you find a line where you live.',
    );

    // Nothing from inside the journal on the lock screen.
    expect(screen.queryByTestId('help-your-people')).not.toBeInTheDocument();
    expect(screen.queryByTestId('help-open-safety-plan')).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).toEqual(['app_status']);
    await expectNoAxeViolations();
  });

  it('styles numbers at 1.5rem or larger and keeps them selectable', () => {
    const rule = /\.help-number__value\s*\{([^}]*)\}/.exec(helpCss)?.[1] ?? '';
    const size = /font-size:\s*([\d.]+)rem/.exec(rule)?.[1];
    expect(Number(size)).toBeGreaterThanOrEqual(1.5);
    expect(rule).not.toMatch(/user-select:\s*none/);
  });

  it('has one copy button per number, named with what it copies', async () => {
    await openLockedHelp();
    expect(screen.getByTestId('help-copy-988-0')).toHaveAccessibleName('Copy 988');
    expect(screen.getByTestId('help-copy-988-1')).toHaveAccessibleName('Copy 988');
    expect(screen.getByTestId('help-copy-crisis-text-line-0')).toHaveAccessibleName('Copy 741741');
    expect(screen.getByTestId('help-copy-trevor-project-0')).toHaveAccessibleName('Copy 1-866-488-7386');
    expect(screen.getByTestId('help-copy-trevor-project-1')).toHaveAccessibleName('Copy 678-678');
    expect(screen.getByTestId('help-copy-trans-lifeline-0')).toHaveAccessibleName('Copy (877) 565-8860');
    expect(screen.getByTestId('help-copy-emergency-0')).toHaveAccessibleName('Copy 911');
  });

  it('never dials, texts or opens anything: no tel:/sms: links, no window.open', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, main } = await openLockedHelp();
    expect(document.querySelectorAll('a[href^="tel:" i], a[href^="sms:" i], a[href^="mailto:" i]')).toHaveLength(0);
    expect(main.querySelectorAll('a[href]')).toHaveLength(0);
    expect(document.body.innerHTML).not.toMatch(/tel:|sms:/i);
    await pressEveryCopyButton(user, main);
    expect(open).not.toHaveBeenCalled();
    expect(screen.getByTestId('screen-help')).toBeInTheDocument();
  });

  it('copies the number and says "Copied" in the live region', async () => {
    const { user } = await openLockedHelp();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByTestId('help-copy-trevor-project-0'));
    expect(writeText).toHaveBeenCalledWith('1-866-488-7386');
    const message = screen.getByTestId('help-message');
    await waitFor(() => expect(message).toHaveTextContent('Copied 1-866-488-7386.'));
    expect(message).toHaveAttribute('role', 'status');
    await expect(navigator.clipboard.readText()).resolves.toBe('1-866-488-7386');

    await user.click(screen.getByTestId('help-copy-crisis-text-line-0'));
    expect(writeText).toHaveBeenLastCalledWith('741741');
    await waitFor(() => expect(message).toHaveTextContent('Copied 741741.'));
  });

  it('says kindly when copying does not work', async () => {
    const { user } = await openLockedHelp();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByTestId('help-copy-988-0'));
    await waitFor(() =>
      expect(screen.getByTestId('help-message')).toHaveTextContent(
        "Copying didn't work here. You can select the number and copy it yourself, or write it down.",
      ),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks Spanish, with the names kept as they are', async () => {
    await openLockedHelp({ prefs: defaultPrefs({ language: 'es' }) });
    expect(screen.getByTestId('help-danger')).toHaveTextContent('Si estás en peligro ahora mismo, llama al 911.');
    expect(screen.getByTestId('help-resource-988')).toHaveTextContent('988 Suicide & Crisis Lifeline');
    expect(screen.getByTestId('help-resource-988')).toHaveTextContent('Hay atención en español.');
    expect(screen.getByTestId('help-resource-crisis-text-line')).toHaveTextContent('Envía HOME por mensaje de texto al741741');
    expect(screen.getByTestId('help-last-reviewed')).toHaveTextContent('Revisado por última vez el 26 de noviembre de 2026.');
    expect(screen.getByTestId('help-copy-988-0')).toHaveAccessibleName('Copiar 988');
    await expectNoAxeViolations();
  });
});

describe('help after unlock', () => {
  const plan = emptySafetyPlan({
    peopleToAsk: [
      { name: 'Aunt Jo', phone: '555-0100', note: 'after 6pm' },
      { name: 'Rae', phone: null, note: null },
    ],
    professionals: [{ name: 'Ms. Park (counselor)', phone: '(555) 010-2000', note: null }],
    updatedAt: '2026-11-20T18:00:00Z',
  });

  it('lists "Your people" from the safety plan with copy buttons, and passes axe', async () => {
    const { user, backend } = await openUnlockedHelp({ safetyPlan: plan });
    const people = await screen.findByTestId('help-your-people');
    await within(people).findByText('Aunt Jo');
    expect(within(people).getByRole('heading', { level: 2 })).toHaveTextContent('Your people');
    expect(screen.getByTestId('help-person-peopleToAsk-0')).toHaveTextContent('555-0100');
    expect(screen.getByTestId('help-person-peopleToAsk-0')).toHaveTextContent('after 6pm');
    expect(screen.getByTestId('help-person-peopleToAsk-1')).toHaveTextContent('Rae');
    expect(screen.queryByTestId('help-copy-peopleToAsk-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('help-person-professionals-0')).toHaveTextContent('Ms. Park (counselor)');
    expect(screen.getByTestId('help-copy-peopleToAsk-0')).toHaveAccessibleName('Copy Aunt Jo, 555-0100');
    // The crisis lines are all still there.
    for (const id of RESOURCE_IDS) expect(screen.getByTestId(`help-resource-${id}`)).toBeInTheDocument();
    await expectNoAxeViolations();

    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByTestId('help-copy-professionals-0'));
    expect(writeText).toHaveBeenCalledWith('(555) 010-2000');
    await waitFor(() => expect(screen.getByTestId('help-message')).toHaveTextContent('Copied (555) 010-2000.'));
    expect(backend.callsTo('get_safety_plan')).toHaveLength(1);
  });

  it('invites adding people when the plan has none, and opens the safety plan', async () => {
    const { user } = await openUnlockedHelp();
    const people = await screen.findByTestId('help-your-people');
    await waitFor(() => expect(people).toHaveTextContent('No one here yet.'));
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('help-open-safety-plan'));
    const main = await screen.findByTestId('screen-safety-plan');
    expect(await within(main).findByTestId('safety-section-warningSigns')).toBeInTheDocument();
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Your safety plan');
    await user.click(await screen.findByTestId('safety-back'));
    expect(await screen.findByTestId('screen-help')).toBeInTheDocument();
  });

  it('says so calmly when the plan cannot be read, and still shows every line', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.state.failNext.get_safety_plan = 'storage';
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('nav-help'));
    await waitFor(() =>
      expect(screen.getByTestId('help-your-people')).toHaveTextContent("Your people couldn't be shown just now."),
    );
    for (const id of RESOURCE_IDS) expect(screen.getByTestId(`help-resource-${id}`)).toBeInTheDocument();
    expect(screen.getByTestId('help-open-safety-plan')).toBeInTheDocument();
  });
});
