// Test support for the prompts and insights views (imported by their tests only): renders a view
// with what the unlocked Shell gives it — messages, the app context, the library and navigation —
// on top of the fake backend, so the view talks to it through the real src/api module.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import { AppContext, type AppContextValue } from '../../app/AppContext';
import { CATALOGUES } from '../../i18n/all';
import { type AppLocale } from '../../i18n';
import { LibraryProvider } from '../feelings/LibraryContext';
import { NavigationContext, type Navigate } from '../shell/navigation';
import type { FakeBackend } from '../../test/fakeBackend';

const noop = () => undefined;

export function renderInSession(
  ui: ReactNode,
  { backend, navigate, locale = 'en' }: { backend: FakeBackend; navigate: Navigate; locale?: AppLocale },
) {
  backend.state.unlocked = true;
  backend.state.prefs = { ...backend.state.prefs, language: locale };
  backend.install();
  document.documentElement.lang = locale;
  const app: AppContextValue = {
    status: { vaultExists: true, unlocked: true, pinEnabled: false, prefs: backend.state.prefs },
    locale,
    appName: 'Cove',
    updatePrefs: async () => undefined,
    refreshStatus: async () => null,
    lockNow: noop,
    openRestoredJournal: noop,
  };
  const user = userEvent.setup();
  const utils = render(
    <IntlProvider locale={locale} defaultLocale="en" messages={CATALOGUES[locale]}>
      <I18nProvider locale={locale}>
        <AppContext.Provider value={app}>
          <LibraryProvider onLock={noop}>
            <NavigationContext.Provider value={navigate}>
              <main>{ui}</main>
            </NavigationContext.Provider>
          </LibraryProvider>
        </AppContext.Provider>
      </I18nProvider>
    </IntlProvider>,
  );
  return { user, ...utils };
}
