/**
 * Calls of the self-assessment endpoints (自评): the registry prefill, saving, the saved list and the health-check
 * report download. Types come from core's contract.
 */
import type {
  AssessmentDetail,
  AssessmentKind,
  AssessmentList,
  PrefillResponse,
} from '@jinke/core/cultivation/assessments.contract.ts';
import { downloadFile, http } from '../../lib/http.ts';

export type { AssessmentDetail, AssessmentKind, AssessmentList, PrefillResponse };

export const assessmentKeys = {
  all: ['cultivation', 'assessments'] as const,
  prefill: (kind: AssessmentKind, date: string | null) =>
    ['cultivation', 'assessments', 'prefill', kind, date] as const,
  list: (kind: AssessmentKind) => ['cultivation', 'assessments', 'list', kind] as const,
};

/** The draft of the signed-in enterprise (or of `enterpriseId` for bureau users) on `assessmentDate` (default today). */
export function fetchPrefill(
  kind: AssessmentKind,
  assessmentDate: string | null,
  enterpriseId?: string,
): Promise<PrefillResponse> {
  return http.get('/api/cultivation/assessments/prefill', {
    query: { kind, assessmentDate: assessmentDate ?? undefined, enterpriseId },
  });
}

export function saveAssessment(
  kind: AssessmentKind,
  input: Record<string, unknown>,
  enterpriseId?: string,
): Promise<AssessmentDetail> {
  return http.post('/api/cultivation/assessments', {
    kind,
    input,
    ...(enterpriseId ? { enterpriseId } : {}),
  });
}

export function listAssessments(kind: AssessmentKind, enterpriseId?: string): Promise<AssessmentList> {
  return http.get('/api/cultivation/assessments', { query: { kind, enterpriseId, pageSize: 50 } });
}

export function downloadReport(id: string): Promise<void> {
  return downloadFile(
    `/api/cultivation/assessments/${encodeURIComponent(id)}/report.docx`,
    undefined,
    '体检报告.docx',
  );
}
