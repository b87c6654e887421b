export type DayPeriod = 'morning' | 'afternoon' | 'evening';

/** 05:00–11:59 morning, 12:00–16:59 afternoon, otherwise evening. */
export function dayPeriod(date: Date): DayPeriod {
  const hour = date.getHours();
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  return 'evening';
}
