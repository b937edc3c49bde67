import type { z } from 'zod';
import type { createUserBody, updateUserBody, userListQuery, userView } from '@rectify/domain/schemas/org';
import { api, get, withQuery } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type User = z.infer<typeof userView>;
export type UserFilters = Partial<Omit<z.infer<typeof userListQuery>, 'format'>>;
export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;

export const listUsers = (filters: UserFilters) => get<Page<User>>('/api/users', filters);
export const createUser = (body: CreateUser) => api<User>('POST', '/api/users', body);
/** Disable/enable, unlock, reset password or change grants — always with the version that was read. */
export const updateUser = (id: string, body: UpdateUser) => api<User>('PATCH', `/api/users/${id}`, body);
export const usersCsvUrl = (filters: UserFilters) =>
  withQuery('/api/users', { ...filters, page: undefined, pageSize: undefined, format: 'csv' });
