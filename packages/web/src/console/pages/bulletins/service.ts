import type { z } from 'zod';
import type {
  BulletinView,
  bulletinListQuery,
  CreateBulletinBody,
  UpdateBulletinBody,
} from '@rectify/domain/schemas/bulletins';
import { api, get } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type BulletinFilters = Partial<z.infer<typeof bulletinListQuery>>;

export const listBulletins = (filters: BulletinFilters) => get<Page<BulletinView>>('/api/bulletins', filters);
export const createBulletin = (body: CreateBulletinBody) => api<BulletinView>('POST', '/api/bulletins', body);
export const updateBulletin = (id: string, body: UpdateBulletinBody) =>
  api<BulletinView>('PATCH', `/api/bulletins/${id}`, body);
export const transitionBulletin = (id: string, action: 'publish' | 'withdraw', version: number) =>
  api<BulletinView>('POST', `/api/bulletins/${id}/${action}`, { version });
