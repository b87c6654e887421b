// Words for the identity space's entries: what was tried ("River · xe/xem"), how it felt, and a
// one-line description of a try-on, a moment or an identity reflection. Used by the identity
// screens and by the journal (cards, the entry, the editor) when an identity entry shows there.
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { ErrorCode, IdentityPart, PronounSet } from '../../api';
import type { MessageId } from '../../i18n';
import { completeSet } from './grammar';
import { pronounLabel } from './sentences';

/** The "how did that feel?" scale, from "really not me" to "euphoric". */
export const FELT_VALUES = [-2, -1, 0, 1, 2] as const;

export type Felt = (typeof FELT_VALUES)[number];

const FELT_WORD: Record<Felt, MessageId> = {
  [-2]: 'identitySpace.felt.-2',
  [-1]: 'identitySpace.felt.-1',
  0: 'identitySpace.felt.0',
  1: 'identitySpace.felt.1',
  2: 'identitySpace.felt.2',
};

export function isFelt(value: number | null | undefined): value is Felt {
  return value != null && (FELT_VALUES as readonly number[]).includes(value);
}

/** The word for a place on the scale ("Good"); out-of-range values are clamped. */
export function feltWord(intl: IntlShape, felt: number): string {
  const clamped = Math.max(-2, Math.min(2, Math.round(felt))) as Felt;
  return intl.formatMessage({ id: FELT_WORD[clamped] });
}

/** A set as shown in lists: "xe/xem", "any pronouns", or a custom set's first two forms. */
export function setLabel(intl: IntlShape, set: PronounSet): string {
  return pronounLabel(intl, set.id === 'custom' ? completeSet(set) : set);
}

/** "River · xe/xem", "River", "xe/xem". */
export function triedLabel(intl: IntlShape, name: string | null, pronouns: PronounSet | null): string {
  const parts = [name?.trim() || null, pronouns ? setLabel(intl, pronouns) : null].filter((p): p is string => p !== null);
  if (parts.length === 0) return intl.formatMessage({ id: 'identitySpace.tried.nothing' });
  return parts.join(' · ');
}

/** One line about an identity entry: "Tried River · xe/xem — felt: good", "A moment of euphoria"… */
export function identityPartText(intl: IntlShape, part: IdentityPart): string {
  switch (part.kind) {
    case 'try_on': {
      const what = triedLabel(intl, part.name, part.pronouns);
      return part.felt === null
        ? intl.formatMessage({ id: 'identitySpace.item.tryOn' }, { what })
        : intl.formatMessage({ id: 'identitySpace.item.tryOnFelt' }, { what, felt: feltWord(intl, part.felt).toLocaleLowerCase(intl.locale) });
    }
    case 'moment':
      return intl.formatMessage({
        id: part.moment === 'dysphoria' ? 'identitySpace.item.dysphoria' : 'identitySpace.item.euphoria',
      });
    default:
      return intl.formatMessage({ id: 'identitySpace.item.reflection' });
  }
}

/** Kind words when something couldn't be saved: what happened, what to do, and that nothing is lost. */
export function saveProblemId(code: ErrorCode): MessageId {
  if (code === 'locked' || code === 'no_vault') return 'error.locked';
  if (code === 'invalid_input') return 'identitySpace.saveInvalid';
  if (code === 'storage_full') return 'error.storage_full';
  return 'identitySpace.saveProblem';
}

/** The functions above, bound to the current language. */
export function useIdentityWords() {
  const intl = useIntl();
  return useMemo(
    () => ({
      feltWord: (felt: number) => feltWord(intl, felt),
      triedLabel: (name: string | null, pronouns: PronounSet | null) => triedLabel(intl, name, pronouns),
      partText: (part: IdentityPart) => identityPartText(intl, part),
    }),
    [intl],
  );
}
