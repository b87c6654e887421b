import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { PromptCard } from './PromptCard';
import { allPromptRefs, promptOfTheDay, shippedPrompt, shippedPromptText } from './prompts';
import { renderInSession } from './testing';

const TODAY = '2026-11-26';
const TOMORROW = '2026-11-27';
const ALL = allPromptRefs(null);

function setDay(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  vi.setSystemTime(new Date(y, m - 1, d, 10, 30));
}

async function renderCard(options: { seed?: (backend: ReturnType<typeof createFakeBackend>) => void; locale?: 'en' | 'es' } = {}) {
  const backend = createFakeBackend();
  options.seed?.(backend);
  const navigate = vi.fn();
  const utils = renderInSession(<PromptCard />, { backend, navigate, locale: options.locale });
  await screen.findByTestId('prompt-write');
  return { backend, navigate, ...utils };
}

const shownText = () => screen.getByTestId('prompt-text').textContent;

beforeEach(() => {
  // Only Date is faked, so timers (and user events) run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  setDay(TODAY);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PromptCard', () => {
  it('shows the prompt of the day with its topic, and passes axe', async () => {
    await renderCard();
    const pick = promptOfTheDay(TODAY, ALL)!;
    expect(shownText()).toBe(shippedPromptText(pick, 'en'));
    const group = shippedPrompt(pick)!.group;
    const groupNames: Record<string, string> = {
      feelings: 'Feelings',
      identity: 'Identity',
      relationships: 'Relationships',
      school: 'School and learning',
      body: 'Body',
      strengths: 'Strengths',
      goals: 'Goals',
    };
    expect(screen.getByTestId('prompt-group')).toHaveTextContent(groupNames[group]!);
    expect(screen.getByTestId('prompt-favourite')).toHaveAttribute('aria-pressed', 'false');
    await expectNoAxeViolations();
  });

  it('shows the same prompt again later the same day, and a different one on another day', async () => {
    const first = await renderCard();
    const today = shownText();
    first.unmount();
    const second = await renderCard();
    expect(shownText()).toBe(today);
    second.unmount();

    setDay(TOMORROW);
    const tomorrowPick = promptOfTheDay(TOMORROW, ALL)!;
    expect(tomorrowPick).not.toBe(promptOfTheDay(TODAY, ALL));
    await renderCard();
    expect(shownText()).toBe(shippedPromptText(tomorrowPick, 'en'));
  });

  it('shuffles to another prompt every time, never the same one twice in a row', async () => {
    const { user } = await renderCard();
    let previous = shownText();
    for (let i = 0; i < 12; i += 1) {
      await user.click(screen.getByTestId('prompt-shuffle'));
      const now = shownText();
      expect(now).not.toBe(previous);
      expect(now).toBeTruthy();
      previous = now;
    }
  });

  it('"Not today" sets the prompt aside for today, saves it, and shows another', async () => {
    const { user, backend } = await renderCard();
    const pick = promptOfTheDay(TODAY, ALL)!;
    await user.click(screen.getByTestId('prompt-not-today'));
    expect(shownText()).not.toBe(shippedPromptText(pick, 'en'));
    await waitFor(() =>
      expect(backend.library.state.library.snoozedPrompts).toEqual([{ promptId: pick, day: TODAY }]),
    );
    expect(screen.getByRole('status')).toHaveTextContent("Set aside for today. Here's another one.");
  });

  it('keeps a prompt set aside today hidden today, and lets it come back the next day', async () => {
    const tomorrowPick = promptOfTheDay(TOMORROW, ALL)!;
    // Set aside today: tomorrow it is the pick again.
    setDay(TOMORROW);
    const next = await renderCard({
      seed: (b) => {
        b.library.state.library.snoozedPrompts = [{ promptId: tomorrowPick, day: TODAY }];
      },
    });
    expect(shownText()).toBe(shippedPromptText(tomorrowPick, 'en'));
    next.unmount();

    // Set aside tomorrow: not shown tomorrow.
    await renderCard({
      seed: (b) => {
        b.library.state.library.snoozedPrompts = [{ promptId: tomorrowPick, day: TOMORROW }];
      },
    });
    expect(shownText()).not.toBe(shippedPromptText(tomorrowPick, 'en'));
    expect(shownText()).toBe(shippedPromptText(promptOfTheDay(TOMORROW, ALL.filter((r) => r !== tomorrowPick))!, 'en'));
  });

  it('drops snoozes from earlier days when it saves', async () => {
    const { user, backend } = await renderCard({
      seed: (b) => {
        b.library.state.library.snoozedPrompts = [{ promptId: 'goals.03', day: '2026-11-20' }];
      },
    });
    const pick = promptOfTheDay(TODAY, ALL)!;
    await user.click(screen.getByTestId('prompt-not-today'));
    await waitFor(() =>
      expect(backend.library.state.library.snoozedPrompts).toEqual([{ promptId: pick, day: TODAY }]),
    );
  });

  it('favourites the prompt and remembers it', async () => {
    const { user, backend, unmount } = await renderCard();
    const pick = promptOfTheDay(TODAY, ALL)!;
    const favourite = screen.getByTestId('prompt-favourite');
    expect(favourite).toHaveTextContent('Favourite');
    await user.click(favourite);
    await waitFor(() => expect(favourite).toHaveAttribute('aria-pressed', 'true'));
    expect(backend.library.state.library.favouritePrompts).toEqual([pick]);
    unmount();

    const again = createFakeBackend();
    again.library.state.library = backend.library.state.library;
    renderInSession(<PromptCard />, { backend: again, navigate: vi.fn() });
    await waitFor(() => expect(screen.getByTestId('prompt-favourite')).toHaveAttribute('aria-pressed', 'true'));
    await user.click(screen.getByTestId('prompt-favourite'));
    await waitFor(() => expect(again.library.state.library.favouritePrompts).toEqual([]));
  });

  it('"Write about this" opens a new entry with the prompt', async () => {
    const { user, navigate } = await renderCard();
    await user.click(screen.getByTestId('prompt-shuffle'));
    const shown = shownText();
    await user.click(screen.getByTestId('prompt-write'));
    const promptId = ALL.find((ref) => shippedPromptText(ref, 'en') === shown);
    expect(navigate).toHaveBeenCalledWith('journal', { kind: 'new-entry', promptId });
  });

  it('can show one of the person own prompts, with its text', async () => {
    const own = { id: 'mine1', text: 'What song is stuck in my head?', group: null };
    // Set every shipped prompt aside today: only the own prompt is left.
    await renderCard({
      seed: (b) => {
        b.library.state.library.customPrompts = [own];
        b.library.state.library.snoozedPrompts = ALL.map((promptId) => ({ promptId, day: TODAY }));
      },
    });
    expect(shownText()).toBe(own.text);
    expect(screen.getByTestId('prompt-group')).toHaveTextContent('Your own');
    expect(screen.getByTestId('prompt-shuffle')).toBeDisabled();
  });

  it('reads in Spanish, and passes axe', async () => {
    await renderCard({ locale: 'es' });
    const pick = promptOfTheDay(TODAY, ALL)!;
    expect(shownText()).toBe(shippedPromptText(pick, 'es'));
    const card = screen.getByTestId('prompt-card');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent('Algo sobre qué escribir');
    expect(screen.getByTestId('prompt-write')).toHaveTextContent('Escribir sobre esto');
    expect(screen.getByTestId('prompt-not-today')).toHaveTextContent('Hoy no');
    await expectNoAxeViolations();
  });
});
