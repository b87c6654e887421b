// Sharing in the fake backend (docs/api-contract.md "Sharing"): one shared state, three parts.
// Keys and contacts live in fakeShareKeys.ts, the client's share flow and log in
// fakeShareFlow.ts, importing, the inbox and suggestions in fakeShareInbox.ts.
//
// "Files" never touch a disk: `files` maps a path to what was sealed into it, and armored text
// is `-----BEGIN AGE ENCRYPTED FILE-----\n<key into armored>\n-----END AGE ENCRYPTED FILE-----`.
// Tests put files in `files` (or `armored`) to import them.
import type { Contact, InboxShare, MyKey, ShareLock, ShareLogEntry, SharePayload } from '../api';
import type { FakeState } from './fakeBackend';
import type { FakeJournal } from './fakeJournal';
import { UNHANDLED } from './fakeJournal';
import type { FakeGoals } from './fakeGoals';
import { createFakeShareKeys } from './fakeShareKeys';
import { createFakeShareFlow } from './fakeShareFlow';
import { createFakeShareInbox } from './fakeShareInbox';

/** What a fake share file holds: the payload, and how it was locked. */
export type FakeShareFile = {
  payload: SharePayload;
  /** A contact's key (`recipient`) or a passphrase. */
  lock: { mode: 'recipient'; recipient: string } | { mode: 'passphrase'; passphrase: string };
  armor: boolean;
};

export type FakeSharingState = {
  /** This journal's key (made on first `my_share_key`). */
  myKey: MyKey | null;
  contacts: Contact[];
  log: ShareLogEntry[];
  inbox: InboxShare[];
  /** Share ids already imported (importing twice adds nothing). */
  imported: Set<string>;
  files: Map<string, FakeShareFile>;
  armored: Map<string, FakeShareFile>;
  /** Paths that hold a picture with a QR code of this key, or a key file with this key. */
  qrImages: Map<string, string>;
  keyFiles: Map<string, string>;
  nextId: number;
  /** The window's full-screen state (`plugin:window|set_fullscreen`, show in session). */
  fullscreen: boolean;
};

export type FakeSharingDeps = {
  state: FakeState;
  journal: FakeJournal;
  goals: FakeGoals;
};

export function createFakeSharing(deps: FakeSharingDeps) {
  const sharing: FakeSharingState = {
    myKey: null,
    contacts: [],
    log: [],
    inbox: [],
    imported: new Set(),
    files: new Map(),
    armored: new Map(),
    qrImages: new Map(),
    keyFiles: new Map(),
    nextId: 1,
    fullscreen: false,
  };
  const keys = createFakeShareKeys(sharing, deps);
  const flow = createFakeShareFlow(sharing, deps);
  const inbox = createFakeShareInbox(sharing, deps);
  const parts = [keys, flow, inbox];
  return {
    state: sharing,
    keys,
    flow,
    inbox,
    /** Handles a sharing command, or returns UNHANDLED. */
    handle(cmd: string, arg: <T>(name: string) => T): unknown {
      if (cmd === 'plugin:window|set_fullscreen') {
        sharing.fullscreen = arg<boolean>('value');
        return null;
      }
      for (const part of parts) {
        const result = part.handle(cmd, arg);
        if (result !== UNHANDLED) return result;
      }
      return UNHANDLED;
    },
  };
}

export type FakeSharing = ReturnType<typeof createFakeSharing>;
export type { ShareLock };
