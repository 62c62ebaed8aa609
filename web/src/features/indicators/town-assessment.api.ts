/** Calls of the town assessment (镇街考核), typed from core's contract. */
import type {
  TownAssessmentResponse,
  WeightsRequest,
  WeightsResponse,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { downloadFile, http, request } from '../../lib/http.ts';

export type {
  AssessmentPart,
  AssessmentWeight,
  TownAssessmentResponse,
  TownAssessmentRow,
} from '@jinke/core/indicators/town-assessment.contract.ts';

export const townAssessmentKeys = {
  all: ['town-assessment'] as const,
  year: (year: number | undefined) => ['town-assessment', year ?? null] as const,
};

export function getTownAssessment(year: number | undefined): Promise<TownAssessmentResponse> {
  return http.get('/api/indicators/town-assessment', { query: { year } });
}

export function setTownWeights(year: number, body: WeightsRequest): Promise<WeightsResponse> {
  return request<WeightsResponse>('PUT', '/api/indicators/town-assessment/weights', {
    query: { year },
    body,
  });
}

/** A town's sheet (.xlsx); a town officer may fetch their own town only. */
export function downloadTownSheet(year: number, town: string): Promise<void> {
  return downloadFile(
    `/api/indicators/town-assessment/${encodeURIComponent(town)}.xlsx`,
    { year },
    `town-assessment-${year}-${town}.xlsx`,
  );
}
