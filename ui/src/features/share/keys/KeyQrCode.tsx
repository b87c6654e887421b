import { useEffect, useState } from 'react';
import * as api from '../../../api';
import type { KeyQr } from '../../../api';

/** Modules of light margin around the code, as the QR standard asks (phones need it to read it). */
export const QUIET_ZONE = 4;

/**
 * The dark modules as one SVG path, offset by the quiet zone: each run of dark modules in a row
 * is one rectangle.
 */
export function qrPath(qr: KeyQr): string {
  const parts: string[] = [];
  for (let y = 0; y < qr.size; y += 1) {
    let x = 0;
    while (x < qr.size) {
      if (!qr.dark[y * qr.size + x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < qr.size && qr.dark[y * qr.size + x]) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return parts.join('');
}

/**
 * A QR code of a public key (`age1…`), drawn from the backend's matrix. Always dark on light
 * whatever the theme, with its quiet zone, so a phone's camera can read it. Draws nothing if the
 * code can't be made: the words and the key text work just as well.
 */
export function KeyQrCode({ recipient, label, testId }: { recipient: string; label: string; testId?: string }) {
  const [qr, setQr] = useState<{ recipient: string; code: KeyQr } | null>(null);

  useEffect(() => {
    let current = true;
    api.keyQr(recipient).then(
      (code) => {
        if (current) setQr({ recipient, code });
      },
      () => {
        if (current) setQr(null);
      },
    );
    return () => {
      current = false;
    };
  }, [recipient]);

  if (!qr || qr.recipient !== recipient || qr.code.size <= 0 || qr.code.dark.length !== qr.code.size * qr.code.size) {
    return null;
  }
  const full = qr.code.size + 2 * QUIET_ZONE;
  return (
    <svg
      className="key-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${full} ${full}`}
      shapeRendering="crispEdges"
      data-testid={testId}
      data-size={qr.code.size}
    >
      <rect className="key-qr__light" x={0} y={0} width={full} height={full} />
      <path className="key-qr__dark" d={qrPath(qr.code)} />
    </svg>
  );
}
