import type {
  PublicClueSubmit,
  PublicClueSubmitted,
  PublicProblemPage,
  PublicProblemView,
  PublicRating,
  TrackedClueView,
} from '@rectify/domain/schemas/clues';
import { api, get } from '../../api.ts';

/** The public API (packages/server/src/features/public/routes.ts): no account, every text masked by the server. */

export interface Category {
  code: string;
  name: string;
  description: string;
}

export const listCategories = () => get<{ items: Category[] }>('/api/public/categories').then((r) => r.items);

export const submitClue = (body: PublicClueSubmit) => api<PublicClueSubmitted>('POST', '/api/public/clues', body);

/**
 * Uploads the report's photos, placed in its region so the staff handling it see them (POST /api/public/evidence).
 * Content-addressed: sending the same photo again on a retry stores nothing new.
 */
export async function uploadPhotos(regionCode: string, files: readonly File[]): Promise<string[]> {
  const form = new FormData();
  form.append('regionCode', regionCode);
  for (const file of files) form.append('file', file, file.name);
  const stored = await api<{ items: { sha256: string }[] }>('POST', '/api/public/evidence', form);
  return stored.items.map((i) => i.sha256);
}

export const trackClue = (code: string) => get<TrackedClueView>(`/api/public/clues/${encodeURIComponent(code)}`);

export const rateClue = (code: string, rating: PublicRating) =>
  api<TrackedClueView>('POST', `/api/public/clues/${encodeURIComponent(code)}/rating`, rating);

export const rateProblem = (code: string, rating: PublicRating) =>
  api<TrackedClueView>('POST', `/api/public/clues/${encodeURIComponent(code)}/problem-rating`, rating);

export interface ProblemFilter {
  q?: string;
  region?: string;
  page: number;
  pageSize: number;
}

export const listPublishedProblems = (filter: ProblemFilter) =>
  get<PublicProblemPage>('/api/public/problems', { ...filter });

export const getPublishedProblem = (id: string) =>
  get<PublicProblemView>(`/api/public/problems/${encodeURIComponent(id)}`);

/** The Atom and RSS feeds of the published problems of a region subtree. */
export const feedUrls = (regionCode: string) => ({
  atom: `/api/public/feed/${regionCode}.atom`,
  rss: `/api/public/feed/${regionCode}.rss`,
});
