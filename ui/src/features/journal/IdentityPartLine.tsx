import { useIntl } from 'react-intl';
import { UserRound } from 'lucide-react';
import type { IdentityPart } from '../../api';
import { useIdentityWords } from '../identity/identityWords';

/**
 * What an identity entry is (a try-on and how it felt, a moment, an identity reflection), and
 * that it belongs to the identity space. Shown above its words in the entry and the editor.
 * `showWhat` false: the heading already says what it is.
 */
export function IdentityPartLine({ part, testId, showWhat = true }: { part: IdentityPart; testId: string; showWhat?: boolean }) {
  const intl = useIntl();
  const { partText } = useIdentityWords();
  let text: string;
  if (part.kind === 'reflection') text = intl.formatMessage({ id: 'identitySpace.journal.reflectionLine' });
  else if (showWhat) text = intl.formatMessage({ id: 'identitySpace.journal.partLine' }, { what: partText(part) });
  else text = intl.formatMessage({ id: 'identitySpace.journal.spaceLine' });
  return (
    <p className="entry-identity" data-testid={testId}>
      <UserRound size={18} aria-hidden="true" />
      <span dir="auto">{text}</span>
    </p>
  );
}
