import type { Cluster } from './clusterer.ts';

export interface HeatFactors {
  size: number;
  reporters: number;
  places: number;
  likes: number;
  /** log2 of (items in the last growthDays + 1) / (items in the growthDays before + 1). */
  growth: number;
}

export interface HeatWeights {
  size: number;
  reporters: number;
  places: number;
  likes: number;
  growth: number;
}

/** Distinct reporters weigh most (one person posting ten times is not ten people); likes and
 * spread count less; growth adds urgency but a quiet topic is not penalised below zero. */
export const DEFAULT_HEAT_WEIGHTS: HeatWeights = { size: 2, reporters: 4, places: 1, likes: 1.5, growth: 1 };

export function heatFactors(c: Cluster, now: number, growthDays: number): HeatFactors {
  const reporters = new Set(c.members.map((m, i) => m.reporter ?? `#${i}`)).size;
  const places = new Set(c.members.flatMap((m) => m.places)).size;
  const likes = c.members.reduce((s, m) => s + m.likes, 0);
  const span = growthDays * 86_400_000;
  let recent = 0;
  let before = 0;
  for (const m of c.members) {
    if (m.time > now - span && m.time <= now) recent++;
    else if (m.time > now - 2 * span && m.time <= now - span) before++;
  }
  return { size: c.members.length, reporters, places, likes, growth: Math.log2((recent + 1) / (before + 1)) };
}

/** Heat index: weighted sum of log-scaled factors (diminishing returns for very large values). */
export function heatIndex(f: HeatFactors, w: HeatWeights = DEFAULT_HEAT_WEIGHTS): number {
  const h =
    w.size * Math.log1p(f.size) +
    w.reporters * Math.log1p(f.reporters) +
    w.places * Math.log1p(f.places) +
    w.likes * Math.log1p(f.likes) +
    w.growth * Math.max(0, Math.min(3, f.growth));
  return Math.round(h * 100) / 100;
}
