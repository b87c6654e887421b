// The keys part of the fake backend keeps to the rules of src-tauri/sharing/{keys,contacts}.rs.
import { describe, expect, it } from 'vitest';
import type { CommandError, Contact, ContactDraft, KeyQr, MyKey } from '../api';
import { createFakeBackend } from './fakeBackend';
import { fakeFingerprint, fakeRecipient, FAKE_QR_SIZE } from './fakeShareKeys';

function setup() {
  const backend = createFakeBackend({ unlocked: true });
  const call = <T>(cmd: string, args: Record<string, unknown> = {}): T => backend.sharing.handle(cmd, (name) => args[name] as never) as T;
  const code = (cmd: string, args: Record<string, unknown> = {}): string => {
    try {
      call(cmd, args);
    } catch (error) {
      return (error as CommandError).code;
    }
    throw new Error(`${cmd} did not fail`);
  };
  const save = (draft: Partial<ContactDraft>) =>
    call<Contact>('save_contact', { draft: { id: null, role: 'counselor', name: 'Rivera', recipient: fakeRecipient('r'), ...draft } });
  return { backend, call, code, save };
}

describe('fake share keys', () => {
  it('makes this journal’s key once, of the right shape, with 5 words', () => {
    const { call } = setup();
    const first = call<MyKey>('my_share_key');
    expect(first.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(first.fingerprint).toHaveLength(5);
    expect(call<MyKey>('my_share_key')).toEqual(first);
  });

  it('gives the same words for the same key however it was pasted, and refuses what is not a key', () => {
    const { call, code } = setup();
    const key = fakeRecipient('x');
    expect(call<string[]>('share_key_fingerprint', { recipient: ` ${key.toUpperCase().slice(0, 20)}\n${key.slice(20)} ` })).toEqual(
      fakeFingerprint(key),
    );
    expect(fakeFingerprint(key)).not.toEqual(fakeFingerprint(fakeRecipient('y')));
    for (const bad of ['', 'age1', key.slice(0, -1), `${key}q`, key.replace(/.$/, 'b'), `AGE-SECRET-KEY-1${'Q'.repeat(58)}`]) {
      expect(code('share_key_fingerprint', { recipient: bad }), bad).toBe('invalid_input');
    }
  });

  it('saves contacts as Rust does: trimmed names, canonical keys, by name; refuses own and taken keys', () => {
    const { call, code, save, backend } = setup();
    const mine = call<MyKey>('my_share_key');
    const key = fakeRecipient('r');
    const rivera = save({ name: '  Rivera ', recipient: key.toUpperCase() });
    expect(rivera).toMatchObject({ name: 'Rivera', recipient: key, fingerprint: fakeFingerprint(key), keyReplacedAt: null });
    save({ name: 'ana', recipient: fakeRecipient('a'), role: 'client' });
    expect(call<Contact[]>('list_contacts').map((c) => c.name)).toEqual(['ana', 'Rivera']);

    expect(code('save_contact', { draft: { id: null, role: 'counselor', name: 'Me', recipient: mine.recipient } })).toBe('invalid_input');
    expect(code('save_contact', { draft: { id: null, role: 'counselor', name: 'B', recipient: key } })).toBe('invalid_input');
    for (const name of ['', '   ', 'a\nb', 'a\tb', 'n'.repeat(101)]) {
      expect(code('save_contact', { draft: { id: null, role: 'counselor', name, recipient: fakeRecipient(name) } }), name).toBe(
        'invalid_input',
      );
    }
    expect(code('save_contact', { draft: { id: 99, role: 'counselor', name: 'X', recipient: fakeRecipient('99') } })).toBe('not_found');
    expect(backend.sharing.state.contacts).toHaveLength(2);
  });

  it('replacing a key keeps the pairing date and sets keyReplacedAt; the same key changes nothing', () => {
    const { save, backend } = setup();
    let now = new Date(2026, 2, 10, 9, 30);
    backend.state.now = () => now;
    const first = save({});
    now = new Date(2026, 3, 1, 18, 0);
    const same = save({ id: first.id, name: 'Rivera 2' });
    expect(same.keyReplacedAt).toBeNull();
    const changed = save({ id: first.id, recipient: fakeRecipient('new') });
    expect(changed.pairedAt).toBe(first.pairedAt);
    expect(changed.keyReplacedAt).not.toBeNull();
    expect(changed.keyReplacedAt).not.toBe(first.pairedAt);
    expect(changed.fingerprint).toEqual(fakeFingerprint(fakeRecipient('new')));
  });

  it('deleting unlinks the log and the inbox; an unknown id is not_found', () => {
    const { call, code, save, backend } = setup();
    const c = save({});
    backend.sharing.state.log.push({ id: 1, shareId: 's', at: 'x', method: 'file', toName: 'Rivera', contactId: c.id, items: [] });
    expect(call('delete_contact', { id: c.id })).toBeNull();
    expect(backend.sharing.state.contacts).toEqual([]);
    expect(backend.sharing.state.log[0]).toMatchObject({ toName: 'Rivera', contactId: null });
    expect(code('delete_contact', { id: c.id })).toBe('not_found');
  });

  it('draws a QR matrix for a key only, reads keys from known pictures and files, and exports once per path', () => {
    const { call, code, backend } = setup();
    const key = fakeRecipient('q');
    const qr = call<KeyQr>('key_qr', { recipient: key });
    expect(qr.size).toBe(FAKE_QR_SIZE);
    expect(qr.dark).toHaveLength(FAKE_QR_SIZE * FAKE_QR_SIZE);
    expect(call<KeyQr>('key_qr', { recipient: key })).toEqual(qr);
    expect(code('key_qr', { recipient: 'nope' })).toBe('invalid_input');

    backend.sharing.state.qrImages.set('/p.png', key);
    backend.sharing.state.keyFiles.set('/k.txt', key);
    expect(call('read_key_qr', { path: '/p.png' })).toBe(key);
    expect(call('read_key_file', { path: '/k.txt' })).toBe(key);
    expect(code('read_key_qr', { path: '/k.txt' })).toBe('no_key_found');
    expect(code('read_key_file', { path: '/p.png' })).toBe('no_key_found');
    expect(code('read_key_file', { path: 'k.txt' })).toBe('invalid_input');

    expect(call('export_my_key', { path: '/home/sam/share-key.txt' })).toBe('/home/sam/share-key.txt');
    expect(code('export_my_key', { path: '/home/sam/share-key.txt' })).toBe('invalid_input');
    expect(code('export_my_key', { path: 'relative.txt' })).toBe('invalid_input');
  });

  it('answers the save dialog only when a test set an answer', () => {
    const { call, backend } = setup();
    const keys = backend.sharing.keys as unknown as { dialog: { nextSavePath: string | null | undefined } };
    keys.dialog.nextSavePath = '/tmp/a.txt';
    expect(call('plugin:dialog|save')).toBe('/tmp/a.txt');
    expect(keys.dialog.nextSavePath).toBeUndefined();
  });
});
