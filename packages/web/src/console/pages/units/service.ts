import type { z } from 'zod';
import type { createUnitBody, unitListQuery, updateUnitBody } from '@rectify/domain/schemas/org';
import { api, get, withQuery } from '../../../api.ts';
import type { Page, Unit } from '../../services/org.ts';

export type UnitFilters = Partial<Omit<z.infer<typeof unitListQuery>, 'format'>>;
export type CreateUnit = z.infer<typeof createUnitBody>;
export type UpdateUnit = z.infer<typeof updateUnitBody>;

export const listUnits = (filters: UnitFilters) => get<Page<Unit>>('/api/units', filters);
export const getUnit = (id: string) => get<Unit>(`/api/units/${id}`);
export const createUnit = (body: CreateUnit) => api<Unit>('POST', '/api/units', body);
/** Sends the version that was read; a stale one is refused with 409 and nothing changes. */
export const updateUnit = (id: string, body: UpdateUnit) => api<Unit>('PATCH', `/api/units/${id}`, body);
export const unitsCsvUrl = (filters: UnitFilters) =>
  withQuery('/api/units', { ...filters, page: undefined, pageSize: undefined, format: 'csv' });
