import { Copy } from 'lucide-react';
import { useIntl } from 'react-intl';
import { Button } from '../../components/Button';

/** Puts text on the clipboard. Rejects when the clipboard isn't available or refuses. */
export async function copyToClipboard(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('No clipboard here');
  await clipboard.writeText(text);
}

/**
 * "Copy" beside a number. It only copies: it never dials, texts or opens anything. The visible
 * word is "Copy"; screen readers also hear what is copied (`context`), e.g. "Copy 988".
 */
export function CopyButton({
  value,
  context,
  onCopied,
  onFailed,
  testId,
}: {
  value: string;
  /** Said after "Copy" for screen readers; defaults to the value itself. */
  context?: string;
  onCopied: (value: string) => void;
  onFailed: (value: string) => void;
  testId: string;
}) {
  const intl = useIntl();
  const copy = () => {
    copyToClipboard(value).then(
      () => onCopied(value),
      () => onFailed(value),
    );
  };
  return (
    <Button
      variant="secondary"
      className="copy-button"
      icon={<Copy size={18} />}
      onPress={copy}
      aria-label={intl.formatMessage({ id: 'help.copyLabel' }, { value: context ?? value })}
      data-testid={testId}
    >
      {intl.formatMessage({ id: 'help.copy' })}
    </Button>
  );
}
