// The share flow's words for what the backend answered (its English message is never shown).
import type { ErrorCode } from '../../../api';
import type { MessageId } from '../../../i18n';
import { errorMessageId } from '../../../i18n/errors';

/** While building the preview: something picked is gone, or didn't fit. */
const PREVIEW_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  not_found: 'shareFlow.problem.gone',
  invalid_input: 'shareFlow.problem.previewInvalid',
};

/** While writing a file or making the text: the place, the space, the counselor. */
const SEND_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  not_found: 'shareFlow.problem.sendGone',
  invalid_input: 'shareFlow.problem.saveInvalid',
  storage_full: 'shareFlow.problem.storageFull',
  storage: 'shareFlow.problem.storage',
  share_too_large: 'shareFlow.problem.tooLarge',
};

export function errorWords(code: ErrorCode): MessageId {
  return errorMessageId(code);
}

export function previewErrorWords(code: ErrorCode): MessageId {
  return PREVIEW_WORDS[code] ?? errorMessageId(code);
}

export function sendErrorWords(code: ErrorCode): MessageId {
  return SEND_WORDS[code] ?? errorMessageId(code);
}
