import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ChartLine, Heart } from 'lucide-react';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Intent } from '../shell/navigation';
import { Insights } from '../insights/Insights';
import { CheckIn } from './CheckIn';
import './feelings.css';

type FeelingsTab = 'checkin' | 'patterns';

/**
 * The Feelings area: the check-in (intent `checkin`, the default) and the patterns over time
 * (intent `insights`), as two tabs.
 */
export function Feelings({ intent }: { intent?: Intent }) {
  const intl = useIntl();
  const [tab, setTab] = useState<FeelingsTab>(intent?.kind === 'insights' ? 'patterns' : 'checkin');
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'feelings.title' })}</ScreenHeading>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(key) => setTab(key === 'patterns' ? 'patterns' : 'checkin')}
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
          <CheckIn onSeePatterns={() => setTab('patterns')} />
        </TabPanel>
        <TabPanel id="patterns" className="tabs__panel">
          <Insights />
        </TabPanel>
      </Tabs>
    </>
  );
}
