// The safety plan's sections and the editable draft behind the screen. Pure functions only:
// the draft itself lives in React state inside the unlocked session (SafetyPlanContext).
import type { SafetyContact, SafetyPlan } from '../../api';
import type { MessageId } from '../../i18n';

type ListKey = Exclude<keyof SafetyPlan, 'updatedAt'>;
/** Sections that are plain lists of text. */
export type TextKey = { [K in ListKey]: SafetyPlan[K] extends string[] ? K : never }[ListKey];
/** Sections that are lists of people (name, phone, note). */
export type ContactKey = { [K in ListKey]: SafetyPlan[K] extends SafetyContact[] ? K : never }[ListKey];
export type SectionKey = TextKey | ContactKey;

export type SectionDef = { key: TextKey; kind: 'text' } | { key: ContactKey; kind: 'contact' };

/** The seven sections, in the order of the Stanley–Brown safety plan. */
export const SECTIONS: readonly SectionDef[] = [
  { key: 'warningSigns', kind: 'text' },
  { key: 'copingOnMyOwn', kind: 'text' },
  { key: 'peopleAndPlaces', kind: 'text' },
  { key: 'peopleToAsk', kind: 'contact' },
  { key: 'professionals', kind: 'contact' },
  { key: 'saferSpace', kind: 'text' },
  { key: 'reasonsForLiving', kind: 'text' },
];

/** The backend's limits (src-tauri/safety.rs), enforced here so nothing typed is refused later. */
export const LIMITS = {
  itemsPerSection: 50,
  itemChars: 2000,
  nameChars: 200,
  phoneChars: 40,
  noteChars: 500,
} as const;

export function sectionTitle(key: SectionKey): MessageId {
  return `safety.section.${key}.title`;
}

export function sectionExample(key: SectionKey): MessageId {
  return `safety.section.${key}.example`;
}

export type DraftText = { id: number; text: string };
export type DraftContact = { id: number; name: string; phone: string; note: string };

/** What is on screen, including blank rows and unsaved changes. `id`s keep rows stable while moving. */
export type SafetyDraft = {
  nextId: number;
  text: Record<TextKey, DraftText[]>;
  contacts: Record<ContactKey, DraftContact[]>;
};

export function planToDraft(plan: SafetyPlan): SafetyDraft {
  let nextId = 1;
  const texts = (list: string[]): DraftText[] => list.map((text) => ({ id: nextId++, text }));
  const contacts = (list: SafetyContact[]): DraftContact[] =>
    list.map((c) => ({ id: nextId++, name: c.name, phone: c.phone ?? '', note: c.note ?? '' }));
  const draft = {
    text: {
      warningSigns: texts(plan.warningSigns),
      copingOnMyOwn: texts(plan.copingOnMyOwn),
      peopleAndPlaces: texts(plan.peopleAndPlaces),
      saferSpace: texts(plan.saferSpace),
      reasonsForLiving: texts(plan.reasonsForLiving),
    },
    contacts: {
      peopleToAsk: contacts(plan.peopleToAsk),
      professionals: contacts(plan.professionals),
    },
  };
  return { nextId, ...draft };
}

/** The plan to save: text trimmed, blank rows left out (as the backend does too). */
export function draftToPlan(draft: SafetyDraft, updatedAt: string | null): SafetyPlan {
  const texts = (list: DraftText[]) => list.map((item) => item.text.trim()).filter((text) => text !== '');
  const contacts = (list: DraftContact[]): SafetyContact[] =>
    list
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim() || null, note: c.note.trim() || null }))
      .filter((c) => c.name !== '' || c.phone !== null || c.note !== null);
  return {
    warningSigns: texts(draft.text.warningSigns),
    copingOnMyOwn: texts(draft.text.copingOnMyOwn),
    peopleAndPlaces: texts(draft.text.peopleAndPlaces),
    peopleToAsk: contacts(draft.contacts.peopleToAsk),
    professionals: contacts(draft.contacts.professionals),
    saferSpace: texts(draft.text.saferSpace),
    reasonsForLiving: texts(draft.text.reasonsForLiving),
    updatedAt,
  };
}

/**
 * The draft after a save: blank rows gone (as in the stored plan), every other row kept as it is,
 * with the same ids, so nothing on screen is re-created and focus stays where it was.
 */
