/** Calls of the candidate pipeline (高企培育库), typed from core's contract. */
import type {
  ExpiringResponse,
  PipelineResponse,
  TargetItem,
} from '@jinke/core/cultivation/pipeline.contract.ts';
import { downloadFile, http, request, type QueryValue } from '../../lib/http.ts';

export type {
  ExpiringItem,
  GapGroup,
  PipelineItem,
  PipelineResponse,
} from '@jinke/core/cultivation/pipeline.contract.ts';

export type PipelineParams = Record<string, QueryValue>;

export const pipelineKeys = {
  all: ['cultivation', 'pipeline'] as const,
  list: (query: PipelineParams) => ['cultivation', 'pipeline', 'list', query] as const,
  expiring: (query: PipelineParams) => ['cultivation', 'pipeline', 'expiring', query] as const,
};

export function getPipeline(query: PipelineParams): Promise<PipelineResponse> {
  return http.get('/api/cultivation/pipeline', { query });
}

export function getExpiring(query: PipelineParams): Promise<ExpiringResponse> {
  return http.get('/api/cultivation/pipeline/expiring', { query });
}

export function exportPipeline(query: PipelineParams): Promise<void> {
  return downloadFile('/api/cultivation/pipeline/export.xlsx', query, 'hnte-pipeline.xlsx');
}

export function setTarget(year: number, targetAbove: number, source: string | null): Promise<TargetItem> {
  return request<TargetItem>('PUT', `/api/cultivation/pipeline/targets/${year}`, {
    body: { targetAbove, source },
  });
}
