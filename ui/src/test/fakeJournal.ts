// The journal part of the fake backend (entries, trash, timeline, search, tags, calendar),
// following docs/api-contract.md. Unit tests only. Owned by the journal screens' tests.
export const UNHANDLED = Symbol('unhandled');

export type FakeJournalState = Record<string, never>;

export function createFakeJournal(_now: () => Date) {
  const state: FakeJournalState = {};
  /** Handles a journal command, or returns UNHANDLED for commands it does not know. */
  const handle = (_cmd: string, _arg: <T>(name: string) => T): unknown => UNHANDLED;
  return { state, handle };
}
