import type { z } from 'zod';
import { PROBLEM_STATES } from '@rectify/domain/problem/states';
import { problemListQuery } from '@rectify/domain/schemas/problems';

/**
 * The filters of the three lists, held in the page URL with exactly the API's query parameter names, so a link such
 * as /console/lists/problems?warning=red&overdue=true opens the list filtered and the same filters go to the API and
 * to the CSV export unchanged. Values are read with the server's own schema (`problemListQuery`), field by field: a
 * malformed parameter is dropped instead of emptying the page.
 */
export type ListFilters = Omit<z.output<typeof problemListQuery>, 'format'>;
export type ListSort = ListFilters['sort'];
export type WarningLight = NonNullable<ListFilters['warning']>;

export const FILTER_PARAMS = [
  'state',
  'warning',
  'region',
  'unit',
  'campaign',
  'source',
  'q',
  'overdue',
  'escalation',
  'sort',
  'page',
  'pageSize',
] as const satisfies readonly (keyof ListFilters)[];

const shape = problemListQuery.shape;

function parseParam(key: (typeof FILTER_PARAMS)[number], raw: string | null): unknown {
  const field = shape[key];
  const fallback = field.parse(undefined);
  if (raw === null || raw.trim() === '') return fallback;
  // Unknown states are dropped one by one; the known ones still filter.
  const value =
    key === 'state'
      ? raw
          .split(',')
          .filter((s) => (PROBLEM_STATES as readonly string[]).includes(s))
          .join(',')
      : raw;
  const parsed = field.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** The filters in a URL's search parameters; absent or malformed ones take the API's defaults. */
export function filtersFromSearch(search: URLSearchParams): ListFilters {
  const entries = FILTER_PARAMS.map((key) => [key, parseParam(key, search.get(key))] as const);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as ListFilters;
}

export const DEFAULT_FILTERS: ListFilters = filtersFromSearch(new URLSearchParams());

/**
 * The filters as query parameters (API names, API formats: `state=a,b`, `overdue=true`). Defaults and empty values
 * are left out, so the URL stays short and two equal filter sets give the same string.
 */
export function filtersToParams(filters: Partial<ListFilters>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_PARAMS) {
    const value = filters[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params[key] = value.join(',');
      continue;
    }
    if (value === DEFAULT_FILTERS[key]) continue;
    params[key] = String(value);
  }
  return params;
}

export function filtersToSearch(filters: Partial<ListFilters>): URLSearchParams {
  return new URLSearchParams(filtersToParams(filters));
}

/** A change of any filter other than the page itself starts again at page 1. */
export function withFilterChange(current: ListFilters, change: Partial<ListFilters>): ListFilters {
  const next = { ...current, ...change };
  const touchesFilters = Object.keys(change).some((k) => k !== 'page' && k !== 'pageSize');
  return touchesFilters ? { ...next, page: 1 } : next;
}

/** The same filters without paging: what the CSV export and a saved filter keep. */
export function withoutPaging(filters: Partial<ListFilters>): Partial<ListFilters> {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return rest;
}
