import { DEFAULT_TIME_ZONE, localDate } from '@rectify/domain';

export interface MonthPeriod {
  /** `YYYY-MM` in the time zone. */
  month: string;
  from: Date;
  to: Date;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function zoneOffset(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight of the first day of a month begins in `timeZone` (month is 1-based, may overflow). */
function monthStart(year: number, month: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, 1);
  return new Date(guess - zoneOffset(new Date(guess), timeZone));
}

/**
 * The last `count` calendar months up to and including the month of `to`, oldest first, as half-open KPI periods.
 * The current month ends at `to`, not at its last day, so deadlines still ahead are not counted as missed.
 */
export function monthPeriods(to: Date, count: number, timeZone: string = DEFAULT_TIME_ZONE): MonthPeriod[] {
  const [year, month] = localDate(to, timeZone).split('-').map(Number) as [number, number];
  const periods: MonthPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const from = monthStart(year, month - i, timeZone);
    const end = monthStart(year, month - i + 1, timeZone);
    periods.push({ month: localDate(from, timeZone).slice(0, 7), from, to: end < to ? end : to });
  }
  return periods;
}
