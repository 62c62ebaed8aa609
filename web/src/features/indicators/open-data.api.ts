/** Calls of the public open-data page (指标公开数据), typed from core's contract; no session needed. */
import type { OpenDataResponse } from '@jinke/core/indicators/open-data.contract.ts';
import { downloadFile, http } from '../../lib/http.ts';

export type { OpenDataItem, OpenDataResponse } from '@jinke/core/indicators/open-data.contract.ts';

export const openDataKeys = {
  year: (year: number | undefined) => ['open-data', year ?? null] as const,
};

export function getOpenData(year: number | undefined): Promise<OpenDataResponse> {
  return http.get('/api/public/indicators', { query: { year }, sessionEvents: false });
}

export function downloadOpenDataCsv(year: number): Promise<void> {
  return downloadFile('/api/public/indicators.csv', { year }, `jinke-indicators-${year}.csv`);
}

/** The JSON as the API answers it, saved as a file. */
export function downloadOpenDataJson(year: number): Promise<void> {
  return downloadFile('/api/public/indicators', { year }, `jinke-indicators-${year}.json`);
}
