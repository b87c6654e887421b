// The table alternative every insights chart has: a keyboard-reachable scrolling region named
// by the table's caption, with column headers; the caller gives the body rows.
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../i18n';

export function ChartTable({
  caption,
  columns,
  testId,
  children,
}: {
  caption: MessageId;
  columns: readonly MessageId[];
  testId: string;
  children: ReactNode;
}) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: caption });
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="insights-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="insights-table" data-testid={testId}>
        <caption>{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {intl.formatMessage({ id: column })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
