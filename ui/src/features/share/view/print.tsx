// Printing a share: the share is drawn into a print-only container at the end of <body> (the
// screen never shows it; while it is there, print styles hide everything else), then the backend
// opens the system print dialog (`print_page`). That call returns at once and the page is printed
// as it is whenever the person presses Print, which the page can't know (and `afterprint` can't
// be relied on), so the container stays until the caller disposes of it: when the share flow goes
// away (another area, a lock) or the next print replaces it. Taking it away earlier would print
// the app's screen instead. There is never more than one. The printed copy is not locked: the
// share flow warns before and logs the share; this only draws it.
import { useCallback, useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { IntlProvider, useIntl } from 'react-intl';
import * as api from '../../../api';
import type { SharePayload } from '../../../api';
import { useApp } from '../../../app/AppContext';
import type { AppLocale, Messages } from '../../../i18n';
import { SharedView } from './SharedView';
import { wallClock } from '../../journal/format';
import './view.css';

export type PrintOptions = {
  /** The words of the language it is printed in (the app's, as shown). */
  messages: Messages;
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

/** A share drawn for printing, with the system print dialog asked for. */
export type PrintJob = {
  /** Takes the container (and the body's print class) away. Safe to call more than once. */
  dispose: () => void;
  /**
   * Resolves once the print dialog is open (the container stays); rejects, with the container
   * already gone, if it could not be opened.
   */
  opened: Promise<void>;
};

/** The one container there may be; a new print disposes of it first. */
let current: PrintJob | null = null;

/**
 * Draws `payload` as it would show on screen, with a title line saying it is not encrypted, into
 * the print-only container, and opens the system print dialog. The container stays until
 * `dispose()` or the next `printShare`.
 */
export function printShare(payload: SharePayload, options: PrintOptions): PrintJob {
  current?.dispose();
  const locale = options.locale ?? pageLocale();
  const appName = options.appName ?? (document.title.trim() || options.messages['app.name']);
  const host = document.createElement('div');
  host.className = 'print-only';
  host.setAttribute('data-testid', 'print-view');
  // It stays while the dialog may be open: for paper only, never for the screen or a screen reader.
  host.setAttribute('aria-hidden', 'true');
  // Paper is white: the light theme's tokens, whatever the screen uses.
  host.dataset.theme = 'light';
  host.dataset.look = 'warm';
  host.dataset.accent = document.documentElement.dataset.accent ?? 'teal';
  document.body.appendChild(host);
  document.body.classList.add('printing-share');
  const root = createRoot(host);
  flushSync(() => {
    root.render(
      <IntlProvider locale={locale} defaultLocale="en" messages={options.messages}>
        <PrintSheet payload={payload} appName={appName} />
      </IntlProvider>,
    );
  });

  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    if (current?.dispose === dispose) current = null;
    // Off the page at once; the root itself is unmounted once React is done with what it is
    // doing (this may run while a parent is unmounting).
    host.remove();
    document.body.classList.remove('printing-share');
    queueMicrotask(() => root.unmount());
  };
  const job: PrintJob = {
    dispose,
    opened: api.printPage().then(
      () => undefined,
      (error: unknown) => {
        dispose();
        throw error;
      },
    ),
  };
  current = job;
  return job;
}

/**
 * `printShare` with the app's own language and chosen name. The returned function resolves once
 * the print dialog is open and rejects if it could not be. What it drew stays until the component
 * using this unmounts or prints again.
 */
export function usePrintShare(): (payload: SharePayload) => Promise<void> {
  const intl = useIntl();
  const { appName } = useApp();
  const locale: AppLocale = intl.locale === 'es' ? 'es' : 'en';
  const messages = intl.messages as Messages;
  const job = useRef<PrintJob | null>(null);
  useEffect(
    () => () => {
      job.current?.dispose();
      job.current = null;
    },
    [],
  );
  return useCallback(
    (payload: SharePayload) => {
      job.current?.dispose();
      job.current = printShare(payload, { messages, locale, appName });
      return job.current.opened;
    },
    [messages, locale, appName],
  );
}
