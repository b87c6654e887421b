import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../api';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';

async function openFeelings(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  const { user } = renderApp(backend);
  await user.click(await screen.findByTestId('nav-feelings'));
  const checkin = await screen.findByTestId('checkin');
  return { backend, user, checkin };
}

/** Opens the Patterns tab and waits for it: the charts' code loads on the first visit. */
async function showPatterns(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByTestId('feelings-tab-patterns'));
  await waitFor(() => expect(screen.getByTestId('feelings-tab-patterns')).toHaveAttribute('aria-selected', 'true'));
}

// The charts' code is most of Cove's: its first import (the transform included) took over the
// 5 s a wait allows on a slow CI machine. These tests are about the check-in, so it is loaded
// once up front; code splitting itself is tested in app/codeSplitting.test.tsx.
beforeAll(async () => {
  await import('../insights/Insights');
}, 60_000);

const savedDrafts = (backend: ReturnType<typeof createFakeBackend>) =>
  backend.callsTo('save_entry').map((call) => call.args?.draft as EntryDraft);

describe('feelings check-in', () => {
  it('saves with two actions once a core is open: one word, then Save', async () => {
    const { backend, user } = await openFeelings();
    expect(screen.getByTestId('checkin-save')).toBeDisabled();
    await user.click(screen.getByTestId('checkin-core-worried'));
    expect(screen.getByTestId('checkin-core-worried')).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByTestId('checkin-feeling-restless'));
    await user.click(screen.getByTestId('checkin-save'));

    expect(await screen.findByTestId('checkin-saved')).toHaveTextContent('Saved. Thanks for checking in.');
    expect(savedDrafts(backend)).toEqual([
      {
        id: null,
        kind: 'checkin',
        title: null,
        body: '',
        tags: [],
        promptId: null,
        checkin: {
          feelings: [{ feeling: 'restless', intensity: 3, valence: -1 }],
          pleasantness: null,
          energy: null,
          sensations: [],
          goingOn: null,
          helped: null,
        },
      },
    ]);
    expect(backend.journal.state.entries).toHaveLength(1);
    expect(backend.journal.state.entries[0]?.checkin?.feelings[0]?.feeling).toBe('restless');
    // Intensity 3 is not a hard check-in: no support line.
    expect(screen.queryByTestId('checkin-hard-support')).not.toBeInTheDocument();
  });

  it('shows each word’s meaning on hover and on keyboard focus, and as its description', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-worried'));
    const restless = screen.getByTestId('checkin-feeling-restless');
    expect(restless).toHaveAccessibleDescription("Your body wants to move and can't settle.");

    await user.hover(screen.getByTestId('checkin-feeling-nervous'));
    expect(screen.getByTestId('checkin-meaning')).toHaveTextContent('Nervous — Jittery before something important.');

    act(() => restless.focus());
    expect(screen.getByTestId('checkin-meaning')).toHaveTextContent("Restless — Your body wants to move and can't settle.");
  });

  it('saves everything that was filled in: several words, intensity, pad, sensations and notes', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-happy'));
    await user.click(screen.getByTestId('checkin-feeling-proud'));
    await user.click(screen.getByTestId('checkin-core-tired'));
    await user.click(screen.getByTestId('checkin-feeling-sleepy'));
    // The count on the first core remembers what was chosen there.
    expect(screen.getByTestId('checkin-core-happy')).toHaveTextContent('1 chosen');
    await user.click(screen.getByTestId('checkin-sensation-butterflies'));
    await user.click(screen.getByTestId('checkin-sensation-tired_eyes'));
    await user.type(screen.getByTestId('checkin-going-on'), 'Finished the art project');
    await user.type(screen.getByTestId('checkin-helped'), 'Music 🎧');
    await user.click(screen.getByTestId('checkin-pad'));
    await user.keyboard('{ArrowRight}{ArrowUp}');
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');

    expect(savedDrafts(backend)[0]?.checkin).toEqual({
      feelings: [
        { feeling: 'proud', intensity: 3, valence: 1 },
        { feeling: 'sleepy', intensity: 3, valence: -1 },
      ],
      pleasantness: 0.25,
      energy: 0.25,
      sensations: ['butterflies', 'tired_eyes'],
      goingOn: 'Finished the art project',
      helped: 'Music 🎧',
    });
  });

  it('moves the intensity with the keyboard and says it in words', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-calm'));
    await user.click(screen.getByTestId('checkin-feeling-relieved'));
    const slider = within(screen.getByTestId('checkin-intensity-relieved')).getByRole('slider');
    expect(slider).toHaveAccessibleName('How strong: Relieved');
    expect(slider).toHaveAttribute('aria-valuetext', 'Medium');
    expect(screen.getByTestId('checkin-intensity-relieved')).toHaveTextContent('A little');
    expect(screen.getByTestId('checkin-intensity-relieved')).toHaveTextContent('A lot');

    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Quite a lot');
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuetext', 'A lot');
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveValue('5');
    await user.keyboard('{Home}{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Some');

    // The visible thumb carries its own test id (the real-window suite presses keys on it).
    expect(screen.getByTestId('checkin-intensity-relieved-thumb')).toContainElement(slider);

    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    expect(savedDrafts(backend)[0]?.checkin?.feelings).toEqual([{ feeling: 'relieved', intensity: 2, valence: 1 }]);
  });

  it('places, moves and clears the pad by keyboard alone; a pad placement alone can be saved', async () => {
    const { backend, user } = await openFeelings();
    const pad = screen.getByTestId('checkin-pad');
    expect(pad).toHaveAccessibleName('How it feels and how much energy you have');
    expect(pad).toHaveAttribute('aria-valuetext', 'Not placed');

    act(() => pad.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(pad).toHaveAttribute('aria-valuetext', 'Feels fairly good, fairly low energy');
    expect(pad).toHaveAttribute('data-pleasantness', '0.5');
    expect(pad).toHaveAttribute('data-energy', '-0.25');

    await user.keyboard('{Delete}');
    expect(pad).toHaveAttribute('aria-valuetext', 'Not placed');
    expect(screen.getByTestId('checkin-save')).toBeDisabled();

    // It stops at the edges; Shift moves further; Home also clears.
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}');
    expect(pad).toHaveAttribute('data-pleasantness', '-1');
    await user.keyboard('{Home}');
    expect(pad).toHaveAttribute('aria-valuetext', 'Not placed');

    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowLeft}');
    expect(pad).toHaveAttribute('aria-valuetext', 'Feels a bit hard, very high energy');
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    const saved = savedDrafts(backend)[0]?.checkin;
    expect(saved?.feelings).toEqual([]);
    expect([saved?.pleasantness, saved?.energy]).toEqual([-0.25, 0.75]);
  });

  it('finds a word by its English name while typing, across every core', async () => {
    const { user } = await openFeelings();
    await user.type(screen.getByTestId('checkin-search'), 'restl');
    const results = screen.getByTestId('checkin-results');
    expect(within(results).getByTestId('checkin-feeling-restless')).toHaveTextContent('Restless');
    await user.click(within(results).getByTestId('checkin-feeling-restless'));
    expect(screen.getByTestId('checkin-intensity-restless')).toBeInTheDocument();

    await user.clear(screen.getByTestId('checkin-search'));
    await user.type(screen.getByTestId('checkin-search'), 'zzzz');
    expect(screen.getByTestId('checkin-no-results')).toHaveTextContent('You can add it as your own word.');
  });

  it('finds a word by its Spanish name ignoring accents, and reads in Spanish', async () => {
    const { user, checkin } = await openFeelings({ prefs: defaultPrefs({ language: 'es' }) });
    expect(within(checkin).getByRole('heading', { level: 2 })).toHaveTextContent('¿Cómo te sientes?');
    expect(screen.getByTestId('checkin-core-worried')).toHaveTextContent('Preocupación');
    await user.type(screen.getByTestId('checkin-search'), 'preocupacion');
    expect(screen.getByTestId('checkin-feeling-worried')).toHaveTextContent('Preocupación');
    await user.clear(screen.getByTestId('checkin-search'));
    await user.type(screen.getByTestId('checkin-search'), 'FRUSTRACIÓN');
    await user.click(screen.getByTestId('checkin-feeling-frustrated'));
    expect(within(screen.getByTestId('checkin-intensity-frustrated')).getByRole('slider')).toHaveAccessibleName(
      'Qué tan fuerte: Frustración',
    );
    expect(screen.getByTestId('checkin-intensity-frustrated')).toHaveTextContent('Un poco');
    await expectNoAxeViolations();
  });

  it('adds my own word to the library, chooses it, saves it, and offers it again later', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-add-own'));
    await user.type(screen.getByTestId('checkin-own-word'), '  Floaty ');
    await user.click(screen.getByTestId('checkin-own-core-button'));
    await user.click(await screen.findByTestId('checkin-own-core-option-calm'));
    await user.type(screen.getByTestId('checkin-own-meaning'), 'Light, like nothing is pulling me down');
    await user.click(screen.getByTestId('checkin-own-save'));

    await waitFor(() => expect(backend.library.state.library.customFeelings).toHaveLength(1));
    const own = backend.library.state.library.customFeelings[0]!;
    expect(own).toMatchObject({ word: 'Floaty', core: 'calm', meaning: 'Light, like nothing is pulling me down' });
    expect(own.id).toMatch(/^[a-z0-9]{8}$/);
    await waitFor(() => expect(screen.getByTestId('checkin-status')).toHaveTextContent('Added “Floaty”.'));
    // It is chosen already, with its intensity slider.
    expect(screen.getByTestId(`checkin-intensity-custom:${own.id}`)).toBeInTheDocument();

    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    expect(savedDrafts(backend)[0]?.checkin?.feelings).toEqual([{ feeling: `custom:${own.id}`, intensity: 3, valence: 1 }]);

    // Later, it is offered among the calm words, with its meaning as the description.
    await user.click(screen.getByTestId('nav-today'));
    await user.click(await screen.findByTestId('nav-feelings'));
    await user.click(await screen.findByTestId('checkin-core-calm'));
    const chip = screen.getByTestId(`checkin-feeling-custom:${own.id}`);
    expect(chip).toHaveTextContent('Floaty');
    expect(chip).toHaveAccessibleDescription('Light, like nothing is pulling me down');
    expect(chip).toHaveAttribute('aria-pressed', 'false');

    // And it can be removed again.
    await user.click(screen.getByTestId(`checkin-own-remove-${own.id}`));
    await user.click(await screen.findByTestId('checkin-own-remove-confirm'));
    await waitFor(() => expect(backend.library.state.library.customFeelings).toEqual([]));
    expect(screen.queryByTestId(`checkin-feeling-custom:${own.id}`)).not.toBeInTheDocument();
  });

  it('chooses the existing word instead of adding a duplicate, and lists coreless words on their own', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-add-own'));
    await user.type(screen.getByTestId('checkin-own-word'), 'restless');
    await user.click(screen.getByTestId('checkin-own-save'));
    await waitFor(() => expect(screen.getByTestId('checkin-status')).toHaveTextContent('“Restless” is already here, so we chose it for you.'));
    expect(screen.getByTestId('checkin-intensity-restless')).toBeInTheDocument();
    expect(backend.callsTo('save_library')).toHaveLength(0);

    await user.click(screen.getByTestId('checkin-add-own'));
    await user.type(screen.getByTestId('checkin-own-word'), 'Sparkly');
    await user.click(screen.getByTestId('checkin-own-save'));
    await waitFor(() => expect(backend.library.state.library.customFeelings).toHaveLength(1));
    const own = backend.library.state.library.customFeelings[0]!;
    expect(own.core).toBeNull();
    expect(screen.getByTestId(`checkin-feeling-custom:${own.id}`)).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers Help and the safety plan quietly after a hard check-in', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-sad'));
    await user.click(screen.getByTestId('checkin-feeling-hopeless'));
    const slider = within(screen.getByTestId('checkin-intensity-hopeless')).getByRole('slider');
    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    await user.click(screen.getByTestId('checkin-save'));

    const support = await screen.findByTestId('checkin-hard-support');
    expect(support).toHaveTextContent("If you'd like, Help has people you can reach");
    // Offered, not imposed: no dialog, and the rest of the confirmation is still there.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('checkin-write-more')).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(within(support).getByTestId('checkin-hard-help'));
    expect(await screen.findByTestId('screen-help')).toBeInTheDocument();
  });

  it('does not show the support line after an easy check-in, or a hard feeling at a lower intensity', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-happy'));
    await user.click(screen.getByTestId('checkin-feeling-joyful'));
    const slider = within(screen.getByTestId('checkin-intensity-joyful')).getByRole('slider');
    act(() => slider.focus());
    await user.keyboard('{End}');
    await user.click(screen.getByTestId('checkin-core-angry'));
    await user.click(screen.getByTestId('checkin-feeling-annoyed'));
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    expect(screen.queryByTestId('checkin-hard-support')).not.toBeInTheDocument();
  });

  it('after saving, links to writing more and to the patterns', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-mixed'));
    await user.click(screen.getByTestId('checkin-feeling-curious'));
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    await user.click(screen.getByTestId('checkin-see-patterns'));
    await waitFor(() => expect(screen.getByTestId('feelings-tab-patterns')).toHaveAttribute('aria-selected', 'true'));

    // Coming back to the check-in tab, the confirmation is still there.
    await user.click(screen.getByTestId('feelings-tab-checkin'));
    await user.click(screen.getByTestId('checkin-again'));
    await user.click(screen.getByTestId('checkin-core-mixed'));
    await user.click(screen.getByTestId('checkin-feeling-curious'));
    await user.click(screen.getByTestId('checkin-save'));
    await user.click(await screen.findByTestId('checkin-write-more'));
    expect(await screen.findByTestId('screen-journal')).toBeInTheDocument();
  });

  it('keeps everything when saving does not work, and says what to do next', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-calm'));
    await user.click(screen.getByTestId('checkin-feeling-safe'));
    await user.type(screen.getByTestId('checkin-going-on'), 'Quiet evening');
    backend.state.failNext.save_entry = 'storage';
    await user.click(screen.getByTestId('checkin-save'));
    await waitFor(() => expect(screen.getByTestId('checkin-status')).toHaveTextContent("couldn't be saved just now"));
    expect(screen.getByTestId('checkin-going-on')).toHaveValue('Quiet evening');
    expect(screen.getByTestId('checkin-feeling-safe')).toHaveAttribute('aria-pressed', 'true');

    backend.state.failNext.save_entry = 'invalid_input';
    await user.click(screen.getByTestId('checkin-save'));
    await waitFor(() => expect(screen.getByTestId('checkin-status')).toHaveTextContent('more text than fits'));

    await user.click(screen.getByTestId('checkin-save'));
    expect(await screen.findByTestId('checkin-saved')).toBeInTheDocument();
  });

  it('says clearly when a note is longer than a check-in holds, and keeps Save off until it fits', async () => {
    const { backend, user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-going-on'));
    await user.paste('a'.repeat(20_003));
    expect(screen.getByTestId('checkin-going-on-too-long')).toHaveTextContent('up to 20,000 characters, and this is 3 characters over');
    expect(screen.getByTestId('checkin-going-on')).toHaveAccessibleDescription(/up to 20,000 characters/);
    expect(screen.getByTestId('checkin-save')).toBeDisabled();
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    expect(screen.queryByTestId('checkin-going-on-too-long')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('checkin-save'));
    await screen.findByTestId('checkin-saved');
    expect(savedDrafts(backend)[0]?.checkin?.goingOn).toHaveLength(20_000);
  });

  it('passes axe with a core open and a word chosen, and on the patterns tab', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-hurt'));
    await user.click(screen.getByTestId('checkin-feeling-left_out'));
    await expectNoAxeViolations();
    await showPatterns(user);
    await expectNoAxeViolations();
  });
});

describe('feelings area', () => {
  it('opens on the patterns with the insights intent', async () => {
    const backend = createFakeBackend({ unlocked: true });
    const { user } = renderApp(backend);
    await screen.findByTestId('screen-today');
    await user.click(await screen.findByTestId('today-quick-calm'));
    await user.click(await screen.findByTestId('checkin-feeling-content'));
    await user.click(screen.getByTestId('checkin-save'));
    await user.click(await screen.findByTestId('checkin-see-patterns'));
    expect(await screen.findByTestId('screen-feelings')).toBeInTheDocument();
    expect(screen.getByTestId('feelings-tab-patterns')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('checkin').closest('.tabs__panel')).toHaveAttribute('data-inert', 'true');
  });

  it('keeps a check-in in progress while looking at the patterns', async () => {
    const { user } = await openFeelings();
    await user.click(screen.getByTestId('checkin-core-tired'));
    await user.click(screen.getByTestId('checkin-feeling-drained'));
    await showPatterns(user);
    await user.click(screen.getByTestId('feelings-tab-checkin'));
    expect(screen.getByTestId('feelings-tab-checkin')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('checkin-feeling-drained')).toHaveAttribute('aria-pressed', 'true');
  });
});
