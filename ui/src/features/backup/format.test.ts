import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../i18n/all';
import { formatFullDay, formatSize, formatWhen } from './format';

const en = createIntl({ locale: 'en', messages: CATALOGUES.en });
const es = createIntl({ locale: 'es', messages: CATALOGUES.es });
const now = new Date(2026, 10, 26, 18, 0);

describe('formatWhen', () => {
  it('reads naturally: today, yesterday, a date this year, a date with its year', () => {
    expect(formatWhen(en, '2026-11-26T14:02:00.000-05:00', now)).toBe('today at 2:02 PM');
    expect(formatWhen(en, '2026-11-25T09:15:00.000-05:00', now)).toBe('yesterday at 9:15 AM');
    expect(formatWhen(en, '2026-03-12T14:02:00.000-05:00', now)).toBe('March 12 at 2:02 PM');
    expect(formatWhen(en, '2025-06-03T08:00:00.000+02:00', now)).toBe('June 3, 2025 at 8:00 AM');
    expect(formatWhen(es, '2026-11-26T14:02:00.000-05:00', now)).toBe('hoy, 14:02');
    expect(formatWhen(es, '2026-03-12T14:02:00.000-05:00', now)).toBe('12 de marzo, 14:02');
  });

  it('keeps the wall-clock time the copy was made at, whatever the offset', () => {
    expect(formatWhen(en, '2026-11-26T23:30:00.000+09:00', now)).toBe('today at 11:30 PM');
  });
});

describe('formatSize and formatFullDay', () => {
  it('uses the units a file manager shows', () => {
    expect(formatSize(en, 120)).toBe('1 kB');
    expect(formatSize(en, 820_000)).toBe('820 kB');
    expect(formatSize(en, 2_400_000)).toBe('2.4 MB');
    expect(formatSize(en, 1_100_000_000)).toBe('1.1 GB');
    expect(formatSize(es, 2_400_000)).toBe('2,4 MB');
  });

  it('writes a day in full', () => {
    expect(formatFullDay(en, '2025-01-03')).toBe('January 3, 2025');
    expect(formatFullDay(es, '2025-01-03')).toBe('3 de enero de 2025');
  });
});
