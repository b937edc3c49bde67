/** A score to two decimals; '—' where nothing was scored. */
export const formatScore = (n: number | null | undefined): string => (n == null ? '—' : n.toFixed(2));

/** Chart values: null stays a gap instead of a zero bar. */
export const chartValue = (n: number | null | undefined): number | null =>
  n == null ? null : Math.round(n * 100) / 100;
