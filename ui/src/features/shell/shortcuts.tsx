import { useIntl } from 'react-intl';
import type { MessageId } from '../../i18n';

/** Only shortcuts that work today are listed. */
export const SHORTCUTS: readonly { keys: MessageId; action: MessageId }[] = [
  { keys: 'shortcuts.newEntry.keys', action: 'shortcuts.newEntry' },
  { keys: 'shortcuts.search.keys', action: 'shortcuts.search' },
  { keys: 'shortcuts.lock.keys', action: 'shortcuts.lock' },
  { keys: 'shortcuts.quickHide.keys', action: 'shortcuts.quickHide' },
  { keys: 'shortcuts.overlay.keys', action: 'shortcuts.overlay' },
];

export function ShortcutsList({ testId }: { testId?: string }) {
  const intl = useIntl();
  return (
    <table className="shortcuts" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'shortcuts.key' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'shortcuts.action' })}</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((shortcut) => (
          <tr key={shortcut.action}>
            <td>
              <kbd>{intl.formatMessage({ id: shortcut.keys })}</kbd>
            </td>
            <td>{intl.formatMessage({ id: shortcut.action })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
