// Nothing typed in the identity space's try-on or moment is lost when Cove locks: an answer not
// saved yet is saved once (never twice) before the backend locks.
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../api';
import { flushPendingSaves } from '../../app/pendingSaves';
import { identityEntries, openIdentity, set, type Backend } from './spaceTestSupport';

const entryDrafts = (backend: Backend) => backend.callsTo('save_entry').map((c) => c.args?.draft as EntryDraft);
const flush = () => act(() => flushPendingSaves());

describe('try-on before a lock', { timeout: 60_000 }, () => {
  it('saves an answered "how did that feel?" as its try-on, once; Save after it makes no second entry', async () => {
    const { user, backend } = await openIdentity();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.click(screen.getByTestId('tryon-pronouns-0-choice-xe'));
    await user.click(screen.getByTestId('tryon-felt-0-2'));
    await user.type(screen.getByTestId('tryon-note-0'), 'Like a warm coat');
    await flush();
    expect(entryDrafts(backend)).toEqual([
      {
        id: null,
        kind: 'reflection',
        title: null,
        body: 'Like a warm coat',
        tags: [],
        promptId: null,
        checkin: null,
        identity: { kind: 'try_on', name: 'River', pronouns: set('xe'), felt: 2, moment: null },
      },
    ]);
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);

    // Save with the same words: already stored, so nothing new; the card starts over.
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(screen.getByTestId('tryon-note-0')).toHaveValue(''));
    expect(identityEntries(backend)).toHaveLength(1);
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);

    // A new answer after that is a new try-on entry.
    await user.type(screen.getByTestId('tryon-note-0'), 'Still warm');
    await flush();
    expect(identityEntries(backend).map((e) => e.body)).toEqual(['Like a warm coat', 'Still warm']);
  });

  it('saves nothing without an answer, or without a name or pronouns to have tried', async () => {
    const { user, backend } = await openIdentity();
    // A note, but nothing tried on: the backend could not keep it.
    await user.type(screen.getByTestId('tryon-note-0'), 'not sure yet');
    await flush();
    await user.clear(screen.getByTestId('tryon-note-0'));
    // Something tried on, but no answer to keep.
    await user.type(screen.getByTestId('tryon-name-0'), 'Ash');
    await flush();
    expect(entryDrafts(backend)).toHaveLength(0);
  });

  it('after a Save, a lock saves nothing again; a card shown one at a time is still saved', async () => {
    const { user, backend } = await openIdentity();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    await user.type(screen.getByTestId('tryon-note-0'), 'Yes');
    await user.click(screen.getByTestId('tryon-save-0'));
    await waitFor(() => expect(screen.getByTestId('tryon-note-0')).toHaveValue(''));
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);

    // A second try-on answered, then only the first one shown: the hidden one is not forgotten.
    await user.click(screen.getByTestId('tryon-add'));
    await user.keyboard('Ash');
    await user.click(screen.getByTestId('tryon-felt-1--1'));
    await user.click(screen.getByTestId('tryon-layout-flip'));
    await user.click(screen.getByTestId('tryon-show-0'));
    expect(screen.queryByTestId('tryon-name-1')).not.toBeInTheDocument();
    await flush();
    expect(entryDrafts(backend)).toHaveLength(2);
    expect(identityEntries(backend)[1]!.identity).toMatchObject({ kind: 'try_on', name: 'Ash', felt: -1 });
  });
});

describe('moment before a lock', { timeout: 60_000 }, () => {
  it('saves a chosen moment with its line, once; Save after it changes that same entry', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('moment-euphoria'));
    await user.type(screen.getByTestId('moment-note'), 'My name at roll call');
    await flush();
    expect(entryDrafts(backend)).toEqual([
      {
        id: null,
        kind: 'reflection',
        title: null,
        body: 'My name at roll call',
        tags: [],
        promptId: null,
        checkin: null,
        identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'euphoria' },
      },
    ]);
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);

    await user.type(screen.getByTestId('moment-note'), ', twice');
    await user.click(screen.getByTestId('moment-save'));
    await waitFor(() => expect(screen.getByTestId('moment-note')).toHaveValue(''));
    expect(identityEntries(backend).map((e) => e.body)).toEqual(['My name at roll call, twice']);
    expect(entryDrafts(backend).map((d) => d.id)).toEqual([null, identityEntries(backend)[0]!.id]);
  });

  it('saves nothing without both a moment and a line, and nothing twice after a Save', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.type(screen.getByTestId('moment-note'), 'a line, no moment chosen');
    await flush();
    await user.clear(screen.getByTestId('moment-note'));
    await user.click(screen.getByTestId('moment-dysphoria'));
    await flush();
    expect(entryDrafts(backend)).toHaveLength(0);

    await user.type(screen.getByTestId('moment-note'), 'Mirror day');
    await user.click(screen.getByTestId('moment-save'));
    await waitFor(() => expect(screen.getByTestId('moment-note')).toHaveValue(''));
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);
    expect(identityEntries(backend)).toHaveLength(1);
  });

  it('Ctrl+L with a moment typed: it is saved, then the vault locks', async () => {
    const { user, backend } = await openIdentity({}, undefined, 'reflect');
    await user.click(screen.getByTestId('moment-euphoria'));
    await user.type(screen.getByTestId('moment-note'), 'Haircut');
    await user.keyboard('{Control>}l{/Control}');
    await screen.findByTestId('unlock-passphrase');
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => cmd === 'save_entry' || cmd === 'lock');
    expect(order).toEqual(['save_entry', 'lock']);
    expect(identityEntries(backend).map((e) => e.body)).toEqual(['Haircut']);
  });
});
