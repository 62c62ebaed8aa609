/** Calls of the indicators dashboard (指标看板), typed from core's contract. */
import type {
  OverviewResponse,
  RecordsResponse,
  ReportedRequest,
  ReportedResponse,
  TargetRequest,
  TargetResponse,
} from '@jinke/core/indicators/api.contract.ts';
import type { AttachmentInfo } from '@jinke/core/common/attachment.contract.ts';
import { downloadFile, http, request, uploadFile, type QueryValue } from '../../lib/http.ts';

export type {
  IndicatorOverviewItem,
  IndicatorRecord,
  OverviewResponse,
  RecordsResponse,
} from '@jinke/core/indicators/api.contract.ts';

export type IndicatorParams = Record<string, QueryValue>;

export const indicatorKeys = {
  all: ['indicators'] as const,
  overview: (year: number | undefined) => ['indicators', 'overview', year ?? null] as const,
  records: (id: string, query: IndicatorParams) => ['indicators', 'records', id, query] as const,
};

export function getOverview(year: number | undefined): Promise<OverviewResponse> {
  return http.get('/api/indicators/overview', { query: { year } });
}

export function getRecords(id: string, query: IndicatorParams): Promise<RecordsResponse> {
  return http.get(`/api/indicators/${encodeURIComponent(id)}/records`, { query });
}

export function exportRecords(id: string, query: IndicatorParams): Promise<void> {
  return downloadFile(
    `/api/indicators/${encodeURIComponent(id)}/records.xlsx`,
    query,
    `indicator-${id}.xlsx`,
  );
}

/** The year's summary as Word (年度工作总结); admin, officer and leader only. */
export function downloadAnnualReport(year: number): Promise<void> {
  return downloadFile('/api/indicators/report/annual.docx', { year }, `annual-report-${year}.docx`);
}

export function setIndicatorTarget(year: number, id: string, body: TargetRequest): Promise<TargetResponse> {
  return request<TargetResponse>('PUT', `/api/indicators/targets/${year}/${encodeURIComponent(id)}`, {
    body,
  });
}

export function setReportedValue(year: number, id: string, body: ReportedRequest): Promise<ReportedResponse> {
  return request<ReportedResponse>('PUT', `/api/indicators/reported/${year}/${encodeURIComponent(id)}`, {
    body,
  });
}

/** The type the server checks a document against, from the file's extension (browsers leave OFD untyped). */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export function attachmentType(file: { name: string; type: string }): string {
  return TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? (file.type || 'application/octet-stream');
}

/** Uploads a department's document; the figure then refers to it by id. */
export function uploadReportedAttachment(file: File): Promise<AttachmentInfo> {
  return uploadFile<AttachmentInfo>('/api/indicators/attachments', file, attachmentType(file));
}

export function downloadReportedAttachment(year: number, id: string, fileName: string): Promise<void> {
  return downloadFile(`/api/indicators/reported/${year}/${encodeURIComponent(id)}/attachment`, {}, fileName);
}
