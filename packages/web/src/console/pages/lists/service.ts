import type { z } from 'zod';
import type { campaignView } from '@rectify/domain/schemas/campaigns';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import type { ProblemList, problemDetailView, problemView } from '@rectify/domain/schemas/problems';
import { api, get, withQuery } from '../../../api.ts';
import type { Page } from '../../services/org.ts';
import { filtersToParams, withoutPaging, type ListFilters } from './filters.ts';

export type Problem = z.infer<typeof problemView>;
export type ProblemDetail = z.infer<typeof problemDetailView>;
export type Campaign = z.infer<typeof campaignView>;

const listPath = (list: ProblemList) => `/api/lists/${list}`;

export const listProblems = (list: ProblemList, filters: ListFilters) =>
  get<Page<Problem>>(listPath(list), filtersToParams(filters));

/** `format=csv` with the same filters (and order) as the page, without paging: exactly the filtered rows. */
export const problemsCsvUrl = (list: ProblemList, filters: ListFilters) =>
  withQuery(listPath(list), { ...filtersToParams(withoutPaging(filters)), format: 'csv' });

/** Campaigns in scope for the campaign filter: one page of the API's largest size (200). */
export const listCampaigns = () => get<Page<Campaign>>('/api/campaigns', { pageSize: 200 }).then((p) => p.items);

/** One lifecycle command at the version that was read; a stale version is refused with 409 and nothing changes. */
export const fireCommand = (id: string, command: ProblemCommandType, version: number, input: unknown) =>
  api<ProblemDetail>('POST', `/api/problems/${id}/commands/${command}`, { version, input });

export interface Publication {
  published: boolean;
  measures: boolean;
  progress: boolean;
  result: boolean;
}

/** What the public portal shows of a problem (staff only; drafts and rejected problems cannot be published). */
export const setPublication = (id: string, body: Publication) =>
  api<Publication & { problemId: string }>('PUT', `/api/problems/${id}/publication`, body);
