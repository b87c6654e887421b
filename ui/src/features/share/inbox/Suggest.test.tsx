import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SharePayload } from '../../../api';
import { type FakeBackend } from '../../../test/fakeBackend';
import { expectNoAxeViolations } from '../../../test/render';
import { fakeRecipient } from '../../../test/fakeShareKeys';
import { ARMOR_BEGIN } from '../../../test/fakeShareInbox';
import { testProfile } from '../../../test/profiles';
import { dayKey } from '../../journal/format';
import { openInbox } from './testSupport';

const SAM_KEY = fakeRecipient('Sam’s journal');
const JO_KEY = fakeRecipient('Jo’s journal');

/** Counselor mode, Share → "Suggest ideas" open. */
async function openSuggest(seed?: (backend: FakeBackend) => void) {
  const utils = await openInbox({ profile: testProfile('Ms. Rivera', 'she') }, seed);
  await utils.user.click(screen.getByTestId('share-tab-suggest'));
  await screen.findByTestId('suggest');
  return utils;
}

const pairBoth = (b: FakeBackend) => {
  b.sharing.keys.addContact('Sam', 'client', SAM_KEY);
  b.sharing.keys.addContact('Jo', 'client', JO_KEY);
  b.sharing.keys.addContact('My supervisor', 'counselor', fakeRecipient('supervisor'));
};

