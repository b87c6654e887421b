// Importing shares, the counselor's inbox and suggestions in the fake backend (see
// fakeSharing.ts), following src-tauri/sharing/import.rs, inbox.rs, payload.rs
// (`build_suggestions`), log.rs and src-tauri/commands/sharing.rs. Unit tests only.
//
// - `import_share_file` looks the path up in `sharing.files`, `import_share_text` the armored
//   text in `sharing.armored` (`-----BEGIN AGE ENCRYPTED FILE-----\n<key>\n-----END AGE
//   ENCRYPTED FILE-----`, white space around it ignored). A path the fake doesn't know →
//   `not_found` (no file there), unless a test put it in `unreadable` with the code the real
//   one would give (`not_a_share`, `share_damaged`, `share_too_large`, `too_new`). Text that
//   does not start with the armor line → `not_a_share`; an armor the fake doesn't know →
//   `share_damaged`. A file's own `armor` flag does not matter (both kinds open alike).
// - The lock, as `unseal`: locked to a key that isn't this journal's (or no key made yet) →
//   `not_for_you`; a passphrase file with no passphrase or another one → `wrong_passphrase`; a
//   passphrase given for a file locked to a key is ignored.
// - Then the payload: `format` other than `cove-share` → `not_a_share`; `version` above 1 →
//   `too_new`; the other kind than this journal takes (a counselor's takes shares, a client's —
//   and one whose mode was never chosen — suggestions) → `wrong_kind`. Nothing is written
//   before these checks pass.
// - A share id imported before → `added: false`, nothing added. Otherwise a counselor's inbox
//   gets the share, filed under the paired contact whose key is `from.replyTo` (else the name
//   the client gave, else no name: `''`); a client gets each suggestion as a goals proposal
//   (`sourceId` `<share id>:<index>`, from the paired contact's name, else the name in the
//   file, else `''`). The screens put "a client" / "your counselor" in the reader's language.
// - `list_inbox` is newest import first; a share is shown under the contact it was filed
//   under while that contact exists (with its current name), else under a contact paired since
//   with the key it came from, else under the name kept at import. `save_inbox_notes` keeps the
//   text as typed (blank → `null`, over 100,000 characters → `invalid_input`);
//   `delete_inbox_share` forgets the share id too, so importing it again brings it back.
// - `write_suggestions` / `armored_suggestions`: the contact must exist (`not_found`); the ideas
//   are tidied (trimmed, blank steps dropped, blank texts → `null`); none, more than 200, an
//   idea without words or one over the goals' limits → `invalid_input`. The payload's sender is
//   the name for shared summaries (the profile's `shared.name`, else its name) and this
//   journal's key (made if there is none yet). A file path must be absolute and new
//   (`invalid_input` otherwise). Both are recorded in `sharing.log` (as `file` /
//   `armored_text`, to the contact) with the lines of log.rs (`goal_suggestion`,
//   `prompt_suggestion`, `profile`, `note`).
//
// Test helpers: `put(payload, lock, armor)` stores a share as a file (`putFile`) or armored text
// (`putText`) and says where; `shareFrom` / `suggestionsFrom` build payloads.
import type {
  CommandError,
  Contact,
  ErrorCode,
  ImportOutcome,
  InboxShare,
  PayloadKind,
  SharedItem,
  ShareLogEntry,
  ShareMethod,
  SharePayload,
  Suggestion,
  WriteShareResult,
  WriteSuggestionsInput,
} from '../api';
import type { FakeShareFile, FakeSharingDeps, FakeSharingState } from './fakeSharing';
import { localIso, UNHANDLED } from './fakeJournal';
import { fakeFingerprint, fakeRecipient } from './fakeShareKeys';
import { logItems } from './fakeShareFlow';

export const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
export const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const NO_NAME = '';
export const INBOX_NOTES_MAX_CHARS = 100_000;
export const SUGGESTIONS_MAX = 200;
/** The goals' limits a suggestion must fit (src-tauri/goals/validate.rs). */
export const SUGGESTION_LIMITS = { title: 200, why: 4_000, step: 500, steps: 500, prompt: 500, note: 4_000 } as const;

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const chars = (text: string) => [...text].length;
const nonBlank = (text: string | null | undefined) => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

