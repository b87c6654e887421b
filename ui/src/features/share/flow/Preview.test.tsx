import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/render';
import {
  addCounselor,
  box,
  flowFake,
  lastPreviewSelection,
  openShareFlow,
  previewKinds,
  previewSettled,
  seed,
  toggle,
} from './testSupport';

async function toPreview(pick: (s: ReturnType<typeof seed>) => string[]) {
  let seeded!: ReturnType<typeof seed>;
  const opened = await openShareFlow({}, (b) => {
    seeded = seed(b);
    addCounselor(b, 'Ms. Rivera');
  });
  for (const id of pick(seeded)) await opened.user.click(screen.getByTestId(id));
  await opened.user.click(screen.getByTestId('share-next'));
  await screen.findByTestId('share-step-preview');
  await within(screen.getByTestId('share-preview')).findAllByTestId('shared-item');
  await previewSettled();
  return { ...opened, seeded };
}

describe('share flow: preview', () => {
  it('shows the sender and every item exactly as the counselor will see it, in order', async () => {
    const { backend, user, seeded } = await toPreview((s) => [
      `share-pick-entry-${s.older.id}`,
      `share-pick-entry-${s.checkin.id}`,
      `share-pick-goal-${s.goalId}`,
      'share-pick-safety-plan',
    ]);
    await user.click(screen.getByTestId('share-back'));
    await user.type(await screen.findByTestId('share-note'), 'For Thursday');
    await user.click(screen.getByTestId('share-pick-insights'));
    await user.click(screen.getByTestId('share-next'));
    await screen.findByTestId('share-step-preview');
    await waitFor(() => expect(previewKinds()).toEqual(['free', 'checkin', 'goal', 'insights', 'safety_plan']));
    await previewSettled();

    const preview = within(screen.getByTestId('share-preview'));
    expect(preview.getByTestId('shared-from-name')).toHaveTextContent('Sam');
    expect(preview.getByTestId('shared-note')).toHaveTextContent('For Thursday');
    const older = within(screen.getByTestId(`share-preview-entry-${seeded.older.id}`));
    expect(older.getByTestId('shared-title')).toHaveTextContent('The long week');
    expect(older.getByTestId('shared-body')).toHaveTextContent('It was a lot.');
    expect(older.getByTestId('shared-tags')).toHaveTextContent('school');
    expect(older.getByTestId('shared-prompt')).toHaveTextContent("Is there a name for what you've been feeling lately");
    const checkin = within(screen.getByTestId(`share-preview-entry-${seeded.checkin.id}`));
    expect(checkin.getByTestId('shared-feelings')).toHaveTextContent('Anxious');
    expect(checkin.getByTestId('shared-going-on')).toHaveTextContent('A test tomorrow');

    // The progress line is on the second step.
    const current = screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('Look it over');

    // What the preview shows is what the fake built from the selection: the same payload.
    const selection = lastPreviewSelection(backend)!;
    expect(selection.entries.map((e) => e.id)).toEqual([seeded.older.id, seeded.checkin.id]);
    expect(selection.feelingNames.anxious).toBe('Anxious');
    expect(selection.note).toBe('For Thursday');
    expect(selection.safetyPlan).toEqual({ sections: ['warning_signs', 'people_to_ask', 'reasons_for_living'] });
    await expectNoAxeViolations();
  });

  it('offers a switch only for the parts each entry has, all on', async () => {
    const { seeded } = await toPreview((s) => [`share-pick-entry-${s.older.id}`, `share-pick-entry-${s.checkin.id}`, `share-pick-entry-${s.goalCheckin.id}`]);
    const switchesOf = (id: number) =>
      within(screen.getByTestId(`share-preview-entry-${id}`))
        .getAllByRole('switch')
        .map((s) => s.closest('label')!.getAttribute('data-testid'));
    await waitFor(() => expect(switchesOf(seeded.older.id)).toHaveLength(4));
    expect(switchesOf(seeded.older.id)).toEqual(['title', 'body', 'tags', 'prompt'].map((p) => `share-part-entry-${seeded.older.id}-${p}`));
    expect(switchesOf(seeded.checkin.id)).toEqual(['feelings', 'goingOn', 'helped'].map((p) => `share-part-entry-${seeded.checkin.id}-${p}`));
    expect(switchesOf(seeded.goalCheckin.id)).toEqual(['body', 'goal'].map((p) => `share-part-entry-${seeded.goalCheckin.id}-${p}`));
    for (const sw of screen.getAllByRole('switch')) expect(sw).toBeChecked();
    expect(screen.getByTestId(`share-part-entry-${seeded.checkin.id}-goingOn`)).toHaveTextContent("What's going on");
    const goalItem = within(screen.getByTestId(`share-preview-entry-${seeded.goalCheckin.id}`));
    expect(goalItem.getByTestId('shared-goal')).toHaveTextContent('Sleep before midnight');
  });

  it('leaves a part out of the preview and out of the file when its switch is off', async () => {
    const { backend, user, seeded } = await toPreview((s) => [`share-pick-entry-${s.older.id}`, `share-pick-entry-${s.checkin.id}`]);
    const older = () => within(screen.getByTestId(`share-preview-entry-${seeded.older.id}`));
    expect(older().getByTestId('shared-body')).toBeInTheDocument();

    await user.click(await screen.findByTestId(`share-part-entry-${seeded.older.id}-body`));
    await waitFor(() => expect(older().queryByTestId('shared-body')).not.toBeInTheDocument());
    expect(toggle(`share-part-entry-${seeded.older.id}-body`)).not.toBeChecked();
    expect(older().getByTestId('shared-title')).toHaveTextContent('The long week');
    await user.click(screen.getByTestId(`share-part-entry-${seeded.checkin.id}-goingOn`));
    await waitFor(() =>
      expect(within(screen.getByTestId(`share-preview-entry-${seeded.checkin.id}`)).queryByTestId('shared-going-on')).not.toBeInTheDocument(),
    );
    await previewSettled();
    expect(lastPreviewSelection(backend)!.entries[0]!.parts.body).toBe(false);

    // The file written holds exactly what the preview showed.
    await user.click(screen.getByTestId('share-next'));
    await screen.findByTestId('share-step-send');
    flowFake(backend).savePaths.push('/media/usb/share.age');
    await user.click(screen.getByTestId('share-send'));
    await screen.findByTestId('share-done');
    const written = backend.sharing.state.files.get('/media/usb/share.age')!;
    const [first, second] = written.payload.items;
    expect(first).toMatchObject({ type: 'entry', title: 'The long week', body: null, tags: ['school'] });
    expect(second).toMatchObject({ type: 'entry', goingOn: null, helped: 'A walk with Jo' });
    expect(JSON.stringify(written.payload)).not.toContain('But I made it');
    expect(JSON.stringify(written.payload)).not.toContain('A test tomorrow');
  });

  it('drops a whole item, and says so when nothing is left', async () => {
    const { user, seeded } = await toPreview((s) => [`share-pick-entry-${s.recent.id}`, `share-pick-goal-${s.goalId}`]);
    expect(previewKinds()).toEqual(['free', 'goal']);
    await user.click(screen.getByTestId(`share-remove-entry-${seeded.recent.id}`));
    expect(screen.queryByTestId(`share-preview-entry-${seeded.recent.id}`)).not.toBeInTheDocument();
    await waitFor(() => expect(previewKinds()).toEqual(['goal']));
    expect(screen.getByRole('heading', { name: 'This is what your counselor will see' })).toHaveFocus();

    await user.click(screen.getByTestId(`share-remove-goal-${seeded.goalId}`));
    expect(screen.getByTestId('share-preview-empty')).toHaveTextContent('Nothing is picked right now.');
    expect(screen.getByTestId('share-next')).toBeDisabled();

    // Back on the first step, nothing is picked any more.
    await user.click(screen.getByTestId('share-back'));
    await screen.findByTestId('share-step-choose');
    expect(box(`share-pick-entry-${seeded.recent.id}`)).not.toBeChecked();
    expect(box(`share-pick-goal-${seeded.goalId}`)).not.toBeChecked();
  });

  it("switches a goal's why, steps and check-ins", async () => {
    const { user, seeded } = await toPreview((s) => [`share-pick-goal-${s.goalId}`]);
    const goal = () => within(screen.getByTestId(`share-preview-goal-${seeded.goalId}`));
    expect(goal().getByTestId('shared-goal-title')).toHaveTextContent('Sleep before midnight');
    expect(goal().getByTestId('shared-goal-why')).toHaveTextContent('I feel better at school');
    expect(goal().getByTestId('shared-goal-steps')).toHaveTextContent('Phone out of the room');
    expect(goal().getByTestId('shared-goal-checkins')).toHaveTextContent('A late show');

    await user.click(screen.getByTestId(`share-part-goal-${seeded.goalId}-why`));
    await user.click(screen.getByTestId(`share-part-goal-${seeded.goalId}-checkins`));
    await waitFor(() => expect(goal().queryByTestId('shared-goal-checkins')).not.toBeInTheDocument());
    expect(goal().queryByTestId('shared-goal-why')).not.toBeInTheDocument();
    expect(goal().getByTestId('shared-goal-steps')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('has one switch per safety plan section that holds something', async () => {
    const { user, backend } = await toPreview(() => ['share-pick-safety-plan']);
    const plan = within(screen.getByTestId('share-preview-plan'));
    expect(plan.getAllByRole('switch').map((s) => s.closest('label')!.getAttribute('data-testid'))).toEqual([
      'share-part-plan-warning_signs',
      'share-part-plan-people_to_ask',
      'share-part-plan-reasons_for_living',
    ]);
    expect(plan.getAllByTestId('shared-plan-section')).toHaveLength(3);
    expect(plan.getByTestId('share-part-plan-people_to_ask')).toHaveTextContent('People I can ask for help');

    await user.click(screen.getByTestId('share-part-plan-people_to_ask'));
    await waitFor(() => expect(plan.getAllByTestId('shared-plan-section')).toHaveLength(2));
    expect(screen.getByTestId('share-preview-plan')).not.toHaveTextContent('Aunt May');
    await previewSettled();
    expect(lastPreviewSelection(backend)!.safetyPlan).toEqual({ sections: ['warning_signs', 'reasons_for_living'] });

    // With every section off, nothing of the plan goes (and nothing else is left to share).
    await user.click(screen.getByTestId('share-part-plan-warning_signs'));
    await user.click(screen.getByTestId('share-part-plan-reasons_for_living'));
    expect(screen.getByTestId('share-preview-empty')).toBeInTheDocument();
  });

  it('shares an identity space entry only when picked there, with its own switch', async () => {
    let seeded!: ReturnType<typeof seed>;
    const { user } = await openShareFlow({}, (b) => (seeded = seed(b)));
    await user.click(screen.getByTestId('share-identity-toggle'));
    await user.click(await screen.findByTestId(`share-pick-entry-${seeded.identity.id}`));
    await user.click(screen.getByTestId('share-next'));
    const item = within(await screen.findByTestId(`share-preview-entry-${seeded.identity.id}`));
    expect(await item.findByTestId('shared-identity')).toHaveTextContent('River');
    await user.click(await screen.findByTestId(`share-part-entry-${seeded.identity.id}-identity`));
    await waitFor(() => expect(item.queryByTestId('shared-identity')).not.toBeInTheDocument());
    expect(item.getByTestId('shared-body')).toHaveTextContent('It felt right.');
  });

  it('leaves the name and pronouns out of the preview when asked', async () => {
    const { user, seeded } = await toPreview((s) => [`share-pick-entry-${s.recent.id}`]);
    expect(screen.getByTestId('shared-from-name')).toHaveTextContent('Sam');
    await user.click(screen.getByTestId('share-back'));
    await user.click(await screen.findByTestId('share-include-profile'));
    await user.click(screen.getByTestId('share-next'));
    await screen.findByTestId('share-step-preview');
    await waitFor(() => expect(screen.getByTestId('shared-from-name')).toHaveTextContent('Name left out'));
    expect(screen.getByTestId(`share-preview-entry-${seeded.recent.id}`)).toBeInTheDocument();
  });

  it('says so calmly when something picked is gone', async () => {
    const { backend, user, seeded } = await toPreview((s) => [`share-pick-entry-${s.recent.id}`]);
    backend.journal.state.entries.find((e) => e.id === seeded.recent.id)!.deletedAt = new Date().toISOString();
    await user.click(screen.getByTestId(`share-part-entry-${seeded.recent.id}-title`));
    expect(await screen.findByTestId('share-preview-problem')).toHaveTextContent("Something you picked isn't here anymore.");
    expect(screen.getByTestId('share-next')).toBeDisabled();
  });
});
