// Printing a share: the share is drawn into a print-only container at the end of <body> (the
// screen never shows it; the print hides everything else), the system print dialog opens, and
// the container is removed afterwards. The printed copy is not locked: the share flow warns
// before and logs the share; this only draws it.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { IntlProvider, useIntl } from 'react-intl';
import type { SharePayload } from '../../../api';
import { useApp } from '../../../app/AppContext';
import { CATALOGUES, type AppLocale } from '../../../i18n';
import { SharedView } from './SharedView';
import { wallClock } from '../../journal/format';
import './view.css';

export type PrintOptions = {
  /** Defaults to the page's language (`<html lang>`, set by the app). */
  locale?: AppLocale;
  /** The app's name as the person chose it; defaults to the document title (set by the app). */
  appName?: string;
};

function PrintSheet({ payload, appName }: { payload: SharePayload; appName: string }) {
  const intl = useIntl();
  const date = intl.formatDate(wallClock(payload.createdAt), { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <div className="print-sheet">
      <p className="print-sheet__title" data-testid="print-title">
        {intl.formatMessage({ id: 'shareView.print.title' }, { appName, date })}
      </p>
      <SharedView payload={payload} />
    </div>
  );
}

function pageLocale(): AppLocale {
  return document.documentElement.lang.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * Prints `payload` as it would show on screen, with a title line saying it is not encrypted.
 * Resolves once the print container is gone again (after the print dialog closes).
 */
export function printShare(payload: SharePayload, options: PrintOptions = {}): Promise<void> {
  const locale = options.locale ?? pageLocale();
  const appName = options.appName ?? (document.title.trim() || CATALOGUES[locale]['app.name']);
  const host = document.createElement('div');
  host.className = 'print-only';
  host.setAttribute('data-testid', 'print-view');
  // Paper is white: the light theme's tokens, whatever the screen uses.
  host.dataset.theme = 'light';
  host.dataset.look = 'warm';
  host.dataset.accent = document.documentElement.dataset.accent ?? 'teal';
  document.body.appendChild(host);
  document.body.classList.add('printing-share');
  const root = createRoot(host);
  flushSync(() => {
    root.render(
      <IntlProvider locale={locale} defaultLocale="en" messages={CATALOGUES[locale]}>
        <PrintSheet payload={payload} appName={appName} />
      </IntlProvider>,
    );
  });

  return new Promise<void>((resolve) => {
    let done = false;
    const cleanup = () => {
      if (done) return;
      done = true;
      window.removeEventListener('afterprint', cleanup);
      root.unmount();
      host.remove();
      document.body.classList.remove('printing-share');
      resolve();
    };
    window.addEventListener('afterprint', cleanup);
    try {
      // Blocks until the dialog closes in the system webviews; `afterprint` follows.
      window.print();
    } finally {
      // In case `afterprint` never comes (or printing is not possible here), tidy up soon after.
      window.setTimeout(cleanup, 1000);
    }
  });
}

/** `printShare` with the app's own language and chosen name. */
export function usePrintShare(): (payload: SharePayload) => Promise<void> {
  const intl = useIntl();
  const { appName } = useApp();
  const locale: AppLocale = intl.locale === 'es' ? 'es' : 'en';
  return (payload) => printShare(payload, { locale, appName });
}
