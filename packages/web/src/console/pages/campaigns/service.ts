import type { z } from 'zod';
import type {
  campaignView,
  createCampaignBody,
  researchBody,
  updateCampaignBody,
} from '@rectify/domain/schemas/campaigns';
import type { CampaignPhase } from '@rectify/domain/campaign/phases';
import type { IndicatorSchemeBody, ScoresBody } from '@rectify/domain/campaign/schemas';
import type { IndicatorNode, SchemeIssue } from '@rectify/domain/campaign/scheme';
import type { ScoreSource, UnitResult } from '@rectify/domain/campaign/scoring';
import type { RegionComparisonRow } from '@rectify/domain/campaign/compare';
import { api, get } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type Campaign = z.infer<typeof campaignView>;
export type CreateCampaign = z.infer<typeof createCampaignBody>;
export type UpdateCampaign = z.infer<typeof updateCampaignBody>;
export type ResearchInput = z.input<typeof researchBody>;

export interface Scheme {
  id: string;
  familyId: string;
  version: number;
  name: string;
  indicators: IndicatorNode[];
  regionCode: string;
  createdAt: string;
}

export interface ResearchRecord {
  id: string;
  kind: 'visit' | 'survey' | 'meeting';
  title: string;
  notes: string;
  regionCode: string;
  happenedOn: string;
  evidence: string[];
  createdAt: string;
}

export interface CampaignResults {
  schemeId: string;
  schemeVersion: number;
  units: UnitResult[];
  ignored: number;
}

export interface SchemeComparison {
  schemeId: string;
  schemeVersion: number;
  rows: RegionComparisonRow[];
}

export interface ScoreSheet {
  source: ScoreSource;
  scores: { unitId: string; indicatorKey: string; value: number }[];
  submittedAt: string | null;
}

/** Campaigns are few (a handful per region and year): the list loads them in one page and filters in the browser. */
export const CAMPAIGN_PAGE_SIZE = 200;

export const listCampaigns = () => get<Page<Campaign>>('/api/campaigns', { pageSize: CAMPAIGN_PAGE_SIZE });
export const getCampaign = (id: string) => get<Campaign>(`/api/campaigns/${id}`);
export const createCampaign = (body: CreateCampaign) => api<Campaign>('POST', '/api/campaigns', body);
/** Sends the version that was read; a stale one is refused with 409 and nothing changes. */
export const updateCampaign = (id: string, body: UpdateCampaign) =>
  api<Campaign>('PATCH', `/api/campaigns/${id}`, body);
export const advancePhase = (id: string, to: CampaignPhase, version: number) =>
  api<Campaign>('POST', `/api/campaigns/${id}/phase`, { to, version });

export const listResearch = (id: string) =>
  get<{ items: ResearchRecord[] }>(`/api/campaigns/${id}/research`).then((r) => r.items);
export const addResearch = (id: string, body: ResearchInput) =>
  api<{ id: string }>('POST', `/api/campaigns/${id}/research`, body);

export const getScoreSheet = (id: string, source: ScoreSource) =>
  get<ScoreSheet>(`/api/campaigns/${id}/scores`, { source });
export const submitScores = (id: string, body: ScoresBody) =>
  api<{ saved: number }>('PUT', `/api/campaigns/${id}/scores`, body);
export const getResults = (id: string) => get<CampaignResults>(`/api/campaigns/${id}/results`);

export const listSchemes = () => get<{ items: Scheme[] }>('/api/schemes').then((r) => r.items);
export const validateSchemeOnServer = (body: IndicatorSchemeBody) =>
  api<{ issues: SchemeIssue[] }>('POST', '/api/schemes/validate', body).then((r) => r.issues);
export const createScheme = (body: IndicatorSchemeBody) => api<Scheme>('POST', '/api/schemes', body);
export const createSchemeVersion = (baseId: string, body: IndicatorSchemeBody) =>
  api<Scheme>('POST', `/api/schemes/${baseId}/versions`, body);
export const getComparison = (schemeId: string) => get<SchemeComparison>(`/api/schemes/${schemeId}/comparison`);

export interface UserOption {
  id: string;
  username: string;
  displayName: string;
}
/** Users are looked up to name participating members; only roles with user.read (staff) can. */
export const searchUsers = (q: string) => get<Page<UserOption>>('/api/users', { q, pageSize: 20 }).then((r) => r.items);
export const userById = (id: string) => get<UserOption>(`/api/users/${id}`);