let shareCounter = 0;
/** 32 lowercase hex digits, different each time. */
export function newShareId(): string {
  shareCounter += 1;
  return `${shareCounter.toString(16).padStart(8, '0')}${'c0ffee00'.repeat(3)}`;
}

/** The armored text the fake stands in for a file's bytes. */
export function armorOf(key: string): string {
  return `${ARMOR_BEGIN}\n${key}\n${ARMOR_END}`;
}

/** A client's share, as a counselor receives it (test setup). */
export function shareFrom(
  from: Partial<SharePayload['from']>,
  items: SharedItem[],
  extra: Partial<Omit<SharePayload, 'from' | 'items'>> = {},
): SharePayload {
  return {
    format: 'cove-share',
    version: 1,
    shareId: newShareId(),
    createdAt: '2026-11-20T18:30:00.000-05:00',
    kind: 'share',
    from: { name: null, pronouns: null, replyTo: null, note: null, ...from },
    items,
    suggestions: [],
    ...extra,
  };
}

/** A counselor's suggestions, as a client receives them (test setup). */
export function suggestionsFrom(
  from: Partial<SharePayload['from']>,
  suggestions: Suggestion[],
  extra: Partial<Omit<SharePayload, 'from' | 'suggestions'>> = {},
): SharePayload {
  return {
    format: 'cove-share',
    version: 1,
    shareId: newShareId(),
    createdAt: '2026-11-21T09:00:00.000-05:00',
    kind: 'suggestions',
    from: { name: null, pronouns: null, replyTo: null, note: null, ...from },
    items: [],
    suggestions,
    ...extra,
  };
}

/** As payload.rs `tidy_suggestion`. */
function tidy(s: Suggestion): Suggestion {
  return s.type === 'goal'
    ? {
        type: 'goal',
        title: s.title.trim(),
        why: nonBlank(s.why),
        steps: (s.steps ?? []).map((step) => step.trim()).filter((step) => step !== ''),
        note: nonBlank(s.note),
      }
    : { type: 'prompt', text: s.text.trim(), note: nonBlank(s.note) };
}

/** As payload.rs `check_suggestion`, with `build_suggestions`' `invalid_input`. */
function checkSuggestion(s: Suggestion): void {
  const L = SUGGESTION_LIMITS;
  const over = (text: string | null, max: number) => text !== null && chars(text) > max;
  if (s.type === 'goal') {
    if (s.title === '') fail('invalid_input');
    if (over(s.title, L.title) || over(s.why, L.why) || over(s.note, L.note) || s.steps.length > L.steps || s.steps.some((t) => over(t, L.step))) {
      fail('invalid_input');
    }
  } else {
    if (s.text === '') fail('invalid_input');
    if (over(s.text, L.prompt) || over(s.note, L.note)) fail('invalid_input');
  }
}

