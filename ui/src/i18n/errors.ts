import type { ErrorCode } from '../api';
import type { MessageId } from './index';

/** Cove's own words for each backend error code (the backend's English message is never shown). */
export function errorMessageId(code: ErrorCode): MessageId {
  return `error.${code}`;
}
