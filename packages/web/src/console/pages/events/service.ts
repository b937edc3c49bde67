import type { z } from 'zod';
import type { eventListQuery, eventView } from '@rectify/domain/schemas/org';
import { get, withQuery } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type EventRow = z.infer<typeof eventView>;
export type EventFilters = Partial<Omit<z.infer<typeof eventListQuery>, 'format'>>;

/** Events in the user's scope, newest first (GET /api/events). */
export const listEvents = (filters: EventFilters) => get<Page<EventRow>>('/api/events', filters);
export const eventsCsvUrl = (filters: EventFilters) =>
  withQuery('/api/events', { ...filters, page: undefined, pageSize: undefined, format: 'csv' });
