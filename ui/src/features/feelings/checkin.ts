// The check-in's state and the pure rules around it: what gets saved, when it counts as empty,
// when it was a hard one, and how a pad placement is put into words.
import type { Checkin, EntryDraft } from '../../api';
import type { Valence } from './vocabulary';

export const DEFAULT_INTENSITY = 3;
export const MIN_INTENSITY = 1;
export const MAX_INTENSITY = 5;
/** How far one arrow key press moves the dot on the pad (the pad spans -1 … 1). */
export const PAD_STEP = 0.25;
/** A custom word longer than this gets a kind note instead of being saved (as the backend). */
export const MAX_OWN_WORD_CHARS = 40;
export const MAX_OWN_MEANING_CHARS = 200;
/** Longest "what's going on" / "what helped" the backend takes, in characters. */
export const MAX_NOTE_CHARS = 20_000;
/** Most feelings in one check-in (as the backend). */
export const MAX_PICKS = 40;

export type Pick = { feeling: string; intensity: number };
export type PadPoint = { pleasantness: number; energy: number };

export type CheckinDraft = {
  /** In the order they were chosen. */
  picks: Pick[];
  pad: PadPoint | null;
  sensations: string[];
  goingOn: string;
  helped: string;
};

export const EMPTY_DRAFT: CheckinDraft = { picks: [], pad: null, sensations: [], goingOn: '', helped: '' };

/** Chooses or unchooses a word; past MAX_PICKS words, choosing another does nothing. */
export function togglePick(draft: CheckinDraft, feeling: string): CheckinDraft {
  const chosen = draft.picks.some((p) => p.feeling === feeling);
  if (!chosen && draft.picks.length >= MAX_PICKS) return draft;
  return {
    ...draft,
    picks: chosen
      ? draft.picks.filter((p) => p.feeling !== feeling)
      : [...draft.picks, { feeling, intensity: DEFAULT_INTENSITY }],
  };
}

export function choosePick(draft: CheckinDraft, feeling: string): CheckinDraft {
  return draft.picks.some((p) => p.feeling === feeling) ? draft : togglePick(draft, feeling);
}

export function setIntensity(draft: CheckinDraft, feeling: string, intensity: number): CheckinDraft {
  const value = Math.min(MAX_INTENSITY, Math.max(MIN_INTENSITY, Math.round(intensity)));
  return { ...draft, picks: draft.picks.map((p) => (p.feeling === feeling ? { ...p, intensity: value } : p)) };
}

export function toggleSensation(draft: CheckinDraft, id: string): CheckinDraft {
  return {
    ...draft,
    sensations: draft.sensations.includes(id) ? draft.sensations.filter((s) => s !== id) : [...draft.sensations, id],
  };
}

const blank = (text: string) => text.trim() === '';

/** Nothing chosen, placed or written: there is nothing to save. */
export function draftIsEmpty(draft: CheckinDraft): boolean {
  return draft.picks.length === 0 && draft.pad === null && blank(draft.goingOn) && blank(draft.helped);
}

export const noteTooLong = (text: string) => [...text].length > MAX_NOTE_CHARS;

/** Something is over what one check-in can hold: say so and keep Save off. */
export function draftTooLong(draft: CheckinDraft): boolean {
  return noteTooLong(draft.goingOn) || noteTooLong(draft.helped);
}

/** Any hard feeling (valence -1) chosen at 4 or 5: Help and the safety plan are offered quietly. */
export function isHardCheckin(picks: readonly Pick[], valenceOf: (feeling: string) => Valence): boolean {
  return picks.some((p) => valenceOf(p.feeling) === -1 && p.intensity >= 4);
}

const clampUnit = (n: number) => Math.min(1, Math.max(-1, n));
/** Rounds to 2 decimals so keyboard steps stay exact (0.25, 0.5, …) and saved values are tidy. */
const tidy = (n: number) => Math.round(clampUnit(n) * 100) / 100;

export function padPoint(pleasantness: number, energy: number): PadPoint {
  return { pleasantness: tidy(pleasantness), energy: tidy(energy) };
}

/**
 * The pad's keyboard: arrows move the dot (placing it in the middle first if it wasn't placed),
 * Home, Delete and Backspace clear it. Returns `undefined` for keys the pad does not use.
 */
export function padKey(point: PadPoint | null, key: string, big = false): PadPoint | null | undefined {
  const step = big ? PAD_STEP * 2 : PAD_STEP;
  const from = point ?? { pleasantness: 0, energy: 0 };
  switch (key) {
    case 'ArrowLeft':
      return padPoint(from.pleasantness - step, from.energy);
    case 'ArrowRight':
      return padPoint(from.pleasantness + step, from.energy);
    case 'ArrowUp':
      return padPoint(from.pleasantness, from.energy + step);
    case 'ArrowDown':
      return padPoint(from.pleasantness, from.energy - step);
    case 'Home':
    case 'Delete':
    case 'Backspace':
      return null;
    default:
      return undefined;
  }
}

export type PleasantWord = 'vhard' | 'hard' | 'mid' | 'good' | 'vgood';
export type EnergyWord = 'vlow' | 'low' | 'mid' | 'high' | 'vhigh';

function bucket(n: number): 0 | 1 | 2 | 3 | 4 {
  if (n <= -0.625) return 0;
  if (n < -0.125) return 1;
  if (n <= 0.125) return 2;
  if (n < 0.625) return 3;
  return 4;
}

/** The words the pad's value is said with (see `checkin.pad.value`). */
export function padWords(point: PadPoint): { pleasant: PleasantWord; energy: EnergyWord } {
  const pleasant = (['vhard', 'hard', 'mid', 'good', 'vgood'] as const)[bucket(point.pleasantness)];
  const energy = (['vlow', 'low', 'mid', 'high', 'vhigh'] as const)[bucket(point.energy)];
  return { pleasant, energy };
}

const optional = (text: string) => (blank(text) ? null : text);

/** The structured check-in as `save_entry` takes it. */
export function toCheckin(draft: CheckinDraft, valenceOf: (feeling: string) => Valence): Checkin {
  return {
    feelings: draft.picks.map((p) => ({ feeling: p.feeling, intensity: p.intensity, valence: valenceOf(p.feeling) })),
    pleasantness: draft.pad?.pleasantness ?? null,
    energy: draft.pad?.energy ?? null,
    sensations: [...draft.sensations],
    goingOn: optional(draft.goingOn),
    helped: optional(draft.helped),
  };
}

export function toEntryDraft(draft: CheckinDraft, valenceOf: (feeling: string) => Valence): EntryDraft {
  return {
    id: null,
    kind: 'checkin',
    title: null,
    body: '',
    tags: [],
    promptId: null,
    checkin: toCheckin(draft, valenceOf),
  };
}

/** A short random id for one of the person's own words (referenced as `custom:<id>`). */
export function newCustomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
