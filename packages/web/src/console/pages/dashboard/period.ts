import { formatDateTime } from '../../../i18n/datetime.ts';

/** The dashboard's period choices; KPI periods are half-open [from, to) and end now. */
export const PERIODS = ['last12m', 'year', 'quarter', 'month'] as const;
export type PeriodChoice = (typeof PERIODS)[number];

/** Beijing time has no daylight saving: the start of a local day is that date at 00:00+08:00. */
const shanghaiMidnight = (year: number, month: number) =>
  new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);

export function periodRange(choice: PeriodChoice, now: Date): { from: string; to: string } {
  const [year, month] = formatDateTime(now.toISOString()).slice(0, 7).split('-').map(Number) as [number, number];
  const from =
    choice === 'last12m'
      ? new Date(now.getTime() - 365 * 86_400_000)
      : choice === 'year'
        ? shanghaiMidnight(year, 1)
        : choice === 'quarter'
          ? shanghaiMidnight(year, month - ((month - 1) % 3))
          : shanghaiMidnight(year, month);
  return { from: from.toISOString(), to: now.toISOString() };
}
