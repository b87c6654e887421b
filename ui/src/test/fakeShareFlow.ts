// The client's share flow and the share log in the fake backend (docs/api-contract.md
// "Sharing"), following src-tauri/sharing/payload.rs, log.rs and commands/sharing.rs. Unit tests
// only.
//
// Rules the fake follows:
// - `preview_share` / `write_share` / `armored_share` / `log_shown_share` build the payload as
//   `build_payload` does: only the parts switched on (and holding something) are filled, the
//   rest `null`; entries in the selection's order (each once), then goals, then the insights
//   summary, then the safety plan (its picked sections in the plan's order). Texts are trimmed
//   as Rust's `non_blank` does (a body is kept whole). Feelings and prompts go as the words the UI
//   gave in `feelingNames` / `promptTexts`; a shipped feeling id the UI did not name goes with its
//   `_` as spaces; an own word or prompt the UI did not name is left out (the fake has no
//   library). The sender's name and pronouns come from `Profile.shared`, else the profile, when
//   `includeProfile`; `replyTo` is this journal's key for `file` and `armored_text` (made on
//   first use), else `null`.
// - An entry in the trash or missing, or a goal that doesn't exist → `not_found`; a note over
//   4,000 characters, more than 2,000 entries and goals, an unknown safety plan section, a bad
//   insights range, or nothing at all (no item and no note) → `invalid_input`.
// - `write_share`: a relative path or a path already in `files` → `invalid_input` (checked
//   first); an unknown contact → `not_found`; a blank passphrase → `invalid_input`. Then the file
//   is stored in `files` ({ payload, lock, armor }) and logged (`file` with the contact's name, or
//   `passphrase_file` with `toName: null`). Nothing is stored or logged on any error.
// - `armored_share`: as `write_share` without a path; the text is
//   `-----BEGIN AGE ENCRYPTED FILE-----\n<key>\n-----END AGE ENCRYPTED FILE-----` and the file is
//   kept in `armored` under `<key>`; logged as `armored_text`.
// - `log_shown_share`: only `print` and `show_in_session` (else `invalid_input`); logged with no
//   contact. `list_share_log`: newest first.
// - `plugin:dialog|save` (the system's save dialog) answers with the next path in `savePaths`
//   (`null` there means "cancelled") when one is queued; otherwise it is left to another part.
import type {
  Contact,
  Entry,
  EntryParts,
  ErrorCode,
  CommandError,
  GoalParts,
  MyKey,
  SafetyContact,
  ShareLock,
  ShareLogEntry,
  ShareLogItem,
  ShareMethod,
  SharePayload,
  ShareSelection,
  SharedFeeling,
  SharedGoalCheckin,
  SharedItem,
  WriteShareInput,
  WriteShareResult,
} from '../api';
import type { FakeShareFile, FakeSharingDeps, FakeSharingState } from './fakeSharing';
import { localIso, UNHANDLED } from './fakeJournal';
import { computeInsights } from './fakeInsights';

export const NOTE_MAX_CHARS = 4000;
export const ITEMS_MAX = 2000;
export const TOP_FEELINGS_SHARED = 10;
export const SAFETY_PLAN_SECTIONS = [
  'warning_signs',
  'coping_on_my_own',
  'people_and_places',
  'people_to_ask',
  'professionals',
  'safer_space',
  'reasons_for_living',
] as const;

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';

/** The armored text of a fake share kept in `armored` under `key`. */
export function armoredText(key: string): string {
  return `${ARMOR_BEGIN}\n${key}\n${ARMOR_END}`;
}

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

