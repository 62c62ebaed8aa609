/** Calls of the indicators dashboard (指标看板), typed from core's contract. */
import type {
  OverviewResponse,
  RecordsResponse,
  ReportedRequest,
  ReportedResponse,
  TargetRequest,
  TargetResponse,
} from '@jinke/core/indicators/api.contract.ts';
import { downloadFile, http, request, type QueryValue } from '../../lib/http.ts';

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