describe('suggesting ideas to a client', { timeout: 60_000 }, () => {
  it('explains that ideas only go to a paired client, and leads to pairing', async () => {
    const { user } = await openSuggest();
    const none = await screen.findByTestId('suggest-no-clients');
    expect(none).toHaveTextContent("You haven't paired with a client yet.");
    expect(screen.getByTestId('suggest')).toHaveTextContent('Ideas you send are offers.');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('suggest-pair-first'));
    expect(screen.getByTestId('share-tab-people')).toHaveAttribute('aria-selected', 'true');
  });

  it('finds a client paired while the tab was away', async () => {
    const { backend, user } = await openSuggest();
    await screen.findByTestId('suggest-no-clients');
    await user.click(screen.getByTestId('share-tab-inbox'));
    backend.sharing.keys.addContact('Sam', 'client', SAM_KEY);
    await user.click(screen.getByTestId('share-tab-suggest'));
    expect(await screen.findByTestId('suggest-client-button')).toHaveTextContent('Sam');
  });

  it('writes goal ideas and prompts, shows them as the client will see them, and saves them as a file locked to the client', async () => {
    const { backend, user } = await openSuggest(pairBoth);
    // Only clients can be chosen.
    await user.click(await screen.findByTestId('suggest-client-button'));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Jo', 'Sam']);
    await user.click(screen.getByTestId(`suggest-client-option-${backend.sharing.state.contacts.find((c) => c.name === 'Sam')!.id}`));
    expect(screen.getByTestId('suggest-client-button')).toHaveTextContent('Sam');

    // Nothing to send yet, and why.
    expect(screen.getByTestId('suggest-save-file')).toBeDisabled();
    expect(screen.getByTestId('suggest-armored')).toBeDisabled();
    expect(screen.getByTestId('suggest-reason')).toHaveTextContent('Add at least one idea first.');
    expect(screen.getByTestId('suggest-preview')).toHaveTextContent("Add an idea, and you'll see it here the way Sam will.");

    await user.click(screen.getByTestId('suggest-add-goal'));
    expect(screen.getByTestId('suggest-goal-title')).toHaveFocus();
    await user.type(screen.getByTestId('suggest-goal-title'), '  A walk after school  ');
    await user.type(screen.getByTestId('suggest-goal-why'), 'Moving helps with the evening dip');
    await user.type(screen.getByTestId('suggest-goal-steps'), 'Find shoes{Enter}{Enter}Ten minutes{Enter}  ');
    await user.click(screen.getByTestId('suggest-add-prompt'));
    expect(screen.getByTestId('suggest-prompt-text')).toHaveFocus();
    await user.type(screen.getByTestId('suggest-prompt-text'), 'What felt lighter this week?');
    await user.type(within(screen.getAllByTestId('suggest-idea')[1]!).getByTestId('suggest-idea-note'), 'Only if you feel like it');
    await user.click(screen.getByTestId('suggest-add-prompt'));
    // Words for the client go with an idea: there is no separate note the client's import would drop.
    expect(screen.queryByTestId('suggest-note')).not.toBeInTheDocument();

    // Three cards; the last one goes.
    expect(screen.getAllByTestId('suggest-idea')).toHaveLength(3);
    await user.click(within(screen.getAllByTestId('suggest-idea')[2]!).getByTestId('suggest-remove'));
    expect(screen.getAllByTestId('suggest-idea')).toHaveLength(2);
    expect(within(screen.getByTestId('suggest')).getByRole('heading', { name: 'Ideas for Sam' })).toHaveFocus();

    // The preview is what the client's Goals will show.
    const preview = screen.getByTestId('suggest-preview');
    expect(preview).toHaveTextContent('What Sam will see');
    const items = within(preview).getAllByTestId('suggest-preview-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('A goal idea');
    expect(items[0]).toHaveTextContent('Suggested by Ms. Rivera');
    expect(items[0]).toHaveTextContent('A walk after school');
    expect(within(items[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Find shoes', 'Ten minutes']);
    expect(items[1]).toHaveTextContent('What felt lighter this week?');
    expect(items[1]).toHaveTextContent('Only if you feel like it');
    expect(screen.getByTestId('suggest-honest')).toHaveTextContent("Once a file is given, it can't be taken back.");
    await expectNoAxeViolations();

    backend.sharing.keys.dialog.nextSavePath = '/media/usb/ideas-for-sam.age';
    await user.click(screen.getByTestId('suggest-save-file'));
    const done = await screen.findByTestId('suggest-done');
    expect(done).toHaveTextContent(
      "Saved to /media/usb/ideas-for-sam.age. Give this file to Sam however you like (a USB stick, email, a shared drive). Only Sam's Cove can open it.",
    );
    expect(done).toHaveFocus();
    expect(backend.callsTo('plugin:dialog|save')[0]?.args).toMatchObject({
      options: { title: 'Save the suggestions file', defaultPath: `ideas-${dayKey(new Date())}.age` },
    });
    const sam = backend.sharing.state.contacts.find((c) => c.name === 'Sam')!;
    expect(backend.callsTo('write_suggestions')[0]?.args).toEqual({
      input: {
        contactId: sam.id,
        suggestions: [
          { type: 'goal', title: 'A walk after school', why: 'Moving helps with the evening dip', steps: ['Find shoes', 'Ten minutes'], note: null },
          { type: 'prompt', text: 'What felt lighter this week?', note: 'Only if you feel like it' },
        ],
        note: null,
        armor: false,
        path: '/media/usb/ideas-for-sam.age',
      },
    });
    const file = backend.sharing.state.files.get('/media/usb/ideas-for-sam.age')!;
    expect(file.lock).toEqual({ mode: 'recipient', recipient: SAM_KEY });
    expect(file.payload.kind).toBe('suggestions');
    expect(file.payload.from).toMatchObject({ name: 'Ms. Rivera', replyTo: backend.sharing.state.myKey!.recipient, note: null });
    // The word about an idea travels with that idea, so it reaches the client's Goals.
    expect(file.payload.suggestions).toEqual([
      { type: 'goal', title: 'A walk after school', why: 'Moving helps with the evening dip', steps: ['Find shoes', 'Ten minutes'], note: null },
      { type: 'prompt', text: 'What felt lighter this week?', note: 'Only if you feel like it' },
    ]);
    expect(backend.sharing.state.log.at(-1)).toMatchObject({ method: 'file', toName: 'Sam', contactId: sam.id });
    await expectNoAxeViolations();

    // More ideas start afresh, for the same client.
    await user.click(screen.getByTestId('suggest-again'));
    expect(screen.queryAllByTestId('suggest-idea')).toHaveLength(0);
    expect(screen.getByTestId('suggest-client-button')).toHaveTextContent('Sam');
    expect(screen.getByTestId('suggest-preview')).toHaveTextContent("Add an idea, and you'll see it here the way Sam will.");
    await user.click(screen.getByTestId('suggest-add-prompt'));
    expect(screen.getByTestId('suggest-idea-note')).toHaveValue('');
  });

  it('makes text to paste and copies it', async () => {
    const { backend, user } = await openSuggest(pairBoth);
    await screen.findByTestId('suggest-client-button');
    await user.click(screen.getByTestId('suggest-add-prompt'));
    await user.type(screen.getByTestId('suggest-prompt-text'), 'One small kindness');
    await user.click(screen.getByTestId('suggest-armored'));
    const done = await screen.findByTestId('suggest-done');
    expect(done).toHaveTextContent("Here's the text. Copy it and send it to Jo however you like. Only Jo's Cove can open it.");
    const text = screen.getByTestId('suggest-armored-text') as HTMLTextAreaElement;
    expect(text.value.startsWith(ARMOR_BEGIN)).toBe(true);
    expect(text).toHaveAttribute('readonly');
    expect(backend.callsTo('armored_suggestions')[0]?.args).toEqual({
      contactId: backend.sharing.state.contacts.find((c) => c.name === 'Jo')!.id,
      suggestions: [{ type: 'prompt', text: 'One small kindness', note: null }],
      note: null,
    });
    expect(backend.sharing.state.log.at(-1)).toMatchObject({ method: 'armored_text', toName: 'Jo' });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByTestId('suggest-armored-copy'));
    expect(writeText).toHaveBeenCalledWith(text.value);
    await waitFor(() => expect(screen.getByTestId('suggest-copy-status')).toHaveTextContent('Copied.'));
    await expectNoAxeViolations();
  });

  it('asks for words before sending, and says when a file could not be saved', async () => {
    const { backend, user } = await openSuggest(pairBoth);
    await screen.findByTestId('suggest-client-button');
    await user.click(screen.getByTestId('suggest-add-goal'));
    await user.type(screen.getByTestId('suggest-goal-why'), 'Only a why');
    await user.click(screen.getByTestId('suggest-save-file'));
    expect(screen.getByTestId('suggest-error')).toHaveTextContent('Each idea needs a few words: a goal its title, a prompt its text.');
    expect(backend.callsTo('plugin:dialog|save')).toHaveLength(0);
    expect(backend.callsTo('write_suggestions')).toHaveLength(0);

    await user.click(screen.getByTestId('suggest-goal-title'));
    await user.paste('x'.repeat(201));
    expect(screen.getByTestId('suggest-idea')).toHaveTextContent('This can be up to 200 characters.');
    await user.click(screen.getByTestId('suggest-armored'));
    expect(screen.getByTestId('suggest-error')).toHaveTextContent("One of the ideas is longer than an idea can be (a goal's title up to 200 characters");
    expect(backend.callsTo('armored_suggestions')).toHaveLength(0);

    await user.clear(screen.getByTestId('suggest-goal-title'));
    await user.type(screen.getByTestId('suggest-goal-title'), 'Rest');
    // A file already there is never replaced.
    backend.sharing.state.files.set('/media/usb/taken.age', {
      payload: {} as SharePayload,
      lock: { mode: 'passphrase', passphrase: 'x' },
      armor: false,
    });
    backend.sharing.keys.dialog.nextSavePath = '/media/usb/taken.age';
    await user.click(screen.getByTestId('suggest-save-file'));
    await waitFor(() => expect(screen.getByTestId('suggest-error')).toHaveTextContent('The file couldn\'t be saved there. There may already be a file with that name'));
    expect(screen.queryByTestId('suggest-done')).not.toBeInTheDocument();

    // The disk is full: plain words, the ideas stay.
    backend.state.failNext.write_suggestions = 'storage_full';
    backend.sharing.keys.dialog.nextSavePath = '/media/usb/new.age';
    await user.click(screen.getByTestId('suggest-save-file'));
    await waitFor(() => expect(screen.getByTestId('suggest-error')).toHaveTextContent("There's no space left on that disk, so the file wasn't saved."));
    expect(screen.getByTestId('suggest-goal-title')).toHaveValue('Rest');

    // Cancelling the save dialog sends nothing and says nothing.
    backend.sharing.keys.dialog.nextSavePath = null;
    await user.click(screen.getByTestId('suggest-save-file'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(3));
    expect(backend.callsTo('write_suggestions')).toHaveLength(2);
    await expectNoAxeViolations();
  });
});
