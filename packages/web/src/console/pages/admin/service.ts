import type { z } from 'zod';
import type { EffectiveSettingsView, RegionSettings } from '@rectify/domain/settings/schemas';
import type { createRegionBody, regionDetailView, updateRegionBody } from '@rectify/domain/schemas/org';
import { api, get } from '../../../api.ts';

/** A region as `GET /api/regions` lists it, with its population and time zone. */
export type AdminRegion = z.infer<typeof regionDetailView>;
export type CreateRegion = z.infer<typeof createRegionBody>;
export type UpdateRegion = z.infer<typeof updateRegionBody>;

export const listRegionChildren = (parent?: string) =>
  get<{ items: AdminRegion[] }>('/api/regions', { parent }).then((r) => r.items);
export const createRegion = (body: CreateRegion) => api<AdminRegion>('POST', '/api/regions', body);
export const updateRegion = (code: string, body: UpdateRegion) =>
  api<AdminRegion>('PATCH', `/api/regions/${code}`, body);

export const getRegionSettings = (code: string) => get<EffectiveSettingsView>(`/api/settings/regions/${code}`);
/** Replaces the region's own settings at the version read; a stale version is refused with 409. */
export const putRegionSettings = (code: string, version: number, settings: RegionSettings) =>
  api<EffectiveSettingsView>('PUT', `/api/settings/regions/${code}`, { version, settings });
/** Clue categories as the public reports them (public reference data, readable by every role). */
export const getClueCategories = () =>
  get<{ items: { code: string; name: string }[] }>('/api/public/categories').then((r) => r.items);
