import { act, screen, waitFor } from '@testing-library/react';
import { mockIPC } from '@tauri-apps/api/mocks';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '../../../components/Button';
import { printShare, usePrintShare, type PrintJob } from './print';
import { FULL_PAYLOAD, appContext, renderView } from './testSupport';
import { CATALOGUES } from '../../../i18n/all';

type Seen = { containers: number; printing: boolean; title: string | null; items: number; theme: string | null; text: string };

const containers = () => document.querySelectorAll<HTMLElement>('[data-testid="print-view"]');

/** What the page holds right now, as the print dialog would print it. */
function look(): Seen {
  const all = containers();
  const host = all[0] ?? null;
  return {
    containers: [...all].filter((el) => el.parentElement === document.body).length,
    printing: document.body.classList.contains('printing-share'),
    title: host?.querySelector('[data-testid="print-title"]')?.textContent ?? null,
    items: host?.querySelectorAll('[data-testid="shared-item"]').length ?? 0,
    theme: host?.getAttribute('data-theme') ?? null,
    text: host?.textContent ?? '',
  };
}

/**
 * The backend's `print_page`: records what the page held when the dialog was asked for, then
 * answers at once (the dialog stays open on its own) or fails.
 */
function systemDialog(answer: 'opens' | 'fails' = 'opens') {
  const seen: Seen[] = [];
  mockIPC((cmd) => {
    if (cmd !== 'print_page') throw new Error(`unexpected command ${cmd}`);
    seen.push(look());
    if (answer === 'fails') throw { code: 'internal', message: 'The print dialog could not be opened.' };
    return null;
  });
  return seen;
}

const jobs: PrintJob[] = [];
const track = (job: PrintJob) => {
  jobs.push(job);
  return job;
};

afterEach(() => {
  for (const job of jobs.splice(0)) job.dispose();
  vi.useRealTimers();
  document.title = '';
});

describe('printShare', () => {
  it('draws the share into a print-only container, opens the dialog, and keeps it until disposed', async () => {
    vi.useFakeTimers();
    const seen = systemDialog();
    document.documentElement.lang = 'en';
    const job = track(printShare(FULL_PAYLOAD, { appName: 'Cove', messages: CATALOGUES.en }));
    await job.opened;
    expect(seen).toEqual([
      expect.objectContaining({
        containers: 1,
        printing: true,
        title: 'Shared from Cove on March 6, 2025 — not encrypted',
        items: FULL_PAYLOAD.items.length,
        theme: 'light',
      }),
    ]);
    expect(containers()[0]).toHaveAttribute('aria-hidden', 'true');
    expect(seen[0]!.text).toContain('A long Monday');
    expect(seen[0]!.text).toContain('Signs a hard time might be coming');

    // The dialog is open for as long as the person likes: no timer and no `afterprint` takes
    // the share away (the page would print the app's screen instead).
    window.dispatchEvent(new Event('afterprint'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(look()).toMatchObject({ containers: 1, printing: true, title: seen[0]!.title });

    job.dispose();
    expect(containers()).toHaveLength(0);
    expect(document.body.classList.contains('printing-share')).toBe(false);
    // Disposing again changes nothing.
    job.dispose();
    expect(containers()).toHaveLength(0);
  });

  it('never keeps two: the next print replaces the first, and only its own dispose takes it away', async () => {
    systemDialog();
    const first = track(printShare(FULL_PAYLOAD, { appName: 'Cove', messages: CATALOGUES.en }));
    await first.opened;
    const second = track(printShare({ ...FULL_PAYLOAD, createdAt: '2025-04-01T10:00:00-04:00' }, { appName: 'Cove', messages: CATALOGUES.en }));
    await second.opened;
    expect(look()).toMatchObject({ containers: 1, printing: true, title: 'Shared from Cove on April 1, 2025 — not encrypted' });

    // The first one's dispose is spent: it leaves the second alone.
    first.dispose();
    expect(look()).toMatchObject({ containers: 1, printing: true });

    second.dispose();
    expect(containers()).toHaveLength(0);
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });

  it('takes the container away at once and says so when the dialog cannot open', async () => {
    const seen = systemDialog('fails');
    const job = track(printShare(FULL_PAYLOAD, { appName: 'Cove', messages: CATALOGUES.en }));
    await expect(job.opened).rejects.toMatchObject({ code: 'internal' });
    expect(seen).toEqual([expect.objectContaining({ containers: 1, printing: true })]);
    expect(containers()).toHaveLength(0);
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });

  it("prints the words given, dated in the page's language, with the app's chosen name by default", async () => {
    const seen = systemDialog();
    document.documentElement.lang = 'es';
    document.title = 'Notas';
    await track(printShare(FULL_PAYLOAD, { messages: CATALOGUES.es })).opened;
    expect(seen[0]!.title).toBe('Compartido desde Notas el 6 de marzo de 2025; sin cifrar');
    expect(seen[0]!.text).toContain('Señales de que puede venir un momento difícil');
  });

  it('keeps what a share says as text in print too', async () => {
    const seen = systemDialog();
    const job = track(printShare({ ...FULL_PAYLOAD, from: { ...FULL_PAYLOAD.from, name: '<img src=x onerror=alert(1)>' } }, { appName: 'Cove', messages: CATALOGUES.en }));
    await job.opened;
    expect(seen[0]!.text).toContain('<img src=x onerror=alert(1)>');
    expect(containers()[0]!.querySelector('img')).toBeNull();
  });
});

describe('usePrintShare', () => {
  function PrintButton({ onResult }: { onResult: (result: string) => void }) {
    const print = usePrintShare();
    return (
      <Button
        onPress={() =>
          void print(FULL_PAYLOAD).then(
            () => onResult('opened'),
            () => onResult('failed'),
          )
        }
      >
        Print
      </Button>
    );
  }

  function Area({ onResult }: { onResult: (result: string) => void }) {
    const [here, setHere] = useState(true);
    return (
      <>
        {here ? <PrintButton onResult={onResult} /> : null}
        <Button onPress={() => setHere(false)}>Leave</Button>
      </>
    );
  }

  it('prints in the app language with the chosen name, keeps one container, and takes it away on unmount', async () => {
    const seen = systemDialog();
    const results: string[] = [];
    const { user } = renderView(<Area onResult={(r) => results.push(r)} />, { app: appContext('en', { appName: 'Quiet Notes' }) });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(results).toEqual(['opened']));
    expect(seen[0]!.title).toBe('Shared from Quiet Notes on March 6, 2025 — not encrypted');
    // Still there while the dialog may be open, outside the app's own tree.
    expect(look()).toMatchObject({ containers: 1, printing: true });
    expect(screen.getByRole('main')).not.toContainElement(containers()[0]!);

    // Printing again draws it afresh: still one.
    await user.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(results).toEqual(['opened', 'opened']));
    expect(seen).toHaveLength(2);
    expect(seen[1]!.containers).toBe(1);
    expect(look().containers).toBe(1);

    // Leaving (another area, a lock) takes it away.
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(containers()).toHaveLength(0);
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });

  it('says when the dialog could not open, with nothing left behind', async () => {
    systemDialog('fails');
    const results: string[] = [];
    const { user } = renderView(<Area onResult={(r) => results.push(r)} />);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(results).toEqual(['failed']));
    expect(containers()).toHaveLength(0);
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });
});
