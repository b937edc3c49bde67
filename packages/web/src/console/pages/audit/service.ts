import type { z } from 'zod';
import type { auditListQuery, auditView } from '@rectify/domain/schemas/org';
import { get, withQuery } from '../../../api.ts';
import type { Page } from '../../services/org.ts';

export type AuditRow = z.infer<typeof auditView>;
export type AuditFilters = Partial<Omit<z.infer<typeof auditListQuery>, 'format'>>;

export const listAudit = (filters: AuditFilters) => get<Page<AuditRow>>('/api/audit', filters);
/** The same filters as CSV (every matching row); a plain link, the session cookie authorises it. */
export const auditCsvUrl = (filters: AuditFilters) =>
  withQuery('/api/audit', { ...filters, page: undefined, pageSize: undefined, format: 'csv' });
