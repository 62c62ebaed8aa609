/**
 * Policy standards as versions (a new one starts tomorrow at the earliest and ends its predecessor the day before;
 * the award takes the one in force on the day of 立项), the patent subsidy's yearly cap per enterprise, and the
 * supervision flags with their reasons, per call and overall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandardsResponse, SupervisionResponse } from '@jinke/core/funds/api.contract.ts';
import { fundsFixture, type FundsFixture } from './funds.fixtures.ts';

let f: FundsFixture;
beforeAll(async () => {
  f = await fundsFixture();
}, 120_000);
afterAll(() => f?.t.close());

const NEW_SCIENCE = {
  programme: 'science_plan',
  name: { zh: '科技计划项目经费标准（2026 年 12 月起）', en: 'Science-plan standard from December 2026' },
  effectiveFrom: '2026-12-01',
  citation: '本局 2026 年第 5 次局务会议纪要',
  tiers: { base: { zh: '申请资金', en: 'Funding requested' }, bands: [{ fromFen: '0', percent: '80' }] },
  capPerApplicationFen: '30000000',
};

describe('policy standard versions', () => {
  it('lists the shipped standards in force, each with its citation and the configurable-figure note', async () => {
    const res = await f.as('leader').get('/api/funds/standards');
    const items = res.json<StandardsResponse>().items;
    expect(items.map((s) => [s.id, s.status])).toEqual([
      ['innovation_award-2017-01-01', 'in_force'],
      ['patent_industrialisation-2017-01-01', 'in_force'],
      ['patent_subsidy-2017-01-01', 'in_force'],
      ['science_plan-2017-01-01', 'in_force'],
    ]);
    expect(items.every((s) => s.citation.includes('晋科〔2018〕11号') && s.note?.includes('可配置'))).toBe(
      true,
    );
  });

  it('refuses a retroactive version and bad input naming the field', async () => {
    const today = await f
      .as('officer')
      .post('/api/funds/standards', { ...NEW_SCIENCE, effectiveFrom: '2026-11-26' });
    expect(today.statusCode).toBe(409);
    expect(today.json().error.message).toBe(
      '新版本资助标准最早自 2026-11-27 起生效（今天是 2026-11-26），不能追溯',
    );
    const ends = await f
      .as('officer')
      .post('/api/funds/standards', { ...NEW_SCIENCE, effectiveTo: '2026-11-30' });
    expect(ends.statusCode).toBe(400);
    expect(ends.json().error.details.fields[0].field).toBe('effectiveTo');
    const { citation: _c, ...noCitation } = NEW_SCIENCE;
    const missing = await f.as('officer').post('/api/funds/standards', noCitation);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toBe('citation');
  });

  it('adds a version from 2026-12-01, ends the old one on 2026-11-30, and prices each award by its day of 立项', async () => {
    const created = await f.as('officer').post('/api/funds/standards', NEW_SCIENCE);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'science_plan-2026-12-01', status: 'future' });
    const old = await f.as('officer').get('/api/funds/standards/science_plan-2017-01-01');
    expect(old.json()).toMatchObject({ effectiveTo: '2026-11-30', status: 'in_force' });
    const again = await f.as('officer').post('/api/funds/standards', NEW_SCIENCE);
    expect(again.json().error.code).toBe('FUNDS_STANDARD_EXISTS');

    const { app: before } = await f.approved({ approvedOn: '2026-11-30' });
    expect((await f.funds('officer', before.id)).computation).toMatchObject({
      standardId: 'science_plan-2017-01-01',
      proposedFen: '35000000',
    });
    const { app: after } = await f.approved({ approvedOn: '2026-12-01', who: 'other' });
    const d = await f.funds('officer', after.id);
    expect(d.computation).toMatchObject({ standardId: 'science_plan-2026-12-01', grossFen: '40000000' });
    expect(d.computation!.proposedFen).toBe('30000000');
    expect(d.computation!.lines.map((l) => l.zh)).toEqual([
      '申请资金 ¥0.00–¥500,000.00 部分 × 80% = ¥400,000.00',
      '单项封顶 ¥300,000.00',
    ]);
  });
});

describe('yearly cap and supervision', () => {
  const PATENTS = { patentNumbers: 'CN202310000001.1 CN202320000002.2', patentCount: 2 };

  it('stops the second patent subsidy of the year at the ¥100,000 cap, then flags duplicate, above-standard and lapse', async () => {
    const first = await f.approved({ kind: 'patent_subsidy', form: PATENTS, callTitle: '专利资助第一批' });
    await f.award(first.app.id);
    const raised = await f.as('officer').put(`/api/funds/applications/${first.app.id}/award`, {
      approvedFen: '9900000',
      reason: '含往年漏报专利',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const second = await f.approved({ kind: 'patent_subsidy', form: PATENTS, callTitle: '专利资助第二批' });
    const d = await f.funds('officer', second.app.id);
    expect(d.computation).toMatchObject({ grossFen: '550000', proposedFen: '100000', capped: true });
    expect(d.computation!.lines.at(-1)!.zh).toBe(
      '每家企业每年封顶 ¥100,000.00，本年已资助 ¥99,000.00，本次至多 ¥1,000.00',
    );
    await f.award(second.app.id);
    await f.t.db.query(
      `UPDATE patents SET legal_status = 'lapsed', lapsed_on = '2027-03-01' WHERE application_no = 'CN202320000002.2'`,
    );

    const all = (await f.as('leader').get('/api/funds/supervision')).json<SupervisionResponse>();
    expect(all.flags.map((x) => [x.kind, x.itemKey, x.zh])).toEqual([
      ['duplicate', 'CN202310000001.1', '91350582MA0000001X 的 CN202310000001.1 在同一资助项目中获资助 2 次'],
      ['duplicate', 'CN202320000002.2', '91350582MA0000001X 的 CN202320000002.2 在同一资助项目中获资助 2 次'],
      ['above-standard', null, '资助金额高于标准计算金额（调整理由：含往年漏报专利）'],
      [
        'lapsed-within-clawback',
        'CN202320000002.2',
        '受资助专利 CN202320000002.2 于 2027-03-01 失效，在资助后 2 年追回期内',
      ],
      [
        'lapsed-within-clawback',
        'CN202320000002.2',
        '受资助专利 CN202320000002.2 于 2027-03-01 失效，在资助后 2 年追回期内',
      ],
    ]);
    expect(all.flags[0]).toMatchObject({
      applicationIds: [first.app.id, second.app.id],
      callTitles: ['专利资助第一批', '专利资助第二批'],
      enterpriseName: '甲鞋业有限公司',
    });

    const one = (
      await f.as('officer').get(`/api/funds/supervision?callId=${first.call.id}`)
    ).json<SupervisionResponse>();
    expect(one.flags.map((x) => x.kind)).toEqual([
      'duplicate',
      'duplicate',
      'above-standard',
      'lapsed-within-clawback',
    ]);
    expect(one.budgets).toEqual([
      {
        callId: first.call.id,
        callTitle: '专利资助第一批',
        year: 2026,
        budgetFen: '810000000',
        awardedFen: '9900000',
        remainingFen: '800100000',
        disbursedFen: '0',
        clawedBackFen: '0',
        awards: 1,
      },
    ]);
    const bad = await f.as('officer').get('/api/funds/supervision?callId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('querystring.callId');
  });
});
