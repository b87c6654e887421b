import { startTransition, useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ChartLine, Heart } from 'lucide-react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { lazyComponent } from '../../app/lazyComponent';
import type { Intent } from '../shell/navigation';
import { CheckIn } from './CheckIn';
import './feelings.css';

// The charts library is most of Cove's code: it loads when Patterns is first opened, not for a check-in.
const Insights = lazyComponent(() => import('../insights/Insights').then((m) => m.Insights));

type FeelingsTab = 'checkin' | 'patterns';

/**
 * The Feelings area: the check-in (intent `checkin`, the default) and the patterns over time
 * (intent `insights`), as two tabs.
 */
export function Feelings({ intent }: { intent?: Intent }) {
  const intl = useIntl();
  const [tab, setTab] = useState<FeelingsTab>(intent?.kind === 'insights' ? 'patterns' : 'checkin');
  // Switching tabs is a transition: the check-in stays up while the charts' code loads (the
  // shell's Suspense boundary around the area holds the screen as it is).
  const showTab = (next: FeelingsTab) => startTransition(() => setTab(next));
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'feelings.title' })}</ScreenHeading>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(key) => showTab(key === 'patterns' ? 'patterns' : 'checkin')}
      >
        <TabList className="tabs__list" aria-label={intl.formatMessage({ id: 'feelings.tabs' })}>
          <Tab id="checkin" className="tabs__tab" data-testid="feelings-tab-checkin">
            <Heart size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'feelings.tab.checkin' })}
          </Tab>
          <Tab id="patterns" className="tabs__tab" data-testid="feelings-tab-patterns">
            <ChartLine size={18} aria-hidden="true" />
            {intl.formatMessage({ id: 'feelings.tab.patterns' })}
          </Tab>
        </TabList>
        {/* Kept mounted while Patterns shows, so a check-in in progress is still there on return. */}
        <TabPanel id="checkin" className="tabs__panel" shouldForceMount>
          <CheckIn onSeePatterns={() => showTab('patterns')} />
        </TabPanel>
        <TabPanel id="patterns" className="tabs__panel">
          <Insights />
        </TabPanel>
      </Tabs>
    </>
  );
}
