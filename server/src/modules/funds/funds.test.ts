/**
 * Awards, instalments, clawbacks and acceptance with exact amounts: the science-plan tiers and cap, the patent
 * subsidy's per-item rates from the registry and its yearly cap per enterprise, the standard in force on the day of
 * 立项, the call's budget, and every refusal writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundsDetail } from '@jinke/core/funds/api.contract.ts';
import { fundsFixture, type FundsFixture } from './funds.fixtures.ts';

let f: FundsFixture;
beforeAll(async () => {
  f = await fundsFixture();
}, 120_000);
afterAll(() => f?.t.close());

const count = async (sql: string, params: unknown[] = []) =>
  Number((await f.t.db.query<{ n: string }>(sql, params as never[])).rows[0]!.n);

describe('the computed award', () => {
  it('prices a science-plan project over its tiers: 50万 asked → 20万 × 100% + 30万 × 50% = 35万', async () => {
    const { app } = await f.approved();
    const before = await f.funds('officer', app.id);
    expect(before.award).toBeNull();
    expect(before.computation).toMatchObject({
      standardId: 'science_plan-2017-01-01',
      decidedOn: '2026-11-20',
      grossFen: '35000000',
      proposedFen: '35000000',
      capped: false,
    });
    expect(before.computation!.lines.map((l) => l.zh)).toEqual([
      '申请资金 ¥0.00–¥200,000.00 部分 × 100% = ¥200,000.00',
      '申请资金 ¥200,000.00–¥500,000.00 部分 × 50% = ¥150,000.00',
    ]);
    const made = await f.award(app.id);
    expect(made.award).toMatchObject({
      proposedFen: '35000000',
      approvedFen: '35000000',
      adjustmentReason: null,
    });
    expect(made.totals).toEqual({
      approvedFen: '35000000',
      disbursedFen: '0',
      clawedBackFen: '0',
      netPaidFen: '0',
      undisbursedFen: '35000000',
    });
    const again = await f.as('officer').post(`/api/funds/applications/${app.id}/award`);
    expect(again.json().error.code).toBe('FUNDS_AWARD_EXISTS');
  });

  it('caps a science-plan project at 50万: 120万 asked gives 70万 before the cap', async () => {
    const { app } = await f.approved({ form: { projectTitle: '大额项目研究', requestedWan: 120 } });
    const d = await f.funds('officer', app.id);
    expect(d.computation).toMatchObject({ grossFen: '70000000', proposedFen: '50000000', capped: true });
    expect(d.computation!.lines.at(-1)!.zh).toBe('单项封顶 ¥500,000.00');
  });

  it('pays a patent subsidy per granted patent of the applicant and says what it did not count', async () => {
    const { app } = await f.approved({
      kind: 'patent_subsidy',
      form: {
        patentNumbers: 'CN202310000001.1 CN202320000002.2、CN202310000003.3；CN202399999999.9',
        patentCount: 4,
      },
    });
    const d = await f.funds('officer', app.id);
    expect(d.computation!.lines.map((l) => l.zh)).toEqual([
      '发明专利授权：1 件 × ¥5,000.00 = ¥5,000.00',
      '实用新型专利授权：1 件 × ¥500.00 = ¥500.00',
    ]);
    expect(d.computation!.proposedFen).toBe('550000');
    expect(d.computation!.notes.map((n) => n.zh)).toEqual([
      'CN202310000003.3 未计入：主体库中无本单位的该项授权专利',
      'CN202399999999.9 未计入：主体库中无本单位的该项授权专利',
    ]);
  });

  it('refuses before 立项 and when no standard is in force on the day of 立项', async () => {
    const { app } = await f.approved({ phase: 'notice' });
    const early = await f.as('officer').post(`/api/funds/applications/${app.id}/award`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('FUNDS_NOT_AWARDABLE');
    const { app: contest } = await f.approved({ kind: 'contest', form: {} });
    const none = await f.as('officer').post(`/api/funds/applications/${contest.id}/award`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('2026-11-20 没有有效的资助标准（contest）');
    expect((await f.funds('officer', contest.id)).computationProblem?.zh).toBe(
      '2026-11-20 没有有效的资助标准（contest）',
    );
  });
});

describe('adjustment and the call budget', () => {
  it('adjusts with a reason, refuses without one (400 naming reason) and never overspends the call (60万)', async () => {
    const { call, app } = await f.approved({ budgetFen: 60_000_000 });
    await f.award(app.id);
    const noReason = await f
      .as('officer')
      .put(`/api/funds/applications/${app.id}/award`, { approvedFen: '1' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const bad = await f.as('officer').put(`/api/funds/applications/${app.id}/award`, {
      approvedFen: '12.5',
      reason: '专家建议',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('approvedFen');
    const over = await f.as('officer').put(`/api/funds/applications/${app.id}/award`, {
      approvedFen: '60000001',
      reason: '专家建议增加',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe(
      '超出申报通知预算：预算 60万元（¥600,000.00），其他项目已核定 0万元（¥0.00），剩余预算 60万元（¥600,000.00），本次 60.000001万元（¥600,000.01）',
    );
    const audits = await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1`, [app.id]);
    const ok = await f.as('officer').put(`/api/funds/applications/${app.id}/award`, {
      approvedFen: '40000000',
      reason: '专家评审建议增加设备经费',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<FundsDetail>().award).toMatchObject({
      proposedFen: '35000000',
      approvedFen: '40000000',
      adjustmentReason: '专家评审建议增加设备经费',
    });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1`, [app.id])).toBe(
      audits + 1,
    );
    // A second application of the same call (firm B, 35万 computed) finds only 20万 left.
    const other = await f.start(call.id, 'other');
    await f.t.db.query(
      `UPDATE programme_applications SET phase = 'approved', form_data = $2::jsonb WHERE id = $1`,
      [other.id, JSON.stringify({ projectTitle: '纺织项目', requestedWan: 50 })],
    );
    const refused = await f.as('officer').post(`/api/funds/applications/${other.id}/award`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FUNDS_BUDGET_EXCEEDED');
    expect(refused.json().error.message).toContain('剩余预算 20万元（¥200,000.00）');
    expect(refused.json().error.details).toEqual({ remainingFen: '20000000' });
    expect(
      await count(`SELECT count(*) AS n FROM programme_awards WHERE application_id = $1`, [other.id]),
    ).toBe(0);
  });
});

describe('instalments, clawbacks and acceptance', () => {
  it('pays after the agreement: the first instalment moves 协议 → 拨付, past the award is refused with nothing written', async () => {
    const { app } = await f.approved();
    await f.award(app.id);
    const tooEarly = await f.as('officer').post(`/api/funds/applications/${app.id}/disbursements`, {
      budgetLine: '市级科技三项经费',
      amountFen: '100',
      paidOn: '2026-11-26',
      voucherNo: 'EARLY-1',
    });
    expect(tooEarly.json().error.code).toBe('FUNDS_NOT_DISBURSABLE');
    await f.act('officer', app.id, 'sign');
    const first = await f.disburse(app.id, '20000000', 'JJKJ-2026-0101');
    expect(first.phase).toBe('funded');
    expect(first.disbursements).toMatchObject([
      { instalment: 1, budgetLine: '市级科技三项经费', amountFen: '20000000', voucherNo: 'JJKJ-2026-0101' },
    ]);
    expect(
      await count(
        `SELECT count(*) AS n FROM programme_application_events WHERE application_id = $1 AND action = 'disburse'`,
        [app.id],
      ),
    ).toBe(1);
    const audits = await count(`SELECT count(*) AS n FROM audit_log`);
    const over = await f.as('officer').post(`/api/funds/applications/${app.id}/disbursements`, {
      budgetLine: '市级科技三项经费',
      amountFen: '15000001',
      paidOn: '2026-11-26',
      voucherNo: 'JJKJ-2026-0102',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe(
      '累计拨付将超过核定金额：核定 35万元（¥350,000.00），已拨付 20万元（¥200,000.00），本次最多 15万元（¥150,000.00）',
    );
    expect(await count(`SELECT count(*) AS n FROM audit_log`)).toBe(audits);
    expect(
      await count(`SELECT count(*) AS n FROM programme_disbursements WHERE application_id = $1`, [app.id]),
    ).toBe(1);
    const dup = await f.as('officer').post(`/api/funds/applications/${app.id}/disbursements`, {
      budgetLine: '市级科技三项经费',
      amountFen: '100',
      paidOn: '2026-11-26',
      voucherNo: 'JJKJ-2026-0101',
    });
    expect(dup.json().error.code).toBe('FUNDS_VOUCHER_EXISTS');
    const future = await f.as('officer').post(`/api/funds/applications/${app.id}/disbursements`, {
      budgetLine: '市级科技三项经费',
      amountFen: '100',
      paidOn: '2026-11-27',
      voucherNo: 'X-1',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].field).toBe('paidOn');
    const second = await f.disburse(app.id, '15000000', 'JJKJ-2026-0102');
    expect(second.phase).toBe('funded');
    expect(second.totals).toMatchObject({ disbursedFen: '35000000', undisbursedFen: '0' });
    const below = await f.as('officer').put(`/api/funds/applications/${app.id}/award`, {
      approvedFen: '30000000',
      reason: '压减',
    });
    expect(below.json().error.code).toBe('FUNDS_BELOW_DISBURSED');
  });

  it('records a failed acceptance, claws back within the net paid, then passes and closes', async () => {
    const { app } = await f.approved();
    await f.award(app.id);
    await f.act('officer', app.id, 'sign');
    await f.disburse(app.id, '30000000', 'JJKJ-2026-0201');
    const notYet = await f.as('officer').post(`/api/funds/applications/${app.id}/acceptance`, {
      conclusion: 'passed',
      comments: '通过',
      decidedOn: '2026-11-26',
    });
    expect(notYet.json().error.code).toBe('FUNDS_NOT_IN_ACCEPTANCE');
    await f.act('enterprise', app.id, 'midterm');
    await f.act('enterprise', app.id, 'apply_acceptance');
    const failed = await f.as('officer').post(`/api/funds/applications/${app.id}/acceptance`, {
      conclusion: 'failed',
      comments: '未完成考核指标',
      decidedOn: '2026-11-26',
    });
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json<FundsDetail>().phase).toBe('acceptance');
    const tooMuch = await f.as('officer').post(`/api/funds/applications/${app.id}/clawbacks`, {
      amountFen: '30000001',
      reason: '验收不通过',
      recoveredOn: '2026-11-26',
    });
    expect(tooMuch.json().error.message).toBe('追回金额超过实际拨付净额 30万元（¥300,000.00）');
    const back = await f.as('officer').post(`/api/funds/applications/${app.id}/clawbacks`, {
      amountFen: '10000000',
      reason: '验收不通过，追回部分资金',
      recoveredOn: '2026-11-26',
    });
    expect(back.json<FundsDetail>().totals).toMatchObject({
      clawedBackFen: '10000000',
      netPaidFen: '20000000',
    });
    const badConclusion = await f.as('officer').post(`/api/funds/applications/${app.id}/acceptance`, {
      conclusion: 'maybe',
      comments: '整改后复验',
      decidedOn: '2026-11-26',
    });
    expect(badConclusion.json().error.details.fields[0].field).toBe('conclusion');
    const passed = await f.as('officer').post(`/api/funds/applications/${app.id}/acceptance`, {
      conclusion: 'passed',
      comments: '整改后复验通过',
      decidedOn: '2026-11-26',
    });
    expect(passed.json<FundsDetail>().phase).toBe('closed');
    expect(passed.json<FundsDetail>().acceptances.map((a) => a.conclusion)).toEqual(['failed', 'passed']);
  });

  it('shows the applicant its own award and payments without the reason or the budget; others get 404', async () => {
    const { app } = await f.approved();
    await f.award(app.id);
    await f.as('officer').put(`/api/funds/applications/${app.id}/award`, {
      approvedFen: '34000000',
      reason: '内部理由',
    });
    const mine = await f.funds('enterprise', app.id);
    expect(mine.award).toMatchObject({ approvedFen: '34000000', adjustmentReason: null });
    expect(mine.budget).toBeNull();
    expect((await f.as('other').get(`/api/funds/applications/${app.id}`)).statusCode).toBe(404);
  });
});
