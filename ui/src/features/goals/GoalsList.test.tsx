import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GoalDraft, ProposalDecision, StepDraft } from '../../api';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { cardTitles, openGoals, viewSteps, type Backend } from './testSupport';

const steps = (...texts: string[]): StepDraft[] => texts.map((text) => ({ id: null, text, done: false }));

function seedMany(b: Backend) {
  b.goals.addGoal({ title: 'Old active goal', steps: steps('One', 'Two') });
  const walking = b.goals.addGoal({ title: 'Walk after school', area: 'body', steps: steps('Find shoes', 'Ten minutes', 'Twenty minutes') });
  b.goals.addGoal({ title: 'Paused one' }, { status: 'paused' });
  b.goals.addGoal({ title: 'Done one', steps: steps('Only step') }, { status: 'done' });
  b.goals.addGoal({ title: 'Let go one' }, { status: 'let_go' });
  const stored = b.goals.state.goals.find((g) => g.id === walking.id)!;
  stored.steps[0]!.doneAt = stored.createdAt;
}

const decisions = (b: Backend) => b.callsTo('decide_proposal').map((c) => c.args as { id: number; decision: ProposalDecision });

describe('goals list', { timeout: 60_000 }, () => {
  it('invites to start a goal by name when there is nothing yet, and passes axe', async () => {
    const { user } = await openGoals();
    const main = screen.getByTestId('goals-screen');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Goals');
    expect(main).toHaveTextContent(
      'Nothing here yet, Sam. This is where goals you choose for yourself will live — small steps, at your own pace.',
    );
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('goal-new'));
    expect(await screen.findByTestId('goal-editor')).toBeInTheDocument();
  });

  it('shows active goals first and folds away paused, done and let go, each card with its progress and next step', async () => {
    const { user } = await openGoals({}, seedMany);
    const sections = [...document.querySelectorAll('section[data-testid^="goal-section-"]')].map((s) => s.getAttribute('data-testid'));
    expect(sections).toEqual(['goal-section-active', 'goal-section-paused', 'goal-section-done', 'goal-section-let_go']);
    // Only the active ones show at first; newest first.
    expect(cardTitles()).toEqual(['Walk after school', 'Old active goal']);
    const card = screen.getAllByTestId('goal-card')[0]!;
    expect(card).toHaveTextContent('Body');
    expect(card).toHaveTextContent('1 of 3 steps');
    expect(card).toHaveTextContent('Next step: Ten minutes');
    const toggle = screen.getByTestId('goal-section-paused-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveTextContent('Paused (1)');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('goal-section-done-toggle'));
    await user.click(screen.getByTestId('goal-section-let_go-toggle'));
    expect(cardTitles()).toEqual(['Walk after school', 'Old active goal', 'Paused one', 'Done one', 'Let go one']);
    await expectNoAxeViolations();
    await user.click(screen.getAllByTestId('goal-card')[0]!);
    expect(await screen.findByTestId('goal-view')).toHaveTextContent('Walk after school');
    await user.click(screen.getByTestId('goal-back'));
    expect(await screen.findByTestId('goals-screen')).toBeInTheDocument();
  });

  it('says plainly when goals cannot be opened, and tries again', async () => {
    const backend = createFakeBackend({ unlocked: true });
    const { user } = renderApp(backend);
    // (Today asks for goals too; the goals screen's own request is the one that doesn't go through.)
    await waitFor(() => expect(backend.callsTo('list_goals')).toHaveLength(1));
    backend.state.failNext.list_goals = 'storage';
    await user.click(screen.getByTestId('nav-goals'));
    await waitFor(() => expect(screen.getByTestId('goals-screen')).toHaveTextContent("Your goals couldn't be opened just now."));
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('goals-screen')).toHaveTextContent('goals you choose for yourself'));
  });

  it('saves the daily reminder and quiet hours, and says notifications never show what was written', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goals-reminders-toggle'));
    expect(await screen.findByTestId('reminders-privacy')).toHaveTextContent(
      'Notifications never show what you wrote. They only say: "A moment for yourself?"',
    );
    await user.click(screen.getByTestId('reminders-daily'));
    const hour = within(screen.getByTestId('reminders-daily-time')).getAllByRole('spinbutton')[0]!;
    await user.click(hour);
    await user.keyboard('{ArrowUp}');
    await user.click(screen.getByTestId('reminders-quiet'));
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(screen.getByTestId('reminders-status')).toHaveTextContent('Reminders saved.'));
    expect(backend.goals.state.reminders).toEqual({ dailyCheckin: '19:00', quietFrom: '21:30', quietTo: '07:30' });
  });

  it('speaks Spanish', async () => {
    const { user } = await openGoals({ prefs: defaultPrefs({ language: 'es' }) }, (b) => {
      seedMany(b);
      b.goals.addProposal({ title: 'Pedir ayuda en mates', steps: ['Escribir una pregunta'] });
    });
    const main = screen.getByTestId('goals-screen');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Metas');
    expect(main).toHaveTextContent('Ideas de Ms. Rivera');
    expect(screen.getByTestId('proposal-accept')).toHaveTextContent('Aceptar tal cual');
    expect(screen.getByTestId('proposal-not-now')).toHaveTextContent('Ahora no');
    expect(screen.getByTestId('proposal-counselor-words')).toHaveTextContent('Sugerido por Ms. Rivera');
    expect(screen.getAllByTestId('goal-card')[0]).toHaveTextContent('1 de 3 pasos');
    expect(screen.getAllByTestId('goal-card')[0]).toHaveTextContent('Siguiente paso: Ten minutes');
    expect(screen.getByTestId('goal-section-paused-toggle')).toHaveTextContent('En pausa (1)');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('goal-new'));
    expect(await screen.findByTestId('goal-editor')).toHaveTextContent('¿Qué primer paso sientes que puedes dar?');
    await user.click(screen.getByTestId('goal-save'));
    await waitFor(() =>
      expect(screen.getByTestId('goal-editor-status')).toHaveTextContent('Primero escribe unas palabras para tu meta'),
    );
  });

  it.each([
    ['en', 'Ideas from your counselor', 'Suggested by your counselor'],
    ['es', 'Ideas de tu consejera o consejero', 'Sugerido por tu consejera o consejero'],
  ] as const)('words ideas from a counselor who left their name out in the language on screen (%s)', async (language, title, by) => {
    // The vault keeps no name for them (''), never words in the language of the day of the import.
    await openGoals({ prefs: defaultPrefs({ language }) }, (b) => {
      b.goals.addProposal({ title: 'Practise saying no', fromName: '' });
    });
    const proposals = screen.getByTestId('proposals');
    expect(within(proposals).getByRole('heading', { level: 2 })).toHaveTextContent(title);
    expect(screen.getByTestId('proposal-counselor-words')).toHaveTextContent(by);
  });
});

