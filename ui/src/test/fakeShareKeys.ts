// Keys and contacts in the fake backend (see fakeSharing.ts), following src-tauri/sharing/keys.rs,
// src-tauri/sharing/contacts.rs and src-tauri/commands/sharing.rs. Unit tests only.
//
// - `my_share_key` makes this journal's key once (a made-up `age1…` key of the right shape and
//   5 words) and returns the same one afterwards.
// - A key is read the way Rust reads it: spaces and line breaks are dropped and it is lower-cased;
//   it must then be `age1` + 58 Bech32 characters (the fake does not check the checksum). An
//   `AGE-SECRET-KEY-1…` or anything else → `invalid_input`.
// - `share_key_fingerprint` gives 5 words that depend only on the key (not BIP-39: a short list).
// - `save_contact` trims the name (1–100 characters, no control characters); refuses this
//   journal's own key and a key another contact already has (`invalid_input`); an unknown id →
//   `not_found`. A new key on an existing contact sets `keyReplacedAt`; the pairing date stays.
// - `delete_contact` unlinks the share log and the inbox (their names stay).
// - `key_qr` draws a deterministic 29 × 29 pattern with the three finder squares.
// - `read_key_qr` / `read_key_file` look the path up in `qrImages` / `keyFiles` (else
//   `no_key_found`; a relative path → `invalid_input`); `export_my_key` records the path in `exported` and refuses a path already
//   written (`invalid_input`), like the real one never replaces a file.
// - `plugin:dialog|save` (the system's save dialog) answers with `nextSavePath` — only while a
//   test has set it (then it is cleared), so the other sharing parts may answer it otherwise.
import type { CommandError, Contact, ContactDraft, ErrorCode, KeyQr, MyKey } from '../api';
import type { FakeSharingDeps, FakeSharingState } from './fakeSharing';
import { localIso, UNHANDLED } from './fakeJournal';

/** The Bech32 alphabet (no 1, b, i, o). */
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const KEY_SHAPE = /^age1[02-9ac-hj-np-z]{58}$/;
const NAME_MAX_CHARS = 100;
/** The size of the fake QR codes, in modules. */
export const FAKE_QR_SIZE = 29;

const WORDS = [
  'apple', 'breeze', 'candle', 'dolphin', 'ember', 'forest', 'garden', 'harbor',
  'island', 'jacket', 'kettle', 'lantern', 'meadow', 'needle', 'orange', 'pebble',
  'quiet', 'river', 'saddle', 'timber', 'umbrella', 'velvet', 'willow', 'yellow',
  'anchor', 'basket', 'copper', 'desert', 'engine', 'feather', 'glacier', 'hollow',
  'ivory', 'jungle', 'kitten', 'lemon', 'marble', 'noodle', 'olive', 'pepper',
  'quilt', 'rocket', 'silver', 'tunnel', 'unicorn', 'violin', 'walnut', 'zebra',
  'arrow', 'bridge', 'cactus', 'daisy', 'eagle', 'falcon', 'ginger', 'honey',
  'igloo', 'jasmine', 'koala', 'ladder', 'mango', 'nectar', 'oyster', 'puzzle',
];

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

/** A 32-bit FNV-1a hash of the text, mixed with `salt`. */
function hash(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final mix (MurmurHash3's), so every bit depends on every character.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A well-formed made-up public key, the same for the same seed (tests use it for "the other
 * person's key"): `age1` + 58 Bech32 characters.
 */
export function fakeRecipient(seed: string | number): string {
  let key = 'age1';
  for (let i = 0; i < 58; i += 1) key += BECH32[hash(`${seed}`, i) % BECH32.length];
  return key;
}

/** The 5 words of a key (already in its canonical form). */
export function fakeFingerprint(recipient: string): string[] {
  return [0, 1, 2, 3, 4].map((i) => WORDS[hash(recipient, 1000 + i) % WORDS.length]!);
}

/** A key as Rust reads it (`parse_key`): canonical form, or `invalid_input`. */
function parseKey(text: string): string {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (!KEY_SHAPE.test(compact)) fail('invalid_input');
  return compact;
}

function cleanName(raw: string): string {
  const name = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || [...name].length > NAME_MAX_CHARS || /[\u0000-\u001f\u007f-\u009f]/.test(name)) fail('invalid_input');
  return name;
}

/** A deterministic QR-like matrix: three finder squares and a pattern from the key. */
function qrFor(recipient: string): KeyQr {
  const size = FAKE_QR_SIZE;
  const dark: boolean[] = [];
  const finder = (x: number, y: number): boolean | null => {
    for (const [fx, fy] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      const dx = x - fx;
      const dy = y - fy;
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
        if (dx < 0 || dx > 6 || dy < 0 || dy > 6) return false;
        const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
        return ring !== 1;
      }
    }
    return null;
  };
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      dark.push(finder(x, y) ?? hash(recipient, y * size + x) % 2 === 0);
    }
  }
  return { size, dark };
}

