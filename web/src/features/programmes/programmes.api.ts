/** Calls of programme calls and applications (项目申报), typed from core's contract. */
import type { AttachmentInfo } from '@jinke/core/common/attachment.contract.ts';
import type {
  ApplicationDetail,
  ApplicationsResponse,
  CallDetail,
  CallRequest,
  CallsResponse,
  FormDataBody,
  TimelineResponse,
} from '@jinke/core/programmes/api.contract.ts';
import { http, request, uploadFile, type QueryValue } from '../../lib/http.ts';

export type {
  ApplicationDetail,
  ApplicationItem,
  CallDetail,
  CallItem,
  CallRequest,
  ClockInfo,
  TimelineResponse,
} from '@jinke/core/programmes/api.contract.ts';

export const programmesKeys = {
  all: ['programmes'] as const,
  calls: (query: Record<string, QueryValue>) => ['programmes', 'calls', query] as const,
  applications: (query: Record<string, QueryValue>) => ['programmes', 'applications', query] as const,
  application: (id: string) => ['programmes', 'application', id] as const,
  timeline: (id: string) => ['programmes', 'timeline', id] as const,
};

const enc = encodeURIComponent;

export const listCalls = (query: Record<string, QueryValue> = {}): Promise<CallsResponse> =>
  http.get('/api/programmes/calls', { query });
export const createCall = (body: CallRequest): Promise<CallDetail> =>
  http.post('/api/programmes/calls', body);
export const openCall = (id: string): Promise<CallDetail> =>
  http.post(`/api/programmes/calls/${enc(id)}/open`);
export const closeCall = (id: string): Promise<CallDetail> =>
  http.post(`/api/programmes/calls/${enc(id)}/close`);
export const startApplication = (callId: string): Promise<ApplicationDetail> =>
  http.post(`/api/programmes/calls/${enc(callId)}/applications`);
export const listApplications = (query: Record<string, QueryValue> = {}): Promise<ApplicationsResponse> =>
  http.get('/api/programmes/applications', { query });
export const getApplication = (id: string): Promise<ApplicationDetail> =>
  http.get(`/api/programmes/applications/${enc(id)}`);
export const saveForm = (id: string, body: FormDataBody): Promise<ApplicationDetail> =>
  request('PUT', `/api/programmes/applications/${enc(id)}/form`, { body });
export const act = (id: string, action: string, reason?: string): Promise<ApplicationDetail> =>
  http.post(`/api/programmes/applications/${enc(id)}/transitions`, { action, ...(reason ? { reason } : {}) });
export const timeline = (id: string): Promise<TimelineResponse> =>
  http.get(`/api/programmes/applications/${enc(id)}/timeline`);
export const uploadAttachment = (id: string, file: File): Promise<AttachmentInfo> =>
  uploadFile(
    `/api/programmes/applications/${enc(id)}/attachments`,
    file,
    file.type || 'application/octet-stream',
  );
export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api/programmes/applications/${enc(id)}/attachments/${enc(attachmentId)}`;
