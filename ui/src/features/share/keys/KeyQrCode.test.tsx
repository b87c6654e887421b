import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyQr, type KeyQr } from '../../../api';
import { createFakeBackend } from '../../../test/fakeBackend';
import { fakeRecipient } from '../../../test/fakeShareKeys';
import { KeyQrCode, qrPath, QUIET_ZONE } from './KeyQrCode';

/** The dark modules a path draws, as "x,y" in the code's own coordinates. */
function modulesDrawn(path: string): Set<string> {
  const drawn = new Set<string>();
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(width); i += 1) drawn.add(`${Number(x) + i - QUIET_ZONE},${Number(y) - QUIET_ZONE}`);
  }
  return drawn;
}

describe('the QR code of a key', () => {
  it('draws exactly the dark modules, inside a quiet zone of 4', () => {
    // A 5×5 code: a frame with a dot in the middle.
    const size = 5;
    const dark = Array.from({ length: size * size }, (_, i) => {
      const x = i % size;
      const y = Math.floor(i / size);
      return x === 0 || y === 0 || x === size - 1 || y === size - 1 || (x === 2 && y === 2);
    });
    const qr: KeyQr = { size, dark };
    const path = qrPath(qr);
    const expected = new Set(dark.flatMap((on, i) => (on ? [`${i % size},${Math.floor(i / size)}`] : [])));
    expect(modulesDrawn(path)).toEqual(expected);
    // Runs of dark modules are one rectangle each: the top row is one.
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h5v1h-5z`)).toBe(true);
    expect(qrPath({ size: 3, dark: Array(9).fill(false) })).toBe('');
  });

  it('renders the backend’s matrix as an image with a name, and nothing when there is no code', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    const key = fakeRecipient('qr');
    render(<KeyQrCode recipient={key} label="QR code of your share key" testId="qr" />);
    const svg = await screen.findByRole('img', { name: 'QR code of your share key' });
    const path = svg.querySelector('path')!.getAttribute('d')!;
    const { size, dark } = await keyQr(key);
    expect(svg).toHaveAttribute('viewBox', `0 0 ${size + 8} ${size + 8}`);
    expect(modulesDrawn(path).size).toBe(dark.filter(Boolean).length);
    expect(svg.querySelector('rect')).toHaveAttribute('width', String(size + 8));

    // Not a key: the backend says invalid_input and nothing is drawn (the words still work).
    render(<KeyQrCode recipient="not a key" label="Nothing" testId="no-qr" />);
    await waitFor(() => expect(backend.callsTo('key_qr').length).toBeGreaterThanOrEqual(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('no-qr')).not.toBeInTheDocument();
  });
});
