// The text of the prompt an entry answers; the prompts area owns the prompts.
import { usePromptText } from '../prompts/usePromptText';

export function usePromptTextSafe(): (promptId: string) => string | null {
  return usePromptText();
}
