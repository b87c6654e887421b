// Makes react-intl check message ids at compile time.
import type { MessageId } from './index';

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
