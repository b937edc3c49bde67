import type { z } from 'zod';
import type { hotTopicsView, opinionAlertsView, OpinionAlertView } from '@rectify/domain/schemas/analytics';
import type { KpiTrendView, KpiView, RegionKpiView, UnitKpiView } from '@rectify/domain/schemas/kpi';
import type { problemView } from '@rectify/domain/schemas/problems';
import { api, get, type Query } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type ProblemRow = z.infer<typeof problemView>;
export type HotTopics = z.infer<typeof hotTopicsView>;
export type OpinionAlerts = z.infer<typeof opinionAlertsView>;

/**
 * What every KPI figure of the dashboard is computed over: a region subtree and a period. Without `region` the server
 * takes the caller's own region, which also serves users whose grants are on a unit rather than a region.
 */
export interface KpiScope {
  region: string | undefined;
  from: string;
  to: string;
}

export const getKpis = (s: KpiScope) => get<KpiView>('/api/kpi', { ...s });
export const getUnitRanking = (s: KpiScope) => get<UnitKpiView>('/api/kpi/units', { ...s });
export const getRegionRanking = (s: KpiScope) => get<RegionKpiView>('/api/kpi/regions', { ...s });
export const getKpiTrend = (region: string | undefined, to: string, months: number) =>
  get<KpiTrendView>('/api/kpi/trend', { region, to, months });

/** Problems of the three-list API with the same filter parameters the drill-down links carry. */
export const listProblems = (params: Query) => get<Page<ProblemRow>>('/api/lists/problems', params);

export const getHotTopics = (regionCode: string, windowDays: number) =>
  get<HotTopics>('/api/analytics/hot-topics', { regionCode, windowDays, limit: 8 });
export const getOpenAlerts = (regionCode: string) =>
  get<OpinionAlerts>('/api/analytics/alerts', { regionCode, status: 'open' });
export const acknowledgeAlert = (id: string) =>
  api<OpinionAlertView>('POST', `/api/analytics/alerts/${id}/acknowledge`, {});
