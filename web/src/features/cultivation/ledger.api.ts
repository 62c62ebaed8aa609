/**
 * Calls of the R&D ledger endpoints (研发辅助账): projects, entries, the summary of both calibres, the workbook
 * (template, import, export). Types come from core's contracts. The enterprise user's own ledger needs no
 * `enterpriseId`; a bureau user passes one.
 */
import type {
  EntryItem,
  EntryList,
  ProjectItem,
  ProjectList,
} from '@jinke/core/cultivation/ledger.contract.ts';
import type { LedgerSummary, LedgerSummaryYear } from '@jinke/core/cultivation/ledger-summary.contract.ts';
import type { LedgerImportSummary } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { downloadFile, http, uploadFile, type QueryValue } from '../../lib/http.ts';

export type {
  EntryItem,
  EntryList,
  LedgerImportSummary,
  LedgerSummary,
  LedgerSummaryYear,
  ProjectItem,
  ProjectList,
};

export const LEDGER_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ledgerKeys = {
  all: ['cultivation', 'ledger'] as const,
  projects: (enterpriseId?: string) => ['cultivation', 'ledger', 'projects', enterpriseId ?? 'own'] as const,
  entries: (query: Record<string, QueryValue>) => ['cultivation', 'ledger', 'entries', query] as const,
  summary: (year: number | null, enterpriseId?: string) =>
    ['cultivation', 'ledger', 'summary', enterpriseId ?? 'own', year] as const,
};

const enc = encodeURIComponent;

export function listProjects(enterpriseId?: string): Promise<ProjectList> {
  return http.get('/api/cultivation/ledger/projects', { query: { enterpriseId } });
}

/** The body as the form built it; the server parses it with the contract again. */
export type ProjectBody = Record<string, unknown>;

export function createProject(body: ProjectBody): Promise<ProjectItem> {
  return http.post('/api/cultivation/ledger/projects', body);
}

export function updateProject(id: string, body: ProjectBody): Promise<ProjectItem> {
  return http.patch(`/api/cultivation/ledger/projects/${enc(id)}`, body);
}

export function deleteProject(id: string): Promise<{ ok: true }> {
  return http.delete(`/api/cultivation/ledger/projects/${enc(id)}`);
}

export function listEntries(query: Record<string, QueryValue>): Promise<EntryList> {
  return http.get('/api/cultivation/ledger/entries', { query });
}

export type EntryBody = Record<string, unknown>;

export function createEntry(body: EntryBody): Promise<EntryItem> {
  return http.post('/api/cultivation/ledger/entries', body);
}

export function updateEntry(id: string, body: EntryBody): Promise<EntryItem> {
  return http.patch(`/api/cultivation/ledger/entries/${enc(id)}`, body);
}

export function deleteEntry(id: string): Promise<{ ok: true }> {
  return http.delete(`/api/cultivation/ledger/entries/${enc(id)}`);
}

export function fetchSummary(year: number | null, enterpriseId?: string): Promise<LedgerSummary> {
  return http.get('/api/cultivation/ledger/summary', { query: { year: year ?? undefined, enterpriseId } });
}

export function downloadLedgerTemplate(): Promise<void> {
  return downloadFile('/api/cultivation/ledger/template.xlsx', undefined, '研发辅助账模板.xlsx');
}

export function exportLedger(year: number | null, enterpriseId?: string): Promise<void> {
  return downloadFile(
    '/api/cultivation/ledger/export.xlsx',
    { year: year ?? undefined, enterpriseId },
    '研发辅助账.xlsx',
  );
}

/** Sends the workbook itself as the request body. */
export function uploadLedger(file: Blob & { name?: string }): Promise<LedgerImportSummary> {
  return uploadFile<LedgerImportSummary>('/api/cultivation/ledger/import', file, LEDGER_XLSX);
}
