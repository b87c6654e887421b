import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/render';
import { SHIPPED_PROMPTS } from '../prompts/prompts';
import { FIRST_PROMPTS } from './Reflect';
import { identityEntries, openIdentity } from './spaceTestSupport';

const identityPrompts = SHIPPED_PROMPTS.filter((p) => p.group === 'identity');

describe('reflect', () => {
  it('offers at least 24 identity prompts, a few at first, and passes axe', async () => {
    const { user } = await openIdentity({}, undefined, 'reflect');
    expect(identityPrompts.length).toBeGreaterThanOrEqual(24);
    expect(screen.getAllByTestId('reflect-prompt')).toHaveLength(FIRST_PROMPTS);
    expect(screen.getAllByTestId('reflect-prompt')[0]).toHaveTextContent(identityPrompts[0]!.en);
    await expectNoAxeViolations();
    const more = screen.getByTestId('reflect-prompts-all');
    expect(more).toHaveTextContent(`Show all ${identityPrompts.length} prompts`);
    await user.click(more);
    expect(screen.getAllByTestId('reflect-prompt')).toHaveLength(identityPrompts.length);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    // Each "Write about this" is described by its prompt for screen readers.
    const write = screen.getByTestId('reflect-write-identity.24');
    expect(write).toHaveAccessibleDescription(identityPrompts[23]!.en);
    await expectNoAxeViolations();
  });

  it('writes about a prompt as an identity reflection in the editor, then goes back to the identity space', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('reflect-write-identity.03'));
    const editor = await screen.findByTestId('editor');
    expect(within(editor).getByTestId('editor-prompt')).toHaveTextContent(identityPrompts[2]!.en);
    expect(within(editor).getByTestId('editor-identity')).toHaveTextContent('It stays in your identity space');
    await user.type(within(editor).getByTestId('editor-body'), 'Some parts are just mine.');
    await user.click(within(editor).getByTestId('editor-done'));
    expect(await screen.findByTestId('screen-identity')).toBeInTheDocument();
    const [entry] = identityEntries(backend);
    expect(entry).toMatchObject({
      kind: 'reflection',
      promptId: 'identity.03',
      body: 'Some parts are just mine.',
      identity: { kind: 'reflection', name: null, pronouns: null, felt: null, moment: null },
    });
    // It stays out of the journal's timeline.
    await user.click(screen.getByTestId('nav-journal'));
    expect(await screen.findByText('Nothing here yet. Want to start with how today felt?')).toBeInTheDocument();
  });

  it('starts a free identity reflection, and keeps nothing when nothing was written', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('reflect-free'));
    const editor = await screen.findByTestId('editor');
    expect(within(editor).queryByTestId('editor-prompt')).not.toBeInTheDocument();
    expect(within(editor).getByTestId('editor-body')).toHaveFocus();
    await user.click(within(editor).getByTestId('editor-done'));
    expect(await screen.findByTestId('screen-identity')).toBeInTheDocument();
    expect(identityEntries(backend)).toHaveLength(0);
    expect(backend.callsTo('save_entry')).toHaveLength(0);
  });

  it('saves a moment of euphoria at once, with its optional line', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    expect(screen.getByTestId('moment-save')).toBeDisabled();
    await user.click(screen.getByTestId('moment-euphoria'));
    expect(screen.getByTestId('moment-euphoria')).toHaveAttribute('aria-checked', 'true');
    await user.type(screen.getByTestId('moment-note'), 'Someone said "she" about me at the shop');
    await user.click(screen.getByTestId('moment-save'));
    await waitFor(() => expect(screen.getByTestId('moment-message')).toHaveTextContent('Saved to your timeline. Glad you had that moment.'));
    expect(identityEntries(backend)).toEqual([
      expect.objectContaining({
        kind: 'reflection',
        body: 'Someone said "she" about me at the shop',
        identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'euphoria' },
      }),
    ]);
    expect(screen.getByTestId('moment-note')).toHaveValue('');
    expect(screen.getByTestId('moment-save')).toBeDisabled();
    expect(screen.queryByTestId('moment-kind-words')).not.toBeInTheDocument();
    // Then to the timeline, where it shows.
    await user.click(screen.getByTestId('moment-see-timeline'));
    expect(await screen.findByTestId('identity-item')).toHaveTextContent('A moment of euphoria');
  });

  it('meets a moment of dysphoria with kind words and a quiet way to Help', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('moment-dysphoria'));
    await user.click(screen.getByTestId('moment-save'));
    await waitFor(() => expect(screen.getByTestId('moment-message')).toHaveTextContent('Thank you for noting it.'));
    expect(identityEntries(backend)[0]?.identity).toMatchObject({ kind: 'moment', moment: 'dysphoria' });
    expect(identityEntries(backend)[0]?.body).toBe('');
    const words = screen.getByTestId('moment-kind-words');
    expect(words).toHaveTextContent("you don't have to carry it alone");
    // Offered, never imposed: no dialog, nothing blocks.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(within(words).getByTestId('moment-help'));
    expect(await screen.findByTestId('screen-help')).toBeInTheDocument();
  });

  it('says kindly when a moment could not be saved, keeping the words', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('moment-euphoria'));
    await user.type(screen.getByTestId('moment-note'), 'new haircut');
    backend.state.failNext.save_entry = 'storage';
    await user.click(screen.getByTestId('moment-save'));
    await waitFor(() => expect(screen.getByTestId('moment-message')).toHaveTextContent('Everything you chose is still here.'));
    expect(screen.getByTestId('moment-note')).toHaveValue('new haircut');
    expect(screen.getByTestId('moment-euphoria')).toHaveAttribute('aria-checked', 'true');
  });
});
