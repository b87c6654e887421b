import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '../../../components/Button';
import { printShare, usePrintShare } from './print';
import { FULL_PAYLOAD, appContext, renderView } from './testSupport';

type Seen = { present: boolean; printing: boolean; title: string | null; items: number; theme: string | null; text: string };

function watchPrint(options: { afterprint: boolean }) {
  const seen: Seen[] = [];
  const print = vi.spyOn(window, 'print').mockImplementation(() => {
    const host = document.querySelector<HTMLElement>('[data-testid="print-view"]');
    seen.push({
      present: host !== null && host.parentElement === document.body,
      printing: document.body.classList.contains('printing-share'),
      title: host?.querySelector('[data-testid="print-title"]')?.textContent ?? null,
      items: host?.querySelectorAll('[data-testid="shared-item"]').length ?? 0,
      theme: host?.getAttribute('data-theme') ?? null,
      text: host?.textContent ?? '',
    });
    if (options.afterprint) window.dispatchEvent(new Event('afterprint'));
  });
  return { seen, print };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.title = '';
});

describe('printShare', () => {
  it('draws the share into a print-only container while printing, then removes it', async () => {
    const { seen, print } = watchPrint({ afterprint: true });
    document.documentElement.lang = 'en';
    await printShare(FULL_PAYLOAD, { appName: 'Cove' });
    expect(print).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([
      expect.objectContaining({
        present: true,
        printing: true,
        title: 'Shared from Cove on March 6, 2025 — not encrypted',
        items: FULL_PAYLOAD.items.length,
        theme: 'light',
      }),
    ]);
    expect(seen[0]!.text).toContain('A long Monday');
    expect(seen[0]!.text).toContain('Signs a hard time might be coming');
    expect(document.querySelector('[data-testid="print-view"]')).toBeNull();
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });

  it('tidies up even when the webview never says printing ended', async () => {
    vi.useFakeTimers();
    const { seen } = watchPrint({ afterprint: false });
    const done = printShare(FULL_PAYLOAD, { appName: 'Cove' });
    expect(seen[0]?.present).toBe(true);
    expect(document.querySelector('[data-testid="print-view"]')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    await done;
    expect(document.querySelector('[data-testid="print-view"]')).toBeNull();
    expect(document.body.classList.contains('printing-share')).toBe(false);
  });

  it("uses the page's language and the app's chosen name by default", async () => {
    const { seen } = watchPrint({ afterprint: true });
    document.documentElement.lang = 'es';
    document.title = 'Notas';
    await printShare(FULL_PAYLOAD);
    expect(seen[0]!.title).toBe('Compartido desde Notas el 6 de marzo de 2025; sin cifrar');
    expect(seen[0]!.text).toContain('Señales de que puede venir un momento difícil');
  });

  it('keeps what a share says as text in print too', async () => {
    const { seen } = watchPrint({ afterprint: true });
    await printShare({ ...FULL_PAYLOAD, from: { ...FULL_PAYLOAD.from, name: '<img src=x onerror=alert(1)>' } }, { appName: 'Cove' });
    expect(seen[0]!.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('usePrintShare prints in the app language with the chosen name', async () => {
    const { seen } = watchPrint({ afterprint: true });
    function PrintButton() {
      const print = usePrintShare();
      return <Button onPress={() => void print(FULL_PAYLOAD)}>Print</Button>;
    }
    const { user } = renderView(<PrintButton />, { app: appContext('en', { appName: 'Quiet Notes' }) });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(seen[0]!.title).toBe('Shared from Quiet Notes on March 6, 2025 — not encrypted');
    // The app's own tree is untouched, and the print container is gone again.
    expect(within(document.body).queryByTestId('print-view')).toBeNull();
  });
});
