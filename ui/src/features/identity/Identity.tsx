import { startTransition, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { History, Lock, NotebookPen, Shirt, UserRound } from 'lucide-react';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { IdentityTab, Intent } from '../shell/navigation';
import { IdentityTimeline } from './IdentityTimeline';
import { ProfileEditor } from './ProfileEditor';
import { Reflect } from './Reflect';
import { TryOn } from './TryOn';
import './identitySpace.css';

const TABS: readonly IdentityTab[] = ['tryon', 'reflect', 'timeline', 'profile'];

const isTab = (key: unknown): key is IdentityTab => typeof key === 'string' && (TABS as readonly string[]).includes(key);

/**
 * The identity space: trying names and pronouns on, reflections and quick moments, the timeline
 * of what was tried and how it felt, and the person's own name and pronouns. Private by default:
 * nothing from here shows anywhere else unless the person chooses.
 */
export function Identity({ intent }: { intent?: Intent }) {
  const intl = useIntl();
  const [tab, setTab] = useState<IdentityTab>(intent?.kind === 'identity' ? intent.tab : 'tryon');
  // "Use this in the app" changes the profile: the profile form starts again from what is saved.
  const [profileVersion, setProfileVersion] = useState(0);
  const profileHeadingId = useId();
  return (
    <div className="identity-space" data-testid="identity">
      <ScreenHeading>{intl.formatMessage({ id: 'identity.title' })}</ScreenHeading>
      <p className="lead identity-space__intro">{intl.formatMessage({ id: 'identitySpace.intro' })}</p>
      <p className="identity-space__private" data-testid="identity-private">
        <Lock size={16} aria-hidden="true" />
        <span>{intl.formatMessage({ id: 'identitySpace.private' })}</span>
      </p>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(key) => {
          if (isTab(key)) startTransition(() => setTab(key));
        }}
      >
        <TabList className="tabs__list" aria-label={intl.formatMessage({ id: 'identitySpace.tabs' })}>
          <Tab id="tryon" className="tabs__tab" data-testid="identity-tab-tryon">
            <Shirt size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'identitySpace.tab.tryon' })}
          </Tab>
          <Tab id="reflect" className="tabs__tab" data-testid="identity-tab-reflect">
            <NotebookPen size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'identitySpace.tab.reflect' })}
          </Tab>
          <Tab id="timeline" className="tabs__tab" data-testid="identity-tab-timeline">
            <History size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'identitySpace.tab.timeline' })}
          </Tab>
          <Tab id="profile" className="tabs__tab" data-testid="identity-tab-profile">
            <UserRound size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'identitySpace.tab.profile' })}
          </Tab>
        </TabList>
        {/* Try on, Reflect and the profile stay mounted, so nothing typed is lost when switching. */}
        <TabPanel id="tryon" className="tabs__panel" shouldForceMount>
          <TryOn onProfileChanged={() => setProfileVersion((v) => v + 1)} />
        </TabPanel>
        <TabPanel id="reflect" className="tabs__panel" shouldForceMount>
          <Reflect onSeeTimeline={() => setTab('timeline')} />
        </TabPanel>
        <TabPanel id="timeline" className="tabs__panel">
          <IdentityTimeline onTryOn={() => setTab('tryon')} onReflect={() => setTab('reflect')} />
        </TabPanel>
        <TabPanel id="profile" className="tabs__panel" shouldForceMount>
          <section className="identity-profile" aria-labelledby={profileHeadingId}>
            <h2 id={profileHeadingId} className="identity-section__title">
              {intl.formatMessage({ id: 'identitySpace.profile.title' })}
            </h2>
            <p className="identity-section__lead">{intl.formatMessage({ id: 'identitySpace.profile.lead' })}</p>
            <ProfileEditor key={profileVersion} testId="identity-profile" />
          </section>
        </TabPanel>
      </Tabs>
    </div>
  );
}
