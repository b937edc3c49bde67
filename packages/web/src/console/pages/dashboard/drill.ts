import type { KpiName } from '@rectify/domain/kpi/targets';
import { regionPrefix } from '@rectify/domain/regions';

/**
 * Drill-down links from a dashboard figure to the rows behind it. Problem figures open the problem list
 * (/console/lists/problems) and clue figures the triage queue (/console/clues), with the list API's own query
 * parameter names (state=a,b, warning, region, unit, overdue=true, escalation, sort), so the list shows exactly what
 * the API counts.
 */
export type DrillParams = Record<string, string | undefined>;

const PROBLEM_LIST = '/lists/problems';
const CLUE_QUEUE = '/clues';

function withParams(path: string, params: DrillParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The `region` of a problem-list link: the list API filters by code prefix (a city is `3305`). The caller's own
 * region is left out: the list is already limited to the caller's scope, and the link stays short.
 */
export function problemRegionParam(region: string, ownRegion: string): string | undefined {
  return region === ownRegion ? undefined : regionPrefix(region);
}

/** The `region` of a clue-queue link: the clue API takes a region code and includes its subtree itself. */
export function clueRegionParam(region: string, ownRegion: string): string | undefined {
  return region === ownRegion ? undefined : region;
}

export const problemListLink = (params: DrillParams) => withParams(PROBLEM_LIST, params);
export const clueQueueLink = (params: DrillParams) => withParams(CLUE_QUEUE, params);

/** The rows behind a KPI: closed problems for the closure rates, public clues for the public-participation ones. */
export function kpiDrillLink(name: KpiName, region: string, ownRegion: string): string | null {
  const problemRegion = problemRegionParam(region, ownRegion);
  const clueRegion = clueRegionParam(region, ownRegion);
  switch (name) {
    case 'completion':
    case 'threeMonth':
    case 'onTime':
    case 'resolution':
    case 'mechanism':
    case 'satisfaction':
      return problemListLink({ state: 'closed', region: problemRegion });
    case 'rebound':
      return problemListLink({ state: 'rectifying', region: problemRegion });
    case 'participation':
    case 'coverage':
      return clueQueueLink({ region: clueRegion });
    case 'responseTime':
      return clueQueueLink({ state: 'received,triaged', region: clueRegion, sort: 'oldest' });
    case 'adoption':
      return null;
  }
}
