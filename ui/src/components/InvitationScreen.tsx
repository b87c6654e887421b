import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../i18n';
import { EmptyState } from './EmptyState';
import { ScreenHeading } from './ScreenHeading';

/** A screen that isn't built yet: its heading and an honest invitation saying what will live here. */
export function InvitationScreen({ title, invitation, icon }: { title: MessageId; invitation: MessageId; icon: ReactNode }) {
  const intl = useIntl();
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: title })}</ScreenHeading>
      <EmptyState icon={icon}>{intl.formatMessage({ id: invitation })}</EmptyState>
    </>
  );
}
