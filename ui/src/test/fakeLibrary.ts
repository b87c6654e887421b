// The library part of the fake backend (get_library, save_library),
// following docs/api-contract.md. Unit tests only.
import { UNHANDLED } from './fakeJournal';
import type { createFakeJournal } from './fakeJournal';

export type FakeLibraryState = Record<string, never>;

export function createFakeLibrary(_journal: ReturnType<typeof createFakeJournal>, _now: () => Date) {
  const state: FakeLibraryState = {};
  const handle = (_cmd: string, _arg: <T>(name: string) => T): unknown => UNHANDLED;
  return { state, handle };
}
