import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/AppContext';
import { EMPTY_LIBRARY, useOptionalLibrary } from './LibraryContext';
import { coreValence, CUSTOM_PREFIX, feelingById, type Valence } from './vocabulary';

/**
 * `(feelingId) => name`: the shipped word in the current language, the person's own word for
 * `custom:<id>`, or a neutral fallback ("A feeling") for ids that are not known (e.g. a custom
 * word that was removed later).
 */
export function useFeelingName(): (feelingId: string) => string {
  const intl = useIntl();
  const { locale } = useApp();
  const library = useOptionalLibrary()?.library ?? EMPTY_LIBRARY;
  return useCallback(
    (feelingId: string) => {
      const shipped = feelingById(feelingId);
      if (shipped) return shipped[locale].name;
      if (feelingId.startsWith(CUSTOM_PREFIX)) {
        const id = feelingId.slice(CUSTOM_PREFIX.length);
        const own = library.customFeelings.find((custom) => custom.id === id);
        if (own) return own.word;
      }
      return intl.formatMessage({ id: 'feelings.unknown' });
    },
    [intl, locale, library],
  );
}

/**
 * `(feelingId) => -1 | 0 | 1`: the valence of the feeling's core; a custom word takes its core's
 * valence, or 0 without a core; unknown ids are 0.
 */
export function useFeelingValence(): (feelingId: string) => Valence {
  const library = useOptionalLibrary()?.library ?? EMPTY_LIBRARY;
  return useCallback(
    (feelingId: string) => {
      const shipped = feelingById(feelingId);
      if (shipped) return coreValence(shipped.core);
      if (feelingId.startsWith(CUSTOM_PREFIX)) {
        const id = feelingId.slice(CUSTOM_PREFIX.length);
        return coreValence(library.customFeelings.find((custom) => custom.id === id)?.core);
      }
      return 0;
    },
    [library],
  );
}
