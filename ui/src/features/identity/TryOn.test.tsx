import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testProfile } from '../../test/profiles';
import { expectNoAxeViolations } from '../../test/render';
import { identityEntries, openIdentity, set } from './spaceTestSupport';

const sentences = (index: number) =>
  within(screen.getByTestId(`tryon-card-${index}`))
    .getAllByTestId(`tryon-card-${index}-sentence`)
    .map((li) => li.textContent ?? '');

describe('try on', () => {
  it('shows a name and pronouns in sample sentences, and passes axe', async () => {
    const { user, backend } = await openIdentity({ profile: testProfile('Sam', 'she') });
    expect(screen.getAllByTestId('tryon-candidate')).toHaveLength(1);
    // Nothing chosen yet: the sentences use the name and pronouns in use now.
    expect(sentences(0).join(' ')).toContain('Sam');
    expect(sentences(0).join(' ')).toMatch(/\bshe\b|\bher\b/i);
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-xe'));
    const text = sentences(0).join(' ');
    expect(sentences(0).length).toBeGreaterThanOrEqual(8);
    expect(text).toContain('River');
    expect(text).not.toContain('Sam');
    expect(text).toMatch(/\bxe\b|\bXe\b/);
    expect(text).toMatch(/\bxem\b|\bxyr\b/);
    await expectNoAxeViolations();
    // Trying on never touches the profile.
    expect(backend.callsTo('save_profile')).toHaveLength(0);
    expect(backend.state.profile.name).toBe('Sam');
  });

  it('compares up to three side by side, flips between them one at a time, and removes one', async () => {
    const { user } = await openIdentity();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-add'));
    // The new one takes the cursor.
    expect(screen.getByTestId('tryon-name-1')).toHaveFocus();
    await user.keyboard('Ash');
    await user.click(screen.getByTestId('tryon-pronouns-1-choice-he'));
    await user.click(screen.getByTestId('tryon-add'));
    await user.click(screen.getByTestId('tryon-pronouns-2-choice-fae'));
    expect(screen.getAllByTestId('tryon-candidate')).toHaveLength(3);
    expect(screen.queryByTestId('tryon-add')).not.toBeInTheDocument();
    expect(screen.getByTestId('tryon-full')).toHaveTextContent('3 side by side');
    expect(sentences(0).join(' ')).toContain('River');
    expect(sentences(1).join(' ')).toContain('Ash');
    expect(sentences(1).join(' ')).toMatch(/\bhe\b|\bhim\b|\bhis\b/i);
    expect(sentences(2).join(' ')).toMatch(/\bfae\b|\bfaer\b/i);
    await expectNoAxeViolations();

    // One at a time: one card, and a switch naming each try-on.
    await user.click(screen.getByTestId('tryon-layout-flip'));
    expect(screen.getAllByTestId('tryon-candidate')).toHaveLength(1);
    const flip = screen.getByRole('radiogroup', { name: 'Which try-on to show' });
    expect(within(flip).getAllByRole('radio').map((r) => r.textContent)).toEqual(['River', 'Ash · he/him', 'fae/faer']);
    // The last one added is showing; the keyboard flips quickly (arrows move, Space shows).
    expect(screen.getByTestId('tryon-show-2')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('tryon-show-0'));
    expect(screen.getByTestId('tryon-name-0')).toHaveValue('River');
    expect(screen.queryByTestId('tryon-name-1')).not.toBeInTheDocument();
    await user.keyboard('{ArrowRight} ');
    await waitFor(() => expect(screen.getByTestId('tryon-name-1')).toHaveValue('Ash'));
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('tryon-layout-side'));
    expect(screen.getAllByTestId('tryon-candidate')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove try-on 1' }));
    expect(screen.getAllByTestId('tryon-candidate')).toHaveLength(2);
    expect(screen.getByTestId('tryon-name-0')).toHaveValue('Ash');
    await waitFor(() => expect(screen.getByTestId('tryon-add')).toHaveFocus());
  });

  it('saves how it felt and a note to the timeline, warmly, and lets the question be skipped', async () => {
    const { user, backend } = await openIdentity();
    expect(screen.getByTestId('tryon-save-0')).toBeDisabled();
    expect(screen.getByTestId('tryon-needs-0')).toHaveTextContent('Add a name or choose pronouns first.');
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-xe'));
    const scale = screen.getByRole('radiogroup', { name: 'How did that feel?' });
    expect(within(scale).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'Really not me',
      'Not quite me',
      'Neutral',
      'Good',
      'Euphoric',
    ]);
    await user.click(screen.getByTestId('tryon-felt-0-2'));
    expect(within(scale).getByRole('radio', { name: 'Euphoric' })).toBeChecked();
    await user.type(screen.getByTestId('tryon-note-0'), 'Felt like a warm coat');
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(screen.getByTestId('tryon-message-0')).toHaveTextContent('Saved to your timeline.'));
    let [entry] = identityEntries(backend);
    expect(entry).toMatchObject({
      kind: 'reflection',
      body: 'Felt like a warm coat',
      identity: { kind: 'try_on', name: 'River', pronouns: set('xe'), felt: 2, moment: null },
    });
    // Ready for another go: the answer and note are cleared, the try-on stays.
    expect(screen.getByTestId('tryon-note-0')).toHaveValue('');
    expect(within(scale).getByRole('radio', { name: 'Euphoric' })).not.toBeChecked();
    expect(screen.getByTestId('tryon-name-0')).toHaveValue('River');

    // An answer can be taken back.
    await user.click(screen.getByTestId('tryon-felt-0-0'));
    expect(within(scale).getByRole('radio', { name: 'Neutral' })).toBeChecked();
    await user.click(screen.getByTestId('tryon-felt-0-clear'));
    expect(within(scale).getByRole('radio', { name: 'Neutral' })).not.toBeChecked();
    expect(screen.queryByTestId('tryon-felt-0-clear')).not.toBeInTheDocument();

    // Skipping the question: saved without an answer.
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(identityEntries(backend)).toHaveLength(2));
    entry = identityEntries(backend)[1];
    expect(entry?.identity).toMatchObject({ kind: 'try_on', name: 'River', felt: null });
    expect(entry?.body).toBe('');
    expect(backend.callsTo('save_profile')).toHaveLength(0);
  });

  it('saves a custom set with its fallbacks filled in', async () => {
    const { user, backend } = await openIdentity();
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-custom'));
    await user.type(screen.getByTestId('tryon-pronouns-0-custom-subject'), 'vi');
    await user.type(screen.getByTestId('tryon-pronouns-0-custom-object'), 'vir');
    await user.click(screen.getByTestId('tryon-felt-0-1'));
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(identityEntries(backend)).toHaveLength(1));
    const pronouns = identityEntries(backend)[0]?.identity?.pronouns;
    expect(pronouns).toMatchObject({ id: 'custom', subject: 'vi', object: 'vir' });
    expect(pronouns?.reflexive).not.toBe('');
    expect(pronouns?.determiner).not.toBe('');
  });

  it('keeps names in any script, and text that looks like markup or a message, exactly as typed', async () => {
    const { user, backend } = await openIdentity();
    const name = '{name} <b>ریور</b> 🌊';
    await user.type(screen.getByTestId('tryon-name-0'), '{{name} <b>ریور</b> 🌊');
    expect(screen.getByTestId('tryon-name-0')).toHaveValue(name);
    expect(sentences(0).some((text) => text.includes(name))).toBe(true);
    expect(screen.getByTestId('tryon-card-0').querySelector('b')).toBeNull();
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(identityEntries(backend)).toHaveLength(1));
    expect(identityEntries(backend)[0]?.identity?.name).toBe(name);
    await user.click(screen.getByTestId('identity-tab-timeline'));
    const item = await screen.findByTestId('tried-item');
    expect(item).toHaveTextContent(name);
    expect(item.querySelector('b')).toBeNull();
    expect(item.querySelector('[dir="auto"]')).toHaveTextContent(name);
    // A very long name is cut at 200 characters by the field itself.
    await user.click(screen.getByTestId('identity-tab-tryon'));
    await user.clear(screen.getByTestId('tryon-name-0'));
    await user.click(screen.getByTestId('tryon-name-0'));
    await user.paste('x'.repeat(250));
    expect((screen.getByTestId('tryon-name-0') as HTMLInputElement).value).toHaveLength(200);
  });

  it('says kindly when a try-on could not be saved, and keeps everything', async () => {
    const { user, backend } = await openIdentity();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-felt-0--1'));
    await user.type(screen.getByTestId('tryon-note-0'), 'hmm');
    backend.state.failNext.save_entry = 'storage';
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(screen.getByTestId('tryon-message-0')).toHaveTextContent("That couldn't be saved just now."));
    expect(screen.getByTestId('tryon-note-0')).toHaveValue('hmm');
    expect(screen.getByRole('radio', { name: 'Not quite me' })).toBeChecked();
    expect(identityEntries(backend)).toHaveLength(0);
  });

  it('uses a try-on in the app only after asking, and only if the person wants', async () => {
    const { user, backend } = await openIdentity({ profile: testProfile('Sam', 'she') });
    expect(screen.getByTestId('tryon-use-0')).toBeDisabled();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-xe'));

    await user.click(screen.getByTestId('tryon-use-0'));
    const dialog = await screen.findByRole('dialog', { name: 'Use this in the app?' });
    expect(dialog).toHaveTextContent('The app will call you River and use xe/xem when it talks about you.');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('tryon-use-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('save_profile')).toHaveLength(0);

    await user.click(screen.getByTestId('tryon-use-0'));
    await user.click(await screen.findByTestId('tryon-use-confirm'));
    await waitFor(() => expect(screen.getByTestId('tryon-message-0')).toHaveTextContent('Done. The app now uses River · xe/xem.'));
    expect(backend.state.profile).toMatchObject({ name: 'River', pronouns: set('xe'), spanish: null });

    // The profile tab starts again from what is saved.
    await user.click(screen.getByTestId('identity-tab-profile'));
    expect(screen.getByTestId('identity-profile-name')).toHaveValue('River');
  });

  it('keeps the name when only pronouns are used in the app', async () => {
    const { user, backend } = await openIdentity({ profile: testProfile('Sam', 'she') });
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-they'));
    await user.click(screen.getByTestId('tryon-use-0'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('The app will use they/them when it talks about you. Your name stays as it is.');
    await user.click(screen.getByTestId('tryon-use-confirm'));
    await waitFor(() => expect(backend.callsTo('save_profile')).toHaveLength(1));
    expect(backend.state.profile).toMatchObject({ name: 'Sam', pronouns: set('they') });
  });
});
