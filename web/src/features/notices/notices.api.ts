/** Calls of decisions and public notices (研究决定与公示), typed from core's contract. Public calls need no session. */
import type {
  ConfirmResponse,
  DecisionsRequest,
  DecisionsResponse,
  HandleObjectionRequest,
  NoticeDetail,
  NoticesResponse,
  ObjectionItem,
  ObjectionReceipt,
  ObjectionRequest,
  ObjectionsResponse,
  ResultsResponse,
  StaffNoticesResponse,
} from '@jinke/core/notices/notices.contract.ts';
import type { ApplicationsResponse, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import { downloadFile, http } from '../../lib/http.ts';

export type {
  DecisionItem,
  NoticeDetail,
  NoticeEntry,
  NoticeItem,
  NoticeStaffItem,
  ObjectionItem,
  ResultItem,
} from '@jinke/core/notices/notices.contract.ts';
export type { ApplicationItem } from '@jinke/core/programmes/api.contract.ts';

const enc = encodeURIComponent;

export const noticesKeys = {
  all: ['notices'] as const,
  call: (id: string) => ['notices', 'call', id] as const,
  pending: (callId: string) => ['notices', 'pending', callId] as const,
  staff: (callId: string) => ['notices', 'staff', callId] as const,
  objections: (id: string) => ['notices', 'objections', id] as const,
  publicList: ['public-notices'] as const,
  publicNotice: (id: string) => ['public-notices', id] as const,
  results: (year: number | undefined) => ['programme-results', year ?? null] as const,
};

export const getCall = (id: string): Promise<CallDetail> => http.get(`/api/programmes/calls/${enc(id)}`);
/** The call's applications awaiting a decision (the programmes API). */
export const awaitingDecision = (callId: string): Promise<ApplicationsResponse> =>
  http.get('/api/programmes/applications', { query: { callId, phase: 'decision', pageSize: 200 } });
export const decide = (callId: string, body: DecisionsRequest): Promise<DecisionsResponse> =>
  http.post(`/api/programmes/calls/${enc(callId)}/decisions`, body);
export const staffNotices = (callId: string): Promise<StaffNoticesResponse> =>
  http.get('/api/programmes/notices', { query: { callId } });
export const staffNotice = (id: string): Promise<NoticeDetail> =>
  http.get(`/api/programmes/notices/${enc(id)}`);
export const confirmNotice = (id: string): Promise<ConfirmResponse> =>
  http.post(`/api/programmes/notices/${enc(id)}/confirm`);
export const objections = (noticeId: string): Promise<ObjectionsResponse> =>
  http.get(`/api/programmes/notices/${enc(noticeId)}/objections`);
export const handleObjection = (id: string, body: HandleObjectionRequest): Promise<ObjectionItem> =>
  http.post(`/api/programmes/objections/${enc(id)}/handle`, body);
/** Cancels an entry after an upheld objection: the workflow's own transition. */
export const cancelEntry = (applicationId: string, reason: string): Promise<unknown> =>
  http.post(`/api/programmes/applications/${enc(applicationId)}/transitions`, {
    action: 'withdraw_after_objection',
    reason,
  });

export const publicNotices = (): Promise<NoticesResponse> =>
  http.get('/api/public/notices', { sessionEvents: false });
export const publicNotice = (id: string): Promise<NoticeDetail> =>
  http.get(`/api/public/notices/${enc(id)}`, { sessionEvents: false });
export const fileObjection = (noticeId: string, body: ObjectionRequest): Promise<ObjectionReceipt> =>
  http.post(`/api/public/notices/${enc(noticeId)}/objections`, body, { sessionEvents: false });
export const publicResults = (year: number | undefined): Promise<ResultsResponse> =>
  http.get('/api/public/programme-results', { query: { year }, sessionEvents: false });
export const downloadResultsCsv = (year: number | undefined): Promise<void> =>
  downloadFile(
    '/api/public/programme-results.csv',
    { year },
    year ? `jinke-programme-results-${year}.csv` : 'jinke-programme-results.csv',
  );
