// The English catalogue: every area's messages merged (index.ts says which file holds what).
// It is a chunk of its own, loaded by `loadMessages('en')`: a session in Spanish never parses
// the English words, and the other way round.
import baseEn from './en.json';
import journalEn from './journal.en.json';
import feelingsEn from './feelings.en.json';
import promptsEn from './prompts.en.json';
import backupEn from './backup.en.json';
import goalsEn from './goals.en.json';
import identityEn from './identity.en.json';
import identitySpaceEn from './identitySpace.en.json';
import shareKeysEn from './shareKeys.en.json';
import shareFlowEn from './shareFlow.en.json';
import shareViewEn from './shareView.en.json';
import shareInboxEn from './shareInbox.en.json';

/** The areas one by one (messages.test.ts checks that a key lives in exactly one). */
export const parts = [baseEn, journalEn, feelingsEn, promptsEn, backupEn, goalsEn, identityEn, identitySpaceEn, shareKeysEn, shareFlowEn, shareViewEn, shareInboxEn] as const;

const messages = {
  ...baseEn,
  ...journalEn,
  ...feelingsEn,
  ...promptsEn,
  ...backupEn,
  ...goalsEn,
  ...identityEn,
  ...identitySpaceEn,
  ...shareKeysEn,
  ...shareFlowEn,
  ...shareViewEn,
  ...shareInboxEn,
};

export default messages;