export function tidyDraft(draft: SafetyDraft): SafetyDraft {
  const texts = (list: DraftText[]) => list.filter((row) => row.text.trim() !== '');
  const contacts = (list: DraftContact[]) =>
    list.filter((c) => c.name.trim() !== '' || c.phone.trim() !== '' || c.note.trim() !== '');
  return {
    nextId: draft.nextId,
    text: {
      warningSigns: texts(draft.text.warningSigns),
      copingOnMyOwn: texts(draft.text.copingOnMyOwn),
      peopleAndPlaces: texts(draft.text.peopleAndPlaces),
      saferSpace: texts(draft.text.saferSpace),
      reasonsForLiving: texts(draft.text.reasonsForLiving),
    },
    contacts: {
      peopleToAsk: contacts(draft.contacts.peopleToAsk),
      professionals: contacts(draft.contacts.professionals),
    },
  };
}

/** True when saving the draft would change the saved plan. */
export function hasUnsavedChanges(draft: SafetyDraft, saved: SafetyPlan): boolean {
  return JSON.stringify(draftToPlan(draft, null)) !== JSON.stringify({ ...saved, updatedAt: null });
}

export function sectionLength(draft: SafetyDraft, section: SectionDef): number {
  return section.kind === 'text' ? draft.text[section.key].length : draft.contacts[section.key].length;
}

export function addRow(draft: SafetyDraft, section: SectionDef): { draft: SafetyDraft; id: number } {
  const id = draft.nextId;
  if (section.kind === 'text') {
    const list = [...draft.text[section.key], { id, text: '' }];
    return { id, draft: { ...draft, nextId: id + 1, text: { ...draft.text, [section.key]: list } } };
  }
  const list = [...draft.contacts[section.key], { id, name: '', phone: '', note: '' }];
  return { id, draft: { ...draft, nextId: id + 1, contacts: { ...draft.contacts, [section.key]: list } } };
}

function withList<T>(list: readonly T[], change: (copy: T[]) => void): T[] {
  const copy = [...list];
  change(copy);
  return copy;
}

export function removeRow(draft: SafetyDraft, section: SectionDef, index: number): SafetyDraft {
  if (section.kind === 'text') {
    const list = withList(draft.text[section.key], (l) => l.splice(index, 1));
    return { ...draft, text: { ...draft.text, [section.key]: list } };
  }
  const list = withList(draft.contacts[section.key], (l) => l.splice(index, 1));
  return { ...draft, contacts: { ...draft.contacts, [section.key]: list } };
}

/** Moves the row at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveRow(draft: SafetyDraft, section: SectionDef, index: number, by: -1 | 1): SafetyDraft {
  const target = index + by;
  if (target < 0 || target >= sectionLength(draft, section)) return draft;
  const swap = <T,>(l: T[]) => {
    const [row] = l.splice(index, 1);
    if (row !== undefined) l.splice(target, 0, row);
  };
  if (section.kind === 'text') {
    return { ...draft, text: { ...draft.text, [section.key]: withList(draft.text[section.key], swap) } };
  }
  return { ...draft, contacts: { ...draft.contacts, [section.key]: withList(draft.contacts[section.key], swap) } };
}

export function updateText(draft: SafetyDraft, key: TextKey, index: number, text: string): SafetyDraft {
  const list = withList(draft.text[key], (l) => {
    const row = l[index];
    if (row) l[index] = { ...row, text };
  });
  return { ...draft, text: { ...draft.text, [key]: list } };
}

export function updateContact(
  draft: SafetyDraft,
  key: ContactKey,
  index: number,
  patch: Partial<Omit<DraftContact, 'id'>>,
): SafetyDraft {
  const list = withList(draft.contacts[key], (l) => {
    const row = l[index];
    if (row) l[index] = { ...row, ...patch };
  });
  return { ...draft, contacts: { ...draft.contacts, [key]: list } };
}

/** A phone number the backend accepts: digits, spaces and + ( ) - . only, with at least one digit. */
export function isPhoneLike(phone: string): boolean {
  return /\d/.test(phone) && /^[\d +().-]+$/.test(phone) && phone.length <= LIMITS.phoneChars;
}

export type DraftProblem = { key: ContactKey; index: number; field: 'name' | 'phone'; message: MessageId };

/**
 * Things to sort out before saving, in screen order. Phone numbers with other characters would be
 * refused, and a person with only a note (no name, no number) would be dropped by the backend.
 */
export function draftProblems(draft: SafetyDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const section of SECTIONS) {
    if (section.kind !== 'contact') continue;
    draft.contacts[section.key].forEach((contact, index) => {
      const phone = contact.phone.trim();
      if (phone !== '' && !isPhoneLike(phone)) {
        problems.push({ key: section.key, index, field: 'phone', message: 'safety.problem.phone' });
      } else if (contact.name.trim() === '' && phone === '' && contact.note.trim() !== '') {
        problems.push({ key: section.key, index, field: 'name', message: 'safety.problem.noteOnly' });
      }
    });
  }
  return problems;
}
