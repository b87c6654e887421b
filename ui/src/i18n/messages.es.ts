// The Spanish catalogue: every area's messages merged (index.ts says which file holds what).
// It is a chunk of its own, loaded by `loadMessages('es')`: a session in English never parses
// the Spanish words, and the other way round.
import baseEs from './es.json';
import journalEs from './journal.es.json';
import feelingsEs from './feelings.es.json';
import promptsEs from './prompts.es.json';
import backupEs from './backup.es.json';
import goalsEs from './goals.es.json';
import identityEs from './identity.es.json';
import identitySpaceEs from './identitySpace.es.json';
import shareKeysEs from './shareKeys.es.json';
import shareFlowEs from './shareFlow.es.json';
import shareViewEs from './shareView.es.json';
import shareInboxEs from './shareInbox.es.json';
import type { MessageId } from './index';

/** The areas one by one (messages.test.ts checks that a key lives in exactly one). */
export const parts = [baseEs, journalEs, feelingsEs, promptsEs, backupEs, goalsEs, identityEs, identitySpaceEs, shareKeysEs, shareFlowEs, shareViewEs, shareInboxEs] as const;

// Every English message has its Spanish (the compiler checks it).
const messages: Record<MessageId, string> = {
  ...baseEs,
  ...journalEs,
  ...feelingsEs,
  ...promptsEs,
  ...backupEs,
  ...goalsEs,
  ...identityEs,
  ...identitySpaceEs,
  ...shareKeysEs,
  ...shareFlowEs,
  ...shareViewEs,
  ...shareInboxEs,
};

export default messages;
