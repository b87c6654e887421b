import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Sun } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useProfile } from '../shell/ProfileContext';
import { dayPeriod } from './greeting';

export function Today() {
  const intl = useIntl();
  const { profile } = useProfile();
  const [period] = useState(() => dayPeriod(new Date()));
  const name = profile.name?.trim();
  const greeting = name
    ? intl.formatMessage({ id: 'today.greeting.named' }, { period, name })
    : intl.formatMessage({ id: 'today.greeting.anonymous' }, { period });
  return (
    <>
      <ScreenHeading className="screen-title--writing">{greeting}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'today.invitation' })}</p>
      <EmptyState icon={<Sun size={28} />}>{intl.formatMessage({ id: 'today.soon' })}</EmptyState>
    </>
  );
}
