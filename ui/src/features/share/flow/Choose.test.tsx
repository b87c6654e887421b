import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPrefs, emptySafetyPlan } from '../../../test/fakeBackend';
import { testProfile } from '../../../test/profiles';
import { expectNoAxeViolations } from '../../../test/render';
import { addDays, dayKey } from '../../journal/format';
import { box, daysAgo, lastPreviewSelection, openShareFlow, seed } from './testSupport';

describe('share flow: choose', () => {
  it('shows the progress line and lists entries newest first, identity ones only in their own folded group', async () => {
    let seeded!: ReturnType<typeof seed>;
    const { choose, user } = await openShareFlow({}, (b) => (seeded = seed(b)));

    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual(['1Choose', '2Look it over', '3Send']);
    expect(steps[0]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).not.toHaveAttribute('aria-current');

    const entries = within(screen.getByTestId('share-choose-entries'));
    const rows = entries.getAllByRole('checkbox').map((input) => input.closest('label')!.getAttribute('data-testid'));
    expect(rows).toEqual([
      `share-pick-entry-${seeded.recent.id}`,
      `share-pick-entry-${seeded.goalCheckin.id}`,
      `share-pick-entry-${seeded.checkin.id}`,
      `share-pick-entry-${seeded.older.id}`,
    ]);
    const older = screen.getByTestId(`share-pick-entry-${seeded.older.id}`);
    expect(older).toHaveTextContent('The long week');
    expect(older).toHaveTextContent('It was a lot. But I made it.');
    expect(older).toHaveTextContent(/Free writing · .+/);
    expect(screen.getByTestId(`share-pick-entry-${seeded.checkin.id}`)).toHaveTextContent(/^Check-in · /);
    expect(screen.getByTestId(`share-pick-entry-${seeded.goalCheckin.id}`)).toHaveTextContent(/Went okay.*Goal check-in · /);

    // The identity space's try-on is not in the journal list, and its group starts folded.
    expect(screen.queryByTestId(`share-pick-entry-${seeded.identity.id}`)).not.toBeInTheDocument();
    const toggle = screen.getByTestId('share-identity-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const tryOn = await screen.findByTestId(`share-pick-entry-${seeded.identity.id}`);
    expect(tryOn).toHaveTextContent('It felt right.');
    expect(tryOn).toHaveTextContent(/Tried River/);
    expect(screen.getByTestId('share-choose-identity')).toHaveTextContent('These stay private unless you pick them here.');

    // Goals, the summary and the safety plan.
    expect(screen.getByTestId(`share-pick-goal-${seeded.goalId}`)).toHaveTextContent('Sleep before midnight');
    expect(screen.getByTestId(`share-pick-goal-${seeded.goalId}`)).toHaveTextContent('Working on it');
    expect(box('share-pick-insights')).not.toBeChecked();
    expect(box('share-pick-safety-plan')).not.toBeDisabled();
    expect(choose).toHaveTextContent('You can choose which parts of it go on the next step.');
    await expectNoAxeViolations();
  });

  it('keeps Next off, with a reason, until something is picked', async () => {
    let seeded!: ReturnType<typeof seed>;
    const { user } = await openShareFlow({}, (b) => (seeded = seed(b)));
    const next = screen.getByTestId('share-next');
    expect(next).toBeDisabled();
    expect(screen.getByTestId('share-next-reason')).toHaveTextContent('Pick at least one thing to go on.');
    expect(next).toHaveAccessibleDescription('Pick at least one thing to go on.');

    // A note alone is not something to share.
    await user.type(screen.getByTestId('share-note'), 'For Thursday');
    expect(next).toBeDisabled();

    await user.click(screen.getByTestId(`share-pick-entry-${seeded.recent.id}`));
    expect(box(`share-pick-entry-${seeded.recent.id}`)).toBeChecked();
    expect(next).toBeEnabled();
    expect(screen.queryByTestId('share-next-reason')).not.toBeInTheDocument();

    await user.click(screen.getByTestId(`share-pick-entry-${seeded.recent.id}`));
    expect(next).toBeDisabled();

    // The summary counts as something; so does the safety plan.
    await user.click(screen.getByTestId('share-pick-insights'));
    expect(next).toBeEnabled();
    await user.click(screen.getByTestId('share-pick-insights'));
    await user.click(screen.getByTestId('share-pick-safety-plan'));
    expect(next).toBeEnabled();
  });

  it('offers the summary of the last 30 days by default and sends the dates picked', async () => {
    const { backend, user } = await openShareFlow({}, (b) => {
      b.journal.add({ kind: 'checkin', checkin: { feelings: [{ feeling: 'calm', intensity: 3, valence: 1 }], pleasantness: null, energy: null, sensations: [], goingOn: null, helped: null } }, daysAgo(3));
    });
    await user.click(screen.getByTestId('share-pick-insights'));
    await user.click(screen.getByTestId('share-next'));
    await screen.findByTestId('share-step-preview');
    await waitFor(() => expect(lastPreviewSelection(backend)?.insights).not.toBeNull());
    const today = dayKey(new Date());
    expect(lastPreviewSelection(backend)?.insights).toEqual({ from: addDays(today, -29), to: today });
    const item = await within(screen.getByTestId('share-preview')).findByTestId('shared-item');
    expect(item).toHaveAttribute('data-kind', 'insights');
  });

  it('says the safety plan is empty instead of offering nothing', async () => {
    await openShareFlow({ safetyPlan: emptySafetyPlan() });
    expect(box('share-pick-safety-plan')).toBeDisabled();
    expect(screen.getByTestId('share-step-choose')).toHaveTextContent("Your safety plan is empty for now, so there's nothing to share from it.");
  });

  it('says whose name and pronouns go, and that they stay out when switched off', async () => {
    const { user } = await openShareFlow({ profile: testProfile('Sam', 'they') });
    const hint = screen.getByTestId('share-profile-hint');
    expect(within(screen.getByTestId('share-include-profile')).getByRole('switch')).toBeChecked();
    expect(hint).toHaveTextContent("They'll see: Sam · they/them.");
    await user.click(screen.getByTestId('share-include-profile'));
    expect(hint).toHaveTextContent('Your name and pronouns (Sam · they/them) stay out.');
  });

  it('shows many entries a page at a time', async () => {
    const { user } = await openShareFlow({}, (b) => {
      for (let i = 0; i < 120; i++) b.journal.add({ title: `Entry ${i}`, body: 'x' }, daysAgo(130 - i));
    });
    const list = within(screen.getByTestId('share-choose-entries'));
    expect(list.getAllByRole('checkbox')).toHaveLength(50);
    expect(list.getAllByRole('checkbox')[0]!.closest('label')).toHaveTextContent('Entry 119');
    await user.click(screen.getByTestId('share-entries-more'));
    await waitFor(() => expect(list.getAllByRole('checkbox')).toHaveLength(100));
    await user.click(screen.getByTestId('share-entries-more'));
    await waitFor(() => expect(list.getAllByRole('checkbox')).toHaveLength(120));
    expect(screen.queryByTestId('share-entries-more')).not.toBeInTheDocument();
  });

  it('works with the keyboard alone', async () => {
    let seeded!: ReturnType<typeof seed>;
    const { user } = await openShareFlow({}, (b) => (seeded = seed(b)));
    const first = box(`share-pick-entry-${seeded.recent.id}`);
    first.focus();
    await user.keyboard(' ');
    expect(first).toBeChecked();
    await user.tab();
    expect(box(`share-pick-entry-${seeded.goalCheckin.id}`)).toHaveFocus();
    screen.getByTestId('share-next').focus();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: 'This is what your counselor will see' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step')).toHaveTextContent('Look it over');
  });

  it('speaks Spanish', async () => {
    await openShareFlow({ prefs: defaultPrefs({ language: 'es' }) });
    expect(screen.getByRole('heading', { name: '¿Qué te gustaría compartir?' })).toBeInTheDocument();
    expect(screen.getByTestId('share-next-reason')).toHaveTextContent('Elige al menos una cosa para seguir.');
    expect(screen.getByTestId('share-identity-toggle')).toHaveTextContent('De mi espacio de identidad');
  });
});
