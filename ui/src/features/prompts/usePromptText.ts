import { useCallback } from 'react';
import { useApp } from '../../app/AppContext';
import { useLibrary } from '../feelings/LibraryContext';
import { findCustomPrompt, shippedPromptText } from './prompts';

/**
 * `(promptId) => text`: a shipped prompt in the current language, the person's own prompt for
 * `custom:<id>`, or `null` when the id is not known (e.g. an own prompt that was removed later).
 */
export function usePromptText(): (promptId: string) => string | null {
  const { locale } = useApp();
  const { library } = useLibrary();
  return useCallback(
    (promptId: string) => shippedPromptText(promptId, locale) ?? findCustomPrompt(library, promptId)?.text ?? null,
    [locale, library],
  );
}
