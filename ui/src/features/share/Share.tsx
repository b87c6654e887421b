import { startTransition, useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { History, Inbox as InboxIcon, KeyRound, Lightbulb, MailOpen, Send } from 'lucide-react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import type { MessageId } from '../../i18n';
import { People } from './keys/People';
import { ShareFlow } from './flow/ShareFlow';
import { ShareLog } from './log/ShareLog';
import { Inbox } from './inbox/Inbox';
import { Suggest } from './inbox/Suggest';
import { Received } from './inbox/Received';
import './share.css';

type ShareTab = 'send' | 'people' | 'received' | 'log' | 'inbox' | 'suggest';

const CLIENT_TABS: readonly ShareTab[] = ['send', 'people', 'received', 'log'];
const COUNSELOR_TABS: readonly ShareTab[] = ['inbox', 'people', 'suggest', 'log'];

const TAB_WORDS: Record<ShareTab, { label: MessageId; icon: typeof Send }> = {
  send: { label: 'share.tab.send', icon: Send },
  people: { label: 'share.tab.people', icon: KeyRound },
  received: { label: 'share.tab.received', icon: MailOpen },
  log: { label: 'share.tab.log', icon: History },
  inbox: { label: 'share.tab.inbox', icon: InboxIcon },
  suggest: { label: 'share.tab.suggest', icon: Lightbulb },
};

/**
 * Sharing. A client chooses what goes to a counselor (and sees it first), pairs with their
 * counselors, opens the ideas a counselor sent back and sees every share that went out. In
 * counselor mode the same place is the inbox of what clients shared, the clients paired with,
 * and the ideas sent back.
 */
export function Share() {
  const intl = useIntl();
  const { status } = useApp();
  const counselor = status.prefs.mode === 'counselor';
  const tabs = counselor ? COUNSELOR_TABS : CLIENT_TABS;
  const [tab, setTab] = useState<ShareTab>(counselor ? 'inbox' : 'send');
  // Which client "Suggest ideas" was opened for from the inbox.
  const [suggestFor, setSuggestFor] = useState<number | null>(null);
  const [suggestVisit, setSuggestVisit] = useState(0);
  const choose = (next: ShareTab) => startTransition(() => setTab(next));

  const panel = (id: ShareTab) => {
    switch (id) {
      case 'send':
        return <ShareFlow onSeeLog={() => choose('log')} onPair={() => choose('people')} />;
      case 'people':
        return <People role={counselor ? 'client' : 'counselor'} />;
      case 'received':
        return <Received />;
      case 'log':
        return <ShareLog />;
      case 'inbox':
        return (
          <Inbox
            onSuggest={(contactId: number | null) => {
              setSuggestFor(contactId);
              setSuggestVisit((visit) => visit + 1);
              choose('suggest');
            }}
          />
        );
      case 'suggest':
        return <Suggest key={suggestVisit} contactId={suggestFor} onPair={() => choose('people')} />;
    }
  };

  return (
    <div className="share-area" data-testid="share">
      <ScreenHeading>{intl.formatMessage({ id: counselor ? 'share.titleCounselor' : 'share.title' })}</ScreenHeading>
      <p className="lead share-area__intro">
        {intl.formatMessage({ id: counselor ? 'share.introCounselor' : 'share.intro' })}
      </p>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(key) => {
          if (typeof key === 'string' && (tabs as readonly string[]).includes(key)) choose(key as ShareTab);
        }}
      >
        <TabList className="tabs__list" aria-label={intl.formatMessage({ id: 'share.tabs' })}>
          {tabs.map((id) => {
            const { label, icon: Icon } = TAB_WORDS[id];
            // A counselor's log is of the ideas sent back.
            const words: MessageId = id === 'log' && counselor ? 'share.tab.logCounselor' : label;
            return (
              <Tab key={id} id={id} className="tabs__tab" data-testid={`share-tab-${id}`}>
                <Icon size={18} aria-hidden="true" />
                {intl.formatMessage({ id: words })}
              </Tab>
            );
          })}
        </TabList>
        {tabs.map((id) => (
          // The share flow keeps its place (and what was picked) while another tab is open.
          <TabPanel key={id} id={id} className="tabs__panel" shouldForceMount={id === 'send' || id === 'suggest'}>
            {panel(id)}
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