/** Rust's `non_blank`: trimmed, `null` when blank. */
function nonBlank(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fern', 'grove', 'harbor', 'iris', 'juniper', 'kelp', 'lark'];

/** A fake public key and its words, the same for the same seed. */
function fakeKey(seed: number, now: Date): MyKey {
  let x = seed * 7919 + 17;
  let recipient = 'age1';
  for (let i = 0; i < 58; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    recipient += BECH32[x % 32];
  }
  const fingerprint = Array.from({ length: 5 }, (_, i) => WORDS[(seed * 5 + i * 3) % WORDS.length]!);
  return { recipient, fingerprint, createdAt: localIso(now) };
}

/** The names of the parts present, in order (log.rs `present`). */
const present = (parts: [string, boolean][]) => parts.filter(([, there]) => there).map(([name]) => name);

/** One log line per thing in the payload (log.rs `log_items`). */
export function logItems(payload: SharePayload): ShareLogItem[] {
  const out: ShareLogItem[] = [];
  const from = payload.from;
  if (from.name !== null || from.pronouns !== null) {
    out.push({ kind: 'profile', label: '', parts: present([['name', from.name !== null], ['pronouns', from.pronouns !== null]]) });
  }
  if (from.note !== null) out.push({ kind: 'note', label: '', parts: [] });
  for (const item of payload.items) {
    switch (item.type) {
      case 'entry':
        out.push({
          kind: 'entry',
          label: item.day,
          parts: present([
            ['title', item.title !== null],
            ['body', item.body !== null],
            ['feelings', item.feelings !== null],
            ['going_on', item.goingOn !== null],
            ['helped', item.helped !== null],
            ['tags', item.tags !== null],
            ['prompt', item.prompt !== null],
            ['goal', item.goal !== null],
            ['identity', item.identity !== null],
          ]),
        });
        break;
      case 'goal':
        out.push({
          kind: 'goal',
          label: item.title,
          parts: present([['title', true], ['why', item.why !== null], ['steps', item.steps !== null], ['checkins', item.checkins !== null]]),
        });
        break;
      case 'insights':
        out.push({ kind: 'insights', label: `${item.from}/${item.to}`, parts: ['counts', 'top_feelings'] });
        break;
      case 'safety_plan':
        out.push({ kind: 'safety_plan', label: '', parts: item.sections.map((s) => s.section) });
        break;
    }
  }
  for (const suggestion of payload.suggestions) {
    if (suggestion.type === 'goal') {
      out.push({
        kind: 'goal_suggestion',
        label: suggestion.title,
        parts: present([['why', suggestion.why !== null], ['steps', suggestion.steps.length > 0], ['note', suggestion.note !== null]]),
      });
    } else {
      out.push({ kind: 'prompt_suggestion', label: suggestion.text, parts: present([['note', suggestion.note !== null]]) });
    }
  }
  return out;
}

const contactLine = (c: SafetyContact) =>
  [c.name, c.phone, c.note]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(' — ');

export function createFakeShareFlow(sharing: FakeSharingState, deps: FakeSharingDeps) {
  /** Paths the next save dialogs answer with, in order (`null`: cancelled). */
  const savePaths: (string | null)[] = [];
  const now = () => deps.state.now();

  /** This journal's key, made on first use (as `keys::my_key`). */
  const myKey = (): MyKey => {
    if (!sharing.myKey) sharing.myKey = fakeKey(sharing.nextId++, now());
    return sharing.myKey;
  };

  const newShareId = () => {
    const n = sharing.nextId++;
    return `${n.toString(16).padStart(8, '0')}${'5a4e'.repeat(6)}`;
  };

  const feelingWord = (selection: ShareSelection, id: string): string | null => {
    const given = nonBlank(selection.feelingNames?.[id]);
    if (given !== null) return given;
    if (id.startsWith('custom:')) return null;
    return id.replaceAll('_', ' ');
  };

  const promptText = (selection: ShareSelection, id: string): string | null => nonBlank(selection.promptTexts?.[id]);

  const feelingsOf = (entry: Entry, selection: ShareSelection): SharedFeeling[] | null => {
    if (!entry.checkin) return null;
    const out: SharedFeeling[] = [];
    for (const f of entry.checkin.feelings) {
      const word = feelingWord(selection, f.feeling);
      if (word !== null) out.push({ word, intensity: f.intensity });
    }
    return out.length > 0 ? out : null;
  };

  const entryItem = (entry: Entry, parts: EntryParts, selection: ShareSelection): SharedItem => {
    const checkin = entry.checkin;
    let goal: SharedGoalCheckin | null = null;
    if (entry.goal && parts.goal) {
      goal = {
        goalTitle: deps.goals.goal(entry.goal.goalId)?.title ?? null,
        day: null,
        how: null,
        inTheWay: entry.goal.inTheWay,
        nextStep: entry.goal.nextStep,
      };
    }
    return {
      type: 'entry',
      kind: entry.kind,
      day: entry.day,
      createdAt: entry.createdAt,
      title: parts.title ? nonBlank(entry.title) : null,
      body: parts.body && nonBlank(entry.body) !== null ? entry.body : null,
      feelings: parts.feelings ? feelingsOf(entry, selection) : null,
      goingOn: parts.goingOn ? nonBlank(checkin?.goingOn) : null,
      helped: parts.helped ? nonBlank(checkin?.helped) : null,
      tags: parts.tags && entry.tags.length > 0 ? [...entry.tags] : null,
      prompt: entry.promptId && parts.prompt ? promptText(selection, entry.promptId) : null,
      goal,
      identity: parts.identity ? (entry.identity ?? null) : null,
    };
  };

  const goalItem = (id: number, parts: GoalParts): SharedItem => {
    const goal = deps.goals.goal(id) ?? fail('not_found');
    let checkins: SharedGoalCheckin[] | null = null;
    if (parts.checkins) {
      checkins = deps.journal
        .live()
        .filter((e) => e.kind === 'goal_checkin' && e.goal?.goalId === id)
        .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id - a.id)
        .map((e) => ({
          goalTitle: null,
          day: e.day,
          how: nonBlank(e.body) !== null ? e.body : null,
          inTheWay: e.goal?.inTheWay ?? null,
          nextStep: e.goal?.nextStep ?? null,
        }));
    }
    return {
      type: 'goal',
      title: goal.title,
      why: parts.why ? goal.why : null,
      area: goal.area,
      status: goal.status,
      madeWithCounselor: goal.madeWithCounselor,
      steps: parts.steps ? goal.steps.map((s) => ({ text: s.text, done: s.doneAt !== null })) : null,
      checkins,
    };
  };

  const safetyPlanItem = (picked: string[]): SharedItem => {
    if (picked.some((id) => !(SAFETY_PLAN_SECTIONS as readonly string[]).includes(id))) fail('invalid_input');
    const plan = deps.state.safetyPlan;
    const itemsOf = (id: (typeof SAFETY_PLAN_SECTIONS)[number]): string[] => {
      switch (id) {
        case 'warning_signs':
          return [...plan.warningSigns];
        case 'coping_on_my_own':
          return [...plan.copingOnMyOwn];
        case 'people_and_places':
          return [...plan.peopleAndPlaces];
        case 'people_to_ask':
          return plan.peopleToAsk.map(contactLine);
        case 'professionals':
          return plan.professionals.map(contactLine);
        case 'safer_space':
          return [...plan.saferSpace];
        case 'reasons_for_living':
          return [...plan.reasonsForLiving];
      }
    };
    return {
      type: 'safety_plan',
      sections: SAFETY_PLAN_SECTIONS.filter((id) => picked.includes(id)).map((id) => ({ section: id, items: itemsOf(id) })),
    };
  };

  /** `build_payload`: exactly the parts picked, in order. */
  const buildPayload = (selection: ShareSelection, method: ShareMethod): SharePayload => {
    const note = nonBlank(selection.note);
    if (note !== null && [...note].length > NOTE_MAX_CHARS) fail('invalid_input');
    if (selection.entries.length + selection.goals.length > ITEMS_MAX) fail('invalid_input');
    const items: SharedItem[] = [];

    const seenEntries = new Set<number>();
    for (const pick of selection.entries) {
      if (seenEntries.has(pick.id)) continue;
      seenEntries.add(pick.id);
      const entry = deps.journal.state.entries.find((e) => e.id === pick.id);
      if (!entry || entry.deletedAt !== null) fail('not_found');
      items.push(entryItem(entry, pick.parts, selection));
    }

    const seenGoals = new Set<number>();
    for (const pick of selection.goals) {
      if (seenGoals.has(pick.id)) continue;
      seenGoals.add(pick.id);
      items.push(goalItem(pick.id, pick.parts));
    }

    if (selection.insights) {
      const insights = computeInsights(deps.journal, selection.insights.from, selection.insights.to);
      const topFeelings: { word: string; count: number }[] = [];
      for (const f of insights.topFeelings) {
        if (topFeelings.length === TOP_FEELINGS_SHARED) break;
        const word = feelingWord(selection, f.feeling);
        if (word !== null) topFeelings.push({ word, count: f.count });
      }
      items.push({
        type: 'insights',
        from: insights.from,
        to: insights.to,
        entries: insights.totalEntries,
        checkins: insights.totalCheckins,
        topFeelings,
      });
    }

    if (selection.safetyPlan) items.push(safetyPlanItem(selection.safetyPlan.sections));

    if (items.length === 0 && note === null) fail('invalid_input');

    const profile = deps.state.profile;
    const name = selection.includeProfile ? (profile.shared?.name ?? profile.name) : null;
    const pronouns = selection.includeProfile ? (profile.shared?.pronouns ?? profile.pronouns) : null;
    const replyTo = method === 'file' || method === 'armored_text' ? myKey().recipient : null;
    return {
      format: 'cove-share',
      version: 1,
      shareId: newShareId(),
      createdAt: localIso(now()),
      kind: 'share',
      from: { name, pronouns, replyTo, note },
      items,
      suggestions: [],
    };
  };

  /** `record_share`: a new log line (the contact's name at this moment). */
  const record = (payload: SharePayload, method: ShareMethod, contactId: number | null): ShareLogEntry => {
    const toName = contactId === null ? null : (sharing.contacts.find((c) => c.id === contactId) ?? fail('not_found')).name;
    const entry: ShareLogEntry = {
      id: sharing.log.reduce((max, e) => Math.max(max, e.id), 0) + 1,
      shareId: payload.shareId,
      at: localIso(now()),
      method,
      toName,
      contactId,
      items: logItems(payload),
    };
    sharing.log.push(entry);
    return structuredClone(entry);
  };

  /** `Lock::of`: whom to seal for, and the contact to log. */
  const resolveLock = (lock: ShareLock): { seal: FakeShareFile['lock']; contact: Contact | null } => {
    if (lock.mode === 'contact') {
      const contact = sharing.contacts.find((c) => c.id === lock.contactId) ?? fail('not_found');
      return { seal: { mode: 'recipient', recipient: contact.recipient }, contact };
    }
    if (lock.mode !== 'passphrase') fail('invalid_input');
    return { seal: { mode: 'passphrase', passphrase: lock.passphrase }, contact: null };
  };

  const checkSeal = (seal: FakeShareFile['lock']) => {
    if (seal.mode === 'passphrase' && seal.passphrase.trim() === '') fail('invalid_input');
  };

  const writeShare = (input: WriteShareInput): WriteShareResult => {
    const path = input.path ?? '';
    if (!/^(\/|[A-Za-z]:[\\/])./.test(path) || /[\\/]$/.test(path)) fail('invalid_input');
    if (sharing.files.has(path)) fail('invalid_input');
    const { seal, contact } = resolveLock(input.lock);
    const method: ShareMethod = seal.mode === 'recipient' ? 'file' : 'passphrase_file';
    const payload = buildPayload(input.selection, method);
    checkSeal(seal);
    const logged = record(payload, method, contact?.id ?? null);
    sharing.files.set(path, { payload, lock: seal, armor: input.armor });
    return { path, logged };
  };

  const armoredShare = (selection: ShareSelection, lock: ShareLock): string => {
    const { seal, contact } = resolveLock(lock);
    const payload = buildPayload(selection, contact ? 'armored_text' : 'passphrase_file');
    checkSeal(seal);
    record(payload, 'armored_text', contact?.id ?? null);
    const key = `fake-armor-${payload.shareId}`;
    sharing.armored.set(key, { payload, lock: seal, armor: true });
    return armoredText(key);
  };

  const logShownShare = (selection: ShareSelection, method: ShareMethod): ShareLogEntry => {
    if (method !== 'print' && method !== 'show_in_session') fail('invalid_input');
    const payload = buildPayload(selection, method);
    return record(payload, method, null);
  };

  return {
    savePaths,
    buildPayload,
    handle(cmd: string, arg: <T>(name: string) => T): unknown {
      switch (cmd) {
        case 'preview_share':
          return buildPayload(structuredClone(arg<ShareSelection>('selection')), 'print');
        case 'write_share':
          return writeShare(structuredClone(arg<WriteShareInput>('input')));
        case 'armored_share':
          return armoredShare(structuredClone(arg<ShareSelection>('selection')), structuredClone(arg<ShareLock>('lock')));
        case 'log_shown_share':
          return logShownShare(structuredClone(arg<ShareSelection>('selection')), arg<ShareMethod>('method'));
        case 'list_share_log':
          return [...sharing.log].sort((a, b) => b.id - a.id);
        case 'plugin:dialog|save':
          if (savePaths.length === 0) return UNHANDLED;
          return savePaths.shift() ?? null;
        default:
          return UNHANDLED;
      }
    },
  };
}
