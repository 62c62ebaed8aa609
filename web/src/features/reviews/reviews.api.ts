/** Calls of expert reviews (专家评审), typed from core's contract. */
import type {
  AssignmentsResponse,
  CalibrationResponse,
  DeclarationRequest,
  ProgressResponse,
  ResultsResponse,
  ReviewBody,
  ReviewDetail,
  RoundRequest,
  RoundResponse,
} from '@jinke/core/reviews/api.contract.ts';
import { http, request } from '../../lib/http.ts';

export type {
  AssignmentItem,
  CalibrationResponse,
  ProgressResponse,
  ResultItem,
  ResultsResponse,
  ReviewDetail,
  ReviewWindow,
  RoundDetail,
  RoundRequest,
} from '@jinke/core/reviews/api.contract.ts';

export const reviewKeys = {
  all: ['reviews'] as const,
  round: (callId: string) => ['reviews', 'round', callId] as const,
  progress: (callId: string) => ['reviews', 'progress', callId] as const,
  results: (callId: string) => ['reviews', 'results', callId] as const,
  calibration: (callId: string) => ['reviews', 'calibration', callId] as const,
  assignments: ['reviews', 'assignments'] as const,
  review: (id: string) => ['reviews', 'review', id] as const,
};

const enc = encodeURIComponent;
const call = (id: string, rest: string) => `/api/reviews/calls/${enc(id)}/${rest}`;
const app = (id: string, rest = '') => `/api/reviews/applications/${enc(id)}${rest}`;

export const getRound = (callId: string): Promise<RoundResponse> => http.get(call(callId, 'round'));
export const setRound = (callId: string, body: RoundRequest): Promise<RoundResponse> =>
  request('PUT', call(callId, 'round'), { body });
export const getProgress = (callId: string): Promise<ProgressResponse> => http.get(call(callId, 'progress'));
export const getResults = (callId: string): Promise<ResultsResponse> => http.get(call(callId, 'results'));
export const getCalibration = (callId: string): Promise<CalibrationResponse> =>
  http.get(call(callId, 'calibration'));
export const listAssignments = (): Promise<AssignmentsResponse> => http.get('/api/reviews/assignments');
export const getReview = (id: string): Promise<ReviewDetail> => http.get(app(id));
export const declare = (id: string, body: DeclarationRequest): Promise<ReviewDetail> =>
  http.post(app(id, '/declaration'), body);
export const saveReview = (id: string, body: ReviewBody): Promise<ReviewDetail> =>
  request('PUT', app(id, '/review'), { body });
export const submitReview = (id: string, body: ReviewBody): Promise<ReviewDetail> =>
  http.post(app(id, '/submit'), body);
