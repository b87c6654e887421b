// The fake's importing, inbox and suggestions follow the Rust rules the screens rely on.
import { describe, expect, it } from 'vitest';
import type { CommandError, ImportOutcome, InboxShare, Suggestion } from '../api';
import { createFakeBackend, defaultPrefs, type FakeBackend } from './fakeBackend';
import { fakeRecipient } from './fakeShareKeys';
import { shareFrom, suggestionsFrom } from './fakeShareInbox';
import { testProfile } from './profiles';

const call = (backend: FakeBackend, cmd: string, args: Record<string, unknown>) =>
  backend.sharing.handle(cmd, <T>(name: string) => args[name] as T);

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as CommandError).code;
  }
  return 'no error';
}

const entry = (title: string) => ({
  type: 'entry' as const,
  kind: 'free' as const,
  day: '2026-11-19',
  createdAt: '2026-11-19T20:15:00.000-05:00',
  title,
  body: 'x',
  feelings: null,
  goingOn: null,
  helped: null,
  tags: null,
  prompt: null,
  goal: null,
  identity: null,
});

describe('fake share inbox', () => {
  it('files shares under the contact with the sender’s key, now or paired later, and else under the kept name', () => {
    const b = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }) });
    const key = fakeRecipient('Sam');
    b.sharing.inbox.putFile('/u/1.age', shareFrom({ name: '  Sam  ', replyTo: key }, [entry('One')]), b.sharing.inbox.toMe());
    const outcome = call(b, 'import_share_file', { path: '/u/1.age', passphrase: null }) as ImportOutcome;
    expect(outcome).toMatchObject({ added: true, count: 1, fromName: 'Sam', kind: 'share' });
    const list = () => call(b, 'list_inbox', {}) as InboxShare[];
    expect(list()[0]).toMatchObject({ contactId: null, clientName: 'Sam' });

    const contact = b.sharing.keys.addContact('Sam P.', 'client', key);
    expect(list()[0]).toMatchObject({ contactId: contact.id, clientName: 'Sam P.' });
    call(b, 'delete_contact', { id: contact.id });
    expect(list()[0]).toMatchObject({ contactId: null, clientName: 'Sam' });

    // No name and no key: no name (the screen words it in the reader's language).
    b.sharing.inbox.putFile('/u/2.age', shareFrom({}, [entry('Two')]), { mode: 'passphrase', passphrase: 'pw' });
    // A passphrase file needs its passphrase; one given for a key-locked file is ignored.
    expect(codeOf(() => call(b, 'import_share_file', { path: '/u/2.age', passphrase: null }))).toBe('wrong_passphrase');
    expect(codeOf(() => call(b, 'import_share_file', { path: '/u/2.age', passphrase: 'PW' }))).toBe('wrong_passphrase');
    call(b, 'import_share_file', { path: '/u/2.age', passphrase: 'pw' });
    expect(list().map((s) => s.clientName)).toEqual(['', 'Sam']);
    b.sharing.inbox.putFile('/u/3.age', shareFrom({}, [entry('Three')]), b.sharing.inbox.toMe());
    expect(call(b, 'import_share_file', { path: '/u/3.age', passphrase: 'ignored' })).toMatchObject({ added: true });
  });

  it('keeps notes as typed, clears blank ones, refuses very long ones, and forgets a removed share’s id', () => {
    const b = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }) });
    b.sharing.inbox.putFile('/u/1.age', shareFrom({ name: 'Sam' }, [entry('One')]), b.sharing.inbox.toMe());
    call(b, 'import_share_file', { path: '/u/1.age', passphrase: null });
    const id = b.sharing.state.inbox[0]!.id;
    expect((call(b, 'save_inbox_notes', { id, notes: '  two\nlines ' }) as InboxShare).notes).toBe('  two\nlines ');
    expect((call(b, 'save_inbox_notes', { id, notes: '   ' }) as InboxShare).notes).toBeNull();
    expect(codeOf(() => call(b, 'save_inbox_notes', { id, notes: 'x'.repeat(100_001) }))).toBe('invalid_input');
    expect(codeOf(() => call(b, 'save_inbox_notes', { id: 999, notes: 'x' }))).toBe('not_found');
    expect(codeOf(() => call(b, 'get_inbox_share', { id: 999 }))).toBe('not_found');

    expect(call(b, 'import_share_file', { path: '/u/1.age', passphrase: null })).toMatchObject({ added: false });
    call(b, 'delete_inbox_share', { id });
    expect(codeOf(() => call(b, 'delete_inbox_share', { id }))).toBe('not_found');
    expect(call(b, 'import_share_file', { path: '/u/1.age', passphrase: null })).toMatchObject({ added: true });
  });

  it('refuses files locked for someone else, of the other kind, or too new, before adding anything', () => {
    const client = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: null }) });
    // No key made yet: nothing can be for this journal.
    client.sharing.inbox.putFile('/u/x.age', suggestionsFrom({}, [{ type: 'prompt', text: 'Hi', note: null }]), {
      mode: 'recipient',
      recipient: fakeRecipient('someone'),
    });
    expect(codeOf(() => call(client, 'import_share_file', { path: '/u/x.age', passphrase: null }))).toBe('not_for_you');
    // A journal whose mode was never chosen takes suggestions, not shares.
    client.sharing.inbox.putFile('/u/s.age', shareFrom({}, [entry('Mine')]), client.sharing.inbox.toMe());
    expect(codeOf(() => call(client, 'import_share_file', { path: '/u/s.age', passphrase: null }))).toBe('wrong_kind');
    client.sharing.inbox.putFile('/u/n.age', suggestionsFrom({}, [], { version: 2 }), client.sharing.inbox.toMe());
    expect(codeOf(() => call(client, 'import_share_file', { path: '/u/n.age', passphrase: null }))).toBe('too_new');
    expect(codeOf(() => call(client, 'import_share_file', { path: 'relative.age', passphrase: null }))).toBe('invalid_input');
    expect(codeOf(() => call(client, 'import_share_text', { text: 'hello', passphrase: null }))).toBe('not_a_share');
    expect(client.goals.state.proposals).toHaveLength(0);
    expect(client.sharing.state.imported.size).toBe(0);
  });

  it('writes suggestions only for a contact, tidied and within limits, and logs them', () => {
    const b = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }), profile: { ...testProfile('Alicia'), shared: { name: 'Ms. Rivera', pronouns: null } } });
    const sam = b.sharing.keys.addContact('Sam', 'client', fakeRecipient('Sam'));
    const write = (suggestions: Suggestion[], path = '/u/ideas.age', contactId = sam.id, note: string | null = null) =>
      call(b, 'write_suggestions', { input: { contactId, suggestions, note, armor: false, path } });
    const goal = (title: string): Suggestion => ({ type: 'goal', title, why: null, steps: [], note: null });

    expect(codeOf(() => write([]))).toBe('invalid_input');
    expect(codeOf(() => write([goal('  ')]))).toBe('invalid_input');
    expect(codeOf(() => write([goal('x'.repeat(201))]))).toBe('invalid_input');
    expect(codeOf(() => write(Array.from({ length: 201 }, () => goal('x'))))).toBe('invalid_input');
    expect(codeOf(() => write([goal('Rest')], 'ideas.age'))).toBe('invalid_input');
    expect(codeOf(() => write([goal('Rest')], '/u/ideas.age', 999))).toBe('not_found');
    expect(codeOf(() => write([goal('Rest')], '/u/ideas.age', sam.id, 'x'.repeat(4001)))).toBe('invalid_input');
    expect(b.sharing.state.files.size).toBe(0);
    expect(b.sharing.state.log).toHaveLength(0);

    write([{ type: 'goal', title: ' Rest ', why: ' ', steps: [' a ', ''], note: ' n ' }], '/u/ideas.age', sam.id, '  ');
    const file = b.sharing.state.files.get('/u/ideas.age')!;
    expect(file.payload.suggestions).toEqual([{ type: 'goal', title: 'Rest', why: null, steps: ['a'], note: 'n' }]);
    expect(file.payload.from).toEqual({ name: 'Ms. Rivera', pronouns: null, replyTo: b.sharing.state.myKey!.recipient, note: null });
    expect(b.sharing.state.log[0]).toMatchObject({
      method: 'file',
      toName: 'Sam',
      items: [
        { kind: 'profile', label: '', parts: ['name'] },
        { kind: 'goal_suggestion', label: 'Rest', parts: ['steps', 'note'] },
      ],
    });
    // Never over a file that is there.
    expect(codeOf(() => write([goal('Again')]))).toBe('invalid_input');

    const text = call(b, 'armored_suggestions', { contactId: sam.id, suggestions: [{ type: 'prompt', text: 'Hi', note: null }], note: 'See you' }) as string;
    expect(b.sharing.state.log[1]).toMatchObject({ method: 'armored_text', items: [{ kind: 'profile' }, { kind: 'note' }, { kind: 'prompt_suggestion', label: 'Hi', parts: [] }] });
    // Only Sam's journal opens it: here it is "for someone else".
    const counselorAsClient = createFakeBackend({ unlocked: true });
    counselorAsClient.sharing.state.armored = b.sharing.state.armored;
    expect(codeOf(() => call(counselorAsClient, 'import_share_text', { text, passphrase: null }))).toBe('not_for_you');
  });
});