describe('Today', { timeout: 60_000 }, () => {
  it('shows one quiet line with the next step of the latest active goal, which opens it', async () => {
    const backend = createFakeBackend({ unlocked: true });
    seedMany(backend);
    const { user } = renderApp(backend);
    const line = await screen.findByTestId('today-next-step');
    expect(line).toHaveTextContent('Your next step for "Walk after school": Ten minutes');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('today-next-step-open'));
    expect(await screen.findByTestId('goal-view')).toHaveTextContent('Walk after school');
  });

  it('shows nothing about goals when none is active', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.goals.addGoal({ title: 'Paused one', steps: steps('A') }, { status: 'paused' });
    renderApp(backend);
    await screen.findByTestId('screen-today');
    await waitFor(() => expect(backend.callsTo('list_goals')).toHaveLength(1));
    expect(screen.queryByTestId('today-next-step')).not.toBeInTheDocument();
  });
});

describe('ideas from the counselor', { timeout: 60_000 }, () => {
  it('shows each pending idea in the counselor’s words, set apart, with three choices, and passes axe', async () => {
    await openGoals({}, (b) => {
      b.goals.addGoal({ title: 'My own goal' });
      b.goals.addProposal({
        title: 'Practise saying no',
        why: 'You said you feel stretched thin.',
        steps: ['Notice one time you want to say no'],
        note: 'Only if it feels right.',
      });
      b.goals.addProposal({ kind: 'prompt', title: 'What does a good boundary feel like?' });
    });
    const main = screen.getByTestId('goals-screen');
    expect(main).toHaveTextContent('Ideas from Ms. Rivera');
    expect(main).toHaveTextContent("Each one is yours to take, change, or leave.");
    const cards = screen.getAllByTestId('proposal');
    expect(cards).toHaveLength(2);
    // The ideas come before the person's own goals.
    expect(cards[0]!.compareDocumentPosition(screen.getByTestId('goal-card')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const words = within(cards[1]!).getByTestId('proposal-counselor-words');
    expect(words.tagName).toBe('FIGURE');
    expect(words).toHaveTextContent('Suggested by Ms. Rivera');
    expect(within(words).getByRole('blockquote')).toHaveTextContent('Practise saying no');
    expect(words).toHaveTextContent('You said you feel stretched thin.');
    expect(words).toHaveTextContent('Notice one time you want to say no');
    expect(words).toHaveTextContent('Only if it feels right.');
    expect(within(cards[1]!).getByTestId('proposal-accept')).toHaveTextContent('Accept as is');
    expect(within(cards[1]!).getByTestId('proposal-change')).toHaveTextContent('Change it first');
    expect(within(cards[1]!).getByTestId('proposal-not-now')).toHaveTextContent('Not now');
    expect(within(cards[0]!).getByTestId('proposal-accept')).toHaveTextContent('Add to my prompts');
    await expectNoAxeViolations();
  });

  it('accepts a goal idea as is: a goal made with the counselor, their words kept in a separate panel', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addProposal({ title: 'Practise saying no', why: 'You feel stretched thin.', steps: ['Notice one time', 'Say it once'] });
    });
    await user.click(screen.getByTestId('proposal-accept'));
    await waitFor(() => expect(screen.getByTestId('goals-status')).toHaveTextContent('"Practise saying no" is with your goals now.'));
    await waitFor(() => expect(cardTitles()).toEqual(['Practise saying no']));
    expect(screen.queryAllByTestId('proposal')).toHaveLength(0);
    expect(decisions(backend)).toEqual([{ id: 1, decision: { kind: 'accept' } }]);
    const goal = backend.goals.state.goals[0]!;
    expect(goal.madeWithCounselor).toBe(true);
    expect(goal.counselorWords?.title).toBe('Practise saying no');

    // Past suggestions say what was chosen.
    await user.click(screen.getByTestId('goals-past-suggestions-toggle'));
    expect(screen.getByTestId('past-proposal')).toHaveTextContent('You took this as it was');

    await user.click(screen.getByTestId('goal-card'));
    await screen.findByTestId('goal-view');
    expect(viewSteps().map((s) => s.text)).toEqual(['Notice one time', 'Say it once']);
    const panel = screen.getByTestId('goal-counselor-words');
    const toggle = screen.getByTestId('goal-counselor-words-toggle');
    expect(toggle).toHaveTextContent("Ms. Rivera's original words");
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(within(panel).getByRole('blockquote')).toHaveTextContent('You feel stretched thin.');
    await expectNoAxeViolations();
  });

  it('changes a goal idea first: the editor starts from it, the counselor’s words beside it, and saving decides', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addProposal({ title: 'Practise saying no', steps: ['Notice one time'] });
    });
    await user.click(screen.getByTestId('proposal-change'));
    const editor = await screen.findByTestId('goal-editor');
    expect(within(editor).getByRole('heading', { level: 1 })).toHaveTextContent('Make it your own');
    expect(screen.getByTestId('goal-title')).toHaveValue('Practise saying no');
    expect(screen.getAllByTestId('goal-step-text').map((i) => (i as HTMLInputElement).value)).toEqual(['Notice one time']);
    expect(screen.getByTestId('goal-with-counselor')).toHaveAttribute('data-selected', 'true');
    // Their words stay visible (open) while the person writes their own.
    expect(screen.getByTestId('goal-counselor-words-toggle')).toHaveAttribute('aria-expanded', 'true');
    expect(within(screen.getByTestId('goal-counselor-words')).getByRole('blockquote')).toHaveTextContent('Practise saying no');
    await expectNoAxeViolations();

    await user.clear(screen.getByTestId('goal-title'));
    await user.type(screen.getByTestId('goal-title'), 'Say no to one small thing a week');
    await user.type(screen.getByTestId('goal-step-input'), 'Pick the small thing{Enter}');
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Say no to one small thing a week');
    await waitFor(() =>
      expect(screen.getByTestId('goal-view-status')).toHaveTextContent("Your version is saved. Your counselor's words are kept beside it."),
    );
    const [call] = decisions(backend);
    expect(call!.decision.kind).toBe('change');
    const draft = (call!.decision as { goal: GoalDraft }).goal;
    expect(draft).toMatchObject({ id: null, title: 'Say no to one small thing a week', madeWithCounselor: true });
    expect(draft.steps.map((s) => s.text)).toEqual(['Notice one time', 'Pick the small thing']);
    expect(backend.callsTo('save_goal')).toHaveLength(0);
    expect(backend.goals.state.proposals[0]!.status).toBe('changed');
    expect(backend.goals.state.goals[0]!.counselorWords?.title).toBe('Practise saying no');
  });

  it('"Not now" changes nothing and moves the idea to past suggestions, without guilt', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addProposal({ title: 'Practise saying no' });
    });
    await user.click(screen.getByTestId('proposal-not-now'));
    await waitFor(() =>
      expect(screen.getByTestId('goals-status')).toHaveTextContent("Okay. It's in your past suggestions if you want to look at it again."),
    );
    await waitFor(() => expect(screen.queryAllByTestId('proposal')).toHaveLength(0));
    expect(backend.goals.state.goals).toHaveLength(0);
    expect(backend.goals.state.proposals[0]!.status).toBe('declined');
    const toggle = screen.getByTestId('goals-past-suggestions-toggle');
    expect(toggle).toHaveTextContent('Past suggestions (1)');
    await user.click(toggle);
    expect(screen.getByTestId('past-proposal')).toHaveTextContent('Practise saying no');
    expect(screen.getByTestId('past-proposal')).toHaveTextContent('Not now');
    await expectNoAxeViolations();
  });

  it('offers an idea about a deleted goal as a new goal, and says so', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      const goal = b.goals.addGoal({ title: 'Sleep better' });
      b.goals.addProposal({ title: 'A next step', steps: ['Phone out of the bedroom'], forGoalId: goal.id });
      b.goals.state.goals = [];
    });
    const card = screen.getByTestId('proposal');
    expect(within(card).getByTestId('proposal-goal-missing')).toHaveTextContent(
      "This was about a goal you've since deleted. You can still take it as a new goal",
    );
    expect(within(card).getByTestId('proposal-accept')).toHaveTextContent('Accept as is');
    await expectNoAxeViolations();
    await user.click(within(card).getByTestId('proposal-accept'));
    await waitFor(() => expect(cardTitles()).toEqual(['A next step']));
    expect(backend.goals.state.goals[0]!.steps.map((s) => s.text)).toEqual(['Phone out of the bedroom']);
  });

  it('adds the steps of an idea about an existing goal to that goal, and can change them first', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      const goal = b.goals.addGoal({ title: 'Sleep better', steps: steps('Same bedtime') });
      b.goals.addProposal({ title: 'Two more steps', steps: ['Phone out of the bedroom', 'Read first'], forGoalId: goal.id });
      b.goals.addProposal({ title: 'Another one', steps: ['Warm drink'], forGoalId: goal.id });
    });
    const [first, second] = screen.getAllByTestId('proposal');
    expect(first).toHaveTextContent('About your goal "Sleep better"');
    expect(within(second!).getByTestId('proposal-accept')).toHaveTextContent('Add to my steps as is');
    await user.click(within(second!).getByTestId('proposal-accept'));
    await waitFor(() => expect(screen.getByTestId('goals-status')).toHaveTextContent('The steps are added to "Sleep better".'));
    expect(backend.goals.state.goals[0]!.steps.map((s) => s.text)).toEqual(['Same bedtime', 'Phone out of the bedroom', 'Read first']);

    await user.click(screen.getByTestId('proposal-change'));
    await screen.findByTestId('goal-editor');
    expect(screen.getAllByTestId('goal-step-text').map((i) => (i as HTMLInputElement).value)).toEqual([
      'Same bedtime',
      'Phone out of the bedroom',
      'Read first',
      'Warm drink',
    ]);
    await user.click(screen.getAllByTestId('goal-step-remove')[1]!);
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    expect(backend.goals.state.goals).toHaveLength(1);
    expect(backend.goals.state.goals[0]!.steps.map((s) => s.text)).toEqual(['Same bedtime', 'Read first', 'Warm drink']);
    const last = decisions(backend).at(-1)!;
    expect((last.decision as { goal: GoalDraft }).goal.id).toBe(backend.goals.state.goals[0]!.id);
  });

  it('takes a prompt idea into My prompts, as is or in the person’s words', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addProposal({ kind: 'prompt', title: 'What does a good boundary feel like?' });
      b.goals.addProposal({ kind: 'prompt', title: 'Who makes you feel safe?' });
    });
    const [newest, older] = screen.getAllByTestId('proposal');
    await user.click(within(older!).getByTestId('proposal-accept'));
    await waitFor(() =>
      expect(screen.getByTestId('goals-status')).toHaveTextContent("Added to My prompts. You'll find it with the other prompts."),
    );
    expect(backend.library.state.library.customPrompts.map((p) => p.text)).toEqual(['What does a good boundary feel like?']);

    await user.click(within(newest!).getByTestId('proposal-change'));
    const field = screen.getByTestId('proposal-prompt-text');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.click(screen.getByTestId('proposal-prompt-save'));
    expect(screen.getByTestId('proposal')).toHaveTextContent('Write a few words first, then add it.');
    await user.type(field, 'Who do I feel safe with, and why?');
    await user.click(screen.getByTestId('proposal-prompt-save'));
    await waitFor(() => expect(screen.queryAllByTestId('proposal')).toHaveLength(0));
    expect(backend.library.state.library.customPrompts.map((p) => p.text)).toEqual([
      'What does a good boundary feel like?',
      'Who do I feel safe with, and why?',
    ]);
    expect(decisions(backend).at(-1)!.decision).toEqual({ kind: 'change', goal: null, promptText: 'Who do I feel safe with, and why?' });
    // The open library (what the prompt screens read) has them too: it was brought up to date.
    await waitFor(() => {
      const last = backend.callsTo('save_library').at(-1)?.args?.library as { customPrompts: { text: string }[] } | undefined;
      expect(last?.customPrompts.map((p) => p.text)).toEqual([
        'What does a good boundary feel like?',
        'Who do I feel safe with, and why?',
      ]);
    });
  });
});
