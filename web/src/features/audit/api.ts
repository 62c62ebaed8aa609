/** Calls of the audit endpoints (admin): the trail, its export and the verification of the hash chain. */
import type { AuditEntryItem, AuditList, AuditVerifyResponse } from '@jinke/core/audit/audit.contract.ts';
import { downloadFile, http } from '../../lib/http.ts';

export type { AuditEntryItem, AuditList, AuditVerifyResponse };

/** Filters as the list and the export share them; dates are calendar days `YYYY-MM-DD`, read in UTC+8. */
export interface AuditFilterValues {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilterValues, page: number, pageSize: number) => ['audit', 'list', filters, page, pageSize] as const,
};

export function listAudit(filters: AuditFilterValues, page: number, pageSize: number): Promise<AuditList> {
  return http.get('/api/audit', { query: { ...filters, page, pageSize } });
}

export function exportAudit(filters: AuditFilterValues): Promise<void> {
  return downloadFile('/api/audit/export.xlsx', { ...filters }, 'audit.xlsx');
}

export function verifyAudit(): Promise<AuditVerifyResponse> {
  return http.post('/api/audit/verify');
}
