import type { ProblemCount } from './components/WarningLights.tsx';
import { problemRegionParam, type DrillParams } from './drill.ts';
import { listProblems } from './service.ts';

/**
 * The dashboard's problem counts: each is the total of the problem list under exactly the filter its link opens.
 * The API's `escalation` filter means "at least this level".
 */
const COUNTS: Omit<ProblemCount, 'total'>[] = [
  { key: 'green', label: 'dashboard.light.green', colour: '#389e0d', filter: { warning: 'green' } },
  { key: 'yellow', label: 'dashboard.light.yellow', colour: '#d48806', filter: { warning: 'yellow' } },
  { key: 'red', label: 'dashboard.light.red', colour: '#cf1322', filter: { warning: 'red' } },
  { key: 'overdue', label: 'dashboard.overdue', colour: '#cf1322', filter: { overdue: 'true', sort: 'overdue' } },
  { key: 'escalation-1', label: 'dashboard.count.escalated1', colour: '#d48806', filter: { escalation: '1' } },
  { key: 'escalation-2', label: 'dashboard.count.escalated2', colour: '#d4380d', filter: { escalation: '2' } },
  { key: 'escalation-3', label: 'dashboard.count.escalated3', colour: '#cf1322', filter: { escalation: '3' } },
];

export async function problemCounts(region: string, ownRegion: string): Promise<ProblemCount[]> {
  const regionFilter: DrillParams = { region: problemRegionParam(region, ownRegion) };
  return Promise.all(
    COUNTS.map(async (c) => {
      const filter = { ...c.filter, ...regionFilter };
      const page = await listProblems({ ...filter, page: 1, pageSize: 1 });
      return { ...c, filter, total: page.total };
    }),
  );
}

/** The first rows behind the overdue and escalated counts, most urgent first. */
export async function urgentProblems(region: string, ownRegion: string) {
  const base = { region: problemRegionParam(region, ownRegion), page: 1, pageSize: 6 };
  const [overdue, escalated] = await Promise.all([
    listProblems({ ...base, overdue: 'true', sort: 'overdue' }),
    listProblems({ ...base, escalation: '1', sort: 'escalation' }),
  ]);
  return {
    overdue: overdue.items,
    overdueTotal: overdue.total,
    escalated: escalated.items,
  };
}
