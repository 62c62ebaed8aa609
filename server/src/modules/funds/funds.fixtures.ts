/**
 * Funds test data on the programmes fixture (firm A with two granted patents and one pending, firm B, one client
 * per role; clock at 2026-11-26 China time): the shipped standards installed, and `approved`, which opens a call,
 * starts firm A's (or B's) application and moves it to 立项 on a given day as the decision and notice slices would
 * (the phase and its event row), so the funds tests start where they begin.
 */
import type { ApplicationDetail, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import type { FundsDetail } from '@jinke/core/funds/api.contract.ts';
import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { programmesFixture, type ProgrammesFixture, type Who } from '../programmes/programmes.fixtures.ts';
import { installShippedStandards } from './standards.service.ts';

export interface FundsFixture extends ProgrammesFixture {
  /** An application of a new call in phase `phase` (default 立项), approved on `approvedOn`. */
  approved(q?: {
    kind?: string;
    budgetFen?: number;
    form?: Record<string, unknown>;
    who?: 'enterprise' | 'other';
    approvedOn?: string;
    phase?: string;
    callTitle?: string;
  }): Promise<{ call: CallDetail; app: ApplicationDetail }>;
  funds(who: Who, id: string): Promise<FundsDetail>;
  award(id: string): Promise<FundsDetail>;
  disburse(id: string, amountFen: string, voucherNo: string, paidOn?: string): Promise<FundsDetail>;
}

export const SCIENCE_FORM = { projectTitle: '智能鞋底成型装备研发', requestedWan: 50 };

let calls = 0;

export async function fundsFixture(): Promise<FundsFixture> {
  const f = await programmesFixture();
  await f.t.db.transaction((tx) => installShippedStandards(tx, systemContext('test'), f.t.clock.now()));

  const approved: FundsFixture['approved'] = async (q = {}) => {
    calls += 1;
    const call = await f.openCall({
      kind: q.kind ?? 'science_plan',
      title: q.callTitle ?? `资金测试通知 ${calls}`,
      ...(q.budgetFen === undefined ? {} : { budgetFen: q.budgetFen }),
    });
    const app = await f.start(call.id, q.who ?? 'enterprise');
    const day = q.approvedOn ?? '2026-11-20';
    await f.t.db.query(
      `UPDATE programme_applications SET phase = $2, form_data = form_data || $3::jsonb WHERE id = $1`,
      [app.id, q.phase ?? 'approved', JSON.stringify(q.form ?? SCIENCE_FORM)],
    );
    await f.t.db.query(
      `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, at)
       VALUES ($1, 'notice', 'approved', 'confirm', $2)`,
      [app.id, new Date(`${day}T10:00:00+08:00`)],
    );
    return { call, app };
  };
  const funds = async (who: Who, id: string) => {
    const res = await f.as(who).get(`/api/funds/applications/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FundsDetail>();
  };
  const award = async (id: string) => {
    const res = await f.as('officer').post(`/api/funds/applications/${id}/award`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FundsDetail>();
  };
  const disburse = async (id: string, amountFen: string, voucherNo: string, paidOn = '2026-11-26') => {
    const res = await f.as('officer').post(`/api/funds/applications/${id}/disbursements`, {
      budgetLine: '市级科技三项经费',
      amountFen,
      paidOn,
      voucherNo,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FundsDetail>();
  };
  return { ...f, approved, funds, award, disburse };
}
