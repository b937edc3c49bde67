import { CLUE_STATES, type ClueState } from '@rectify/domain/clue/states';

/**
 * The queue's filters, kept in the page URL with the API's own parameter names (state=a,b, moderation, channel,
 * category, region, from, to, q, needsReview, sort), so a dashboard link such as /console/clues?state=received,triaged opens the
 * queue filtered. `clue` (not an API filter) names the clue open in the drawer.
 */
export const CLUE_CHANNELS = ['portal', 'hotline', 'open311', 'platform', 'member', 'staff'] as const;
export const MODERATIONS = ['ok', 'held', 'spam'] as const;
export const CLUE_SORTS = ['received', 'oldest', 'updated'] as const;
export const REVIEW_FILTERS = ['true', 'false'] as const;

export interface ClueFilters {
  state?: string;
  moderation?: (typeof MODERATIONS)[number];
  channel?: (typeof CLUE_CHANNELS)[number];
  category?: string;
  region?: string;
  from?: string;
  to?: string;
  q?: string;
  /** 'true': only clues whose suggestion needs a person (待人工判断); 'false': only confident ones. */
  needsReview?: (typeof REVIEW_FILTERS)[number];
  sort?: (typeof CLUE_SORTS)[number];
  page: number;
  pageSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{6}(\d{3}){0,2}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: string | null, fallback: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

/** Malformed parameters are dropped one by one rather than failing the whole query. */
export function filtersFromSearch(search: URLSearchParams): ClueFilters {
  const states = (search.get('state') ?? '')
    .split(',')
    .filter((s): s is ClueState => (CLUE_STATES as readonly string[]).includes(s));
  const text = (key: string, max: number) => {
    const v = search.get(key)?.trim();
    return v && v.length <= max ? v : undefined;
  };
  const matching = (key: string, pattern: RegExp) => {
    const v = search.get(key);
    return v && pattern.test(v) ? v : undefined;
  };
  return {
    state: states.length > 0 ? states.join(',') : undefined,
    moderation: oneOf(MODERATIONS, search.get('moderation')),
    channel: oneOf(CLUE_CHANNELS, search.get('channel')),
    category: text('category', 50),
    region: matching('region', REGION),
    from: matching('from', DATE),
    to: matching('to', DATE),
    q: text('q', 100),
    needsReview: oneOf(REVIEW_FILTERS, search.get('needsReview')),
    sort: oneOf(CLUE_SORTS, search.get('sort')),
    page: positive(search.get('page'), 1, 100_000),
    pageSize: positive(search.get('pageSize'), 20, 200),
  };
}

/** The filters as URL parameters; empty values and default paging are left out. */
export function filtersToSearch(f: Partial<ClueFilters>, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...f, ...extra })) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20))
      continue;
    params.set(key, String(value));
  }
  return params;
}
