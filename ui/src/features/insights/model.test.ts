import { describe, expect, it } from 'vitest';
import { heatGrid, heatLevel, meanMood, moodWord, rangeDates, tagTone } from './model';

describe('insights model', () => {
  it('ends every range today and starts it the right number of days back', () => {
    const today = new Date(2026, 2, 1, 9); // 1 March 2026
    expect(rangeDates('30d', today)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(rangeDates('3m', today)).toEqual({ from: '2025-12-02', to: '2026-03-01' });
    expect(rangeDates('1y', today)).toEqual({ from: '2025-03-02', to: '2026-03-01' });
  });

  it('puts words on moods and tag differences, with a calm middle', () => {
    expect([1, 0.2, 0.19, 0, -0.19, -0.2, -1].map(moodWord)).toEqual([
      'lighter',
      'lighter',
      'mixed',
      'mixed',
      'mixed',
      'harder',
      'harder',
    ]);
    expect([0.3, 0.1, 0.05, -0.05, -0.1].map(tagTone)).toEqual(['lighter', 'lighter', 'same', 'same', 'harder']);
    expect([0, 1, 2, 3, 9].map(heatLevel)).toEqual([0, 1, 2, 3, 3]);
    expect(meanMood([])).toBeNull();
    expect(
      meanMood([
        { day: '2026-11-01', entries: 1, checkins: 1, mood: 1 },
        { day: '2026-11-02', entries: 1, checkins: 0, mood: null },
        { day: '2026-11-03', entries: 1, checkins: 1, mood: 0 },
      ]),
    ).toBe(0.5);
  });

  it('lays the days out Monday to Sunday, one column per week, with gaps outside the range', () => {
    // 2026-11-25 is a Wednesday; 2026-12-01 a Tuesday.
    const stat = { day: '2026-11-27', entries: 2, checkins: 1, mood: 0.5 };
    const { rows, allDays } = heatGrid('2026-11-25', '2026-12-01', [stat]);
    expect(allDays).toHaveLength(7);
    expect(rows).toHaveLength(7);
    expect(rows.map((row) => row.length)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(rows[0]![0]).toBeNull(); // Monday 23rd: before the range
    expect(rows[2]![0]).toEqual({ day: '2026-11-25', stat: null });
    expect(rows[4]![0]).toEqual({ day: '2026-11-27', stat });
    expect(rows[0]![1]).toEqual({ day: '2026-11-30', stat: null });
    expect(rows[1]![1]).toEqual({ day: '2026-12-01', stat: null });
    expect(rows[2]![1]).toBeNull(); // after the range
  });
});
