// Shared helpers for the pairing tests: People rendered on its own (with the app's catalogues
// and the fake backend), and the keys part of the fake.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import type { ContactRole } from '../../../api';
import { CATALOGUES } from '../../../i18n/all';
import { type AppLocale } from '../../../i18n';
import { createFakeBackend, type FakeBackend } from '../../../test/fakeBackend';
import type { createFakeShareKeys } from '../../../test/fakeShareKeys';
import { People } from './People';

export type FakeKeys = ReturnType<typeof createFakeShareKeys>;

/** The keys part of the fake backend (keys and contacts, the save dialog). */
export function fakeKeys(backend: FakeBackend): FakeKeys {
  return backend.sharing.keys as FakeKeys;
}

/** People for `role`, in a page of its own, with an unlocked fake backend. */
export async function renderPeople(
  role: ContactRole,
  { locale = 'en', seed }: { locale?: AppLocale; seed?: (backend: FakeBackend, keys: FakeKeys) => void } = {},
) {
  const backend = createFakeBackend({ unlocked: true });
  seed?.(backend, fakeKeys(backend));
  backend.install();
  const user = userEvent.setup();
  render(
    <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
      <I18nProvider locale={locale}>
        <main>
          <h1>Share</h1>
          <People role={role} />
        </main>
      </I18nProvider>
    </IntlProvider>,
  );
  await screen.findByTestId('my-key-text');
  return { backend, keys: fakeKeys(backend), user };
}

/** The texts of the paired contacts shown, in order. */
export const contactNames = () => screen.queryAllByTestId('contact-name').map((el) => el.textContent);

/** A date as the list says it ("March 10, 2026"). */
export function longDay(date: Date, locale: AppLocale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
