import { get } from '../../api.ts';

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parentCode: string | null;
}

/** The children of `parent`, or the top level when none is given (public reference data). */
export const listRegions = (parent?: string) =>
  get<{ items: Region[] }>('/api/regions', { parent }).then((r) => r.items);