export function createFakeShareInbox(sharing: FakeSharingState, deps: FakeSharingDeps) {
  /** Paths that hold something the real import would refuse, and with which code. */
  const unreadable = new Map<string, ErrorCode>();
  let stored = 0;

  const now = () => localIso(deps.state.now());

  const contactByKey = (key: string | null): Contact | undefined =>
    key === null ? undefined : sharing.contacts.find((c) => c.recipient === key.replace(/\s+/g, '').toLowerCase());

  /** A share as `list_inbox` shows it: under its contact (still there, or paired since). */
  const view = (share: InboxShare): InboxShare => {
    const filed = share.contactId !== null ? sharing.contacts.find((c) => c.id === share.contactId) : undefined;
    const contact = filed ?? contactByKey(share.payload.from.replyTo);
    return contact
      ? { ...share, contactId: contact.id, clientName: contact.name }
      : { ...share, contactId: null };
  };

  const findShare = (id: number): InboxShare => sharing.inbox.find((s) => s.id === id) ?? fail('not_found');

  /** Opens the file's lock (as crypto.rs `unseal`) and checks the payload (import.rs). */
  const open = (file: FakeShareFile, passphrase: string | null): SharePayload => {
    if (file.lock.mode === 'recipient') {
      if (!sharing.myKey || sharing.myKey.recipient !== file.lock.recipient) fail('not_for_you');
    } else if (passphrase === null || passphrase !== file.lock.passphrase) {
      fail('wrong_passphrase');
    }
    const payload = file.payload;
    if (payload.format !== 'cove-share') fail('not_a_share');
    if (payload.version > 1) fail('too_new');
    const expected: PayloadKind = deps.state.prefs.mode === 'counselor' ? 'share' : 'suggestions';
    if (payload.kind !== expected) fail('wrong_kind');
    return structuredClone(payload);
  };

  const file = (payload: SharePayload): ImportOutcome => {
    const contact = contactByKey(payload.from.replyTo);
    const fromName = contact?.name ?? nonBlank(payload.from.name);
    const outcome: ImportOutcome = {
      shareId: payload.shareId,
      kind: payload.kind,
      added: false,
      count: payload.kind === 'share' ? payload.items.length : payload.suggestions.length,
      fromName,
    };
    if (sharing.imported.has(payload.shareId)) return outcome;
    sharing.imported.add(payload.shareId);
    if (payload.kind === 'share') {
      sharing.inbox.push({
        id: sharing.nextId++,
        shareId: payload.shareId,
        contactId: contact?.id ?? null,
        clientName: fromName ?? NO_NAME,
        receivedAt: now(),
        payload,
        notes: null,
      });
    } else {
      payload.suggestions.forEach((s, index) => {
        deps.goals.addProposal(
          s.type === 'goal'
            ? { kind: 'goal', fromName: fromName ?? NO_NAME, title: s.title, why: s.why, steps: s.steps, note: s.note, forGoalId: null, sourceId: `${payload.shareId}:${index}` }
            : { kind: 'prompt', fromName: fromName ?? NO_NAME, title: s.text, why: null, steps: [], note: s.note, forGoalId: null, sourceId: `${payload.shareId}:${index}` },
          deps.state.now(),
        );
      });
    }
    return { ...outcome, added: true };
  };

  const importFile = (path: string, passphrase: string | null): ImportOutcome => {
    if (!path.startsWith('/')) fail('invalid_input');
    const problem = unreadable.get(path);
    if (problem) fail(problem);
    const found = sharing.files.get(path) ?? fail('not_found');
    return file(open(found, passphrase));
  };

  const importText = (text: string, passphrase: string | null): ImportOutcome => {
    const trimmed = text.trim();
    if (!trimmed.startsWith(ARMOR_BEGIN)) fail('not_a_share');
    const key = trimmed.slice(ARMOR_BEGIN.length).replace(ARMOR_END, '').trim();
    const found = sharing.armored.get(key) ?? fail('share_damaged');
    return file(open(found, passphrase));
  };

  const myRecipient = (): string => {
    if (!sharing.myKey) {
      const recipient = fakeRecipient('this journal (suggestions)');
      sharing.myKey = { recipient, fingerprint: fakeFingerprint(recipient), createdAt: now() };
    }
    return sharing.myKey.recipient;
  };

  /** As payload.rs `build_suggestions`. */
  const buildSuggestions = (suggestions: Suggestion[], note: string | null): SharePayload => {
    const cleanNote = nonBlank(note);
    if (cleanNote !== null && chars(cleanNote) > SUGGESTION_LIMITS.note) fail('invalid_input');
    if (suggestions.length === 0 || suggestions.length > SUGGESTIONS_MAX) fail('invalid_input');
    const clean = suggestions.map(tidy);
    clean.forEach(checkSuggestion);
    const profile = deps.state.profile;
    return {
      format: 'cove-share',
      version: 1,
      shareId: newShareId(),
      createdAt: now(),
      kind: 'suggestions',
      from: { name: profile.shared?.name ?? profile.name, pronouns: null, replyTo: myRecipient(), note: cleanNote },
      items: [],
      suggestions: clean,
    };
  };

  const record = (payload: SharePayload, method: ShareMethod, contact: Contact): ShareLogEntry => {
    const line: ShareLogEntry = {
      id: sharing.nextId++,
      shareId: payload.shareId,
      at: now(),
      method,
      toName: contact.name,
      contactId: contact.id,
      items: logItems(payload),
    };
    sharing.log.push(line);
    return line;
  };

  const findContact = (id: number): Contact => sharing.contacts.find((c) => c.id === id) ?? fail('not_found');

  const writeSuggestions = (input: WriteSuggestionsInput): WriteShareResult => {
    if (!input.path.startsWith('/') || input.path.endsWith('/') || sharing.files.has(input.path)) fail('invalid_input');
    const contact = findContact(input.contactId);
    const payload = buildSuggestions(input.suggestions, input.note);
    sharing.files.set(input.path, { payload, lock: { mode: 'recipient', recipient: contact.recipient }, armor: input.armor });
    return { path: input.path, logged: record(payload, 'file', contact) };
  };

  const armoredSuggestions = (contactId: number, suggestions: Suggestion[], note: string | null): string => {
    const contact = findContact(contactId);
    const payload = buildSuggestions(suggestions, note);
    stored += 1;
    const key = `suggestions-${stored}-${payload.shareId}`;
    sharing.armored.set(key, { payload, lock: { mode: 'recipient', recipient: contact.recipient }, armor: true });
    record(payload, 'armored_text', contact);
    return armorOf(key);
  };

  /** Stores a share as a file at `path` (test setup). */
  const putFile = (path: string, payload: SharePayload, lock: FakeShareFile['lock']): string => {
    sharing.files.set(path, { payload, lock, armor: false });
    return path;
  };

  /** Stores a share as armored text and returns the text to paste (test setup). */
  const putText = (payload: SharePayload, lock: FakeShareFile['lock']): string => {
    stored += 1;
    const key = `pasted-${stored}-${payload.shareId}`;
    sharing.armored.set(key, { payload, lock, armor: true });
    return armorOf(key);
  };

  /** The lock of a file made for this journal's key (made now if there is none yet). */
  const toMe = (): FakeShareFile['lock'] => ({ mode: 'recipient', recipient: myRecipient() });

  return {
    unreadable,
    putFile,
    putText,
    toMe,
    handle(cmd: string, arg: <T>(name: string) => T): unknown {
      switch (cmd) {
        case 'import_share_file':
          return importFile(arg<string>('path'), arg<string | null>('passphrase') ?? null);
        case 'import_share_text':
          return importText(arg<string>('text'), arg<string | null>('passphrase') ?? null);
        case 'list_inbox':
          return [...sharing.inbox].sort((a, b) => b.id - a.id).map(view);
        case 'get_inbox_share':
          return view(findShare(arg<number>('id')));
        case 'save_inbox_notes': {
          const share = findShare(arg<number>('id'));
          const notes = arg<string | null>('notes');
          const kept = notes === null || notes.trim() === '' ? null : notes;
          if (kept !== null && chars(kept) > INBOX_NOTES_MAX_CHARS) fail('invalid_input');
          share.notes = kept;
          return view(share);
        }
        case 'delete_inbox_share': {
          const share = findShare(arg<number>('id'));
          sharing.inbox = sharing.inbox.filter((s) => s.id !== share.id);
          sharing.imported.delete(share.shareId);
          return null;
        }
        case 'write_suggestions':
          return writeSuggestions(arg<WriteSuggestionsInput>('input'));
        case 'armored_suggestions':
          return armoredSuggestions(arg<number>('contactId'), arg<Suggestion[]>('suggestions'), arg<string | null>('note') ?? null);
        default:
          return UNHANDLED;
      }
    },
  };
}