export function createFakeShareKeys(sharing: FakeSharingState, deps: FakeSharingDeps) {
  /** Paths `export_my_key` wrote. */
  const exported: string[] = [];
  /** What the next save dialog answers (see the header); `undefined` leaves it to others. */
  const dialog: { nextSavePath: string | null | undefined } = { nextSavePath: undefined };
  let keysMade = 0;

  const now = () => localIso(deps.state.now());

  const myKey = (): MyKey => {
    if (!sharing.myKey) {
      keysMade += 1;
      const recipient = fakeRecipient(`this journal ${keysMade}`);
      sharing.myKey = { recipient, fingerprint: fakeFingerprint(recipient), createdAt: now() };
    }
    return sharing.myKey;
  };

  const find = (id: number): Contact => sharing.contacts.find((c) => c.id === id) ?? fail('not_found');

  const saveContact = (draft: ContactDraft): Contact => {
    const name = cleanName(draft.name);
    const recipient = parseKey(draft.recipient);
    if (sharing.myKey?.recipient === recipient) fail('invalid_input');
    if (sharing.contacts.some((c) => c.recipient === recipient && c.id !== draft.id)) fail('invalid_input');
    if (draft.id === null) {
      const contact: Contact = {
        id: sharing.nextId++,
        role: draft.role,
        name,
        recipient,
        fingerprint: fakeFingerprint(recipient),
        pairedAt: now(),
        keyReplacedAt: null,
      };
      sharing.contacts.push(contact);
      return contact;
    }
    const old = find(draft.id);
    const changed: Contact = {
      ...old,
      role: draft.role,
      name,
      recipient,
      fingerprint: fakeFingerprint(recipient),
      keyReplacedAt: old.recipient === recipient ? old.keyReplacedAt : now(),
    };
    sharing.contacts = sharing.contacts.map((c) => (c.id === old.id ? changed : c));
    return changed;
  };

  const deleteContact = (id: number): null => {
    find(id);
    sharing.contacts = sharing.contacts.filter((c) => c.id !== id);
    for (const line of sharing.log) if (line.contactId === id) line.contactId = null;
    for (const share of sharing.inbox) if (share.contactId === id) share.contactId = null;
    return null;
  };

  const byName = (a: Contact, b: Contact) => {
    const an = a.name.toLowerCase();
    const bn = b.name.toLowerCase();
    if (an !== bn) return an < bn ? -1 : 1;
    return a.id - b.id;
  };

  return {
    exported,
    dialog,
    /** Adds a paired contact directly (test setup); the key defaults to a made-up one. */
    addContact(name: string, role: Contact['role'], recipient = fakeRecipient(name)): Contact {
      return saveContact({ id: null, role, name, recipient });
    },
    handle(cmd: string, arg: <T>(name: string) => T): unknown {
      switch (cmd) {
        case 'plugin:dialog|save': {
          if (dialog.nextSavePath === undefined) return UNHANDLED;
          const picked = dialog.nextSavePath;
          dialog.nextSavePath = undefined;
          return picked;
        }
        case 'my_share_key':
          return myKey();
        case 'share_key_fingerprint':
          return fakeFingerprint(parseKey(arg<string>('recipient')));
        case 'list_contacts':
          return [...sharing.contacts].sort(byName);
        case 'save_contact':
          return saveContact(arg<ContactDraft>('draft'));
        case 'delete_contact':
          return deleteContact(arg<number>('id'));
        case 'key_qr':
          return qrFor(parseKey(arg<string>('recipient')));
        case 'read_key_qr':
        case 'read_key_file': {
          // Like the real ones: a path not from the file chooser (not absolute) is refused.
          const path = arg<string>('path');
          if (!path.startsWith('/')) fail('invalid_input');
          return (cmd === 'read_key_qr' ? sharing.qrImages : sharing.keyFiles).get(path) ?? fail('no_key_found');
        }
        case 'export_my_key': {
          const path = arg<string>('path');
          if (!path.startsWith('/') || exported.includes(path) || sharing.files.has(path)) fail('invalid_input');
          myKey();
          exported.push(path);
          return path;
        }
        default:
          return UNHANDLED;
      }
    },
  };
}
