/** Calls of programme funds (资金), typed from core's contract. */
import type {
  AcceptanceRequest,
  AdjustRequest,
  ClawbackRequest,
  DisbursementRequest,
  FundsDetail,
  StandardsResponse,
  SupervisionResponse,
} from '@jinke/core/funds/api.contract.ts';
import { http, request } from '../../lib/http.ts';

export type {
  Acceptance,
  BudgetUse,
  Clawback,
  Computation,
  Disbursement,
  FundsDetail,
  StandardView,
  SupervisionFlag,
} from '@jinke/core/funds/api.contract.ts';

export const fundsKeys = {
  all: ['funds'] as const,
  application: (id: string) => ['funds', 'application', id] as const,
  supervision: (callId: string | null) => ['funds', 'supervision', callId] as const,
  standards: ['funds', 'standards'] as const,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/funds/applications/${enc(id)}`;

export const getFunds = (id: string): Promise<FundsDetail> => http.get(base(id));
export const makeAward = (id: string): Promise<FundsDetail> => http.post(`${base(id)}/award`);
export const adjustAward = (id: string, body: AdjustRequest): Promise<FundsDetail> =>
  request('PUT', `${base(id)}/award`, { body });
export const addDisbursement = (id: string, body: DisbursementRequest): Promise<FundsDetail> =>
  http.post(`${base(id)}/disbursements`, body);
export const addClawback = (id: string, body: ClawbackRequest): Promise<FundsDetail> =>
  http.post(`${base(id)}/clawbacks`, body);
export const recordAcceptance = (id: string, body: AcceptanceRequest): Promise<FundsDetail> =>
  http.post(`${base(id)}/acceptance`, body);
export const getSupervision = (callId: string | null): Promise<SupervisionResponse> =>
  http.get('/api/funds/supervision', { query: { callId: callId ?? undefined } });
export const listStandards = (): Promise<StandardsResponse> => http.get('/api/funds/standards');
