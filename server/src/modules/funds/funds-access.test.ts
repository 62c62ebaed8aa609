/**
 * Who may call each funds endpoint, for every role and the anonymous: officers and admins write, the leader reads,
 * the applicant reads its own application's funds only (another enterprise gets 404), town officers, experts,
 * banks and providers are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL, type Who } from '../programmes/programmes.fixtures.ts';
import { fundsFixture, type FundsFixture } from './funds.fixtures.ts';

let f: FundsFixture;
let app: string;
beforeAll(async () => {
  f = await fundsFixture();
  app = (await f.approved()).app.id;
  await f.award(app);
  await f.act('officer', app, 'sign');
  await f.disburse(app, '10000000', 'ACC-0');
}, 120_000);
afterAll(() => f?.t.close());

async function expectOnly(
  allowed: Who[],
  ok: number,
  call: (who: Who) => Promise<{ statusCode: number; body: string }>,
) {
  for (const who of ALL) {
    const res = await call(who);
    const want = allowed.includes(who) ? ok : who === 'anonymous' ? 401 : 403;
    expect(res.statusCode, `${who}: ${res.body}`).toBe(want);
  }
}

const WRITERS: Who[] = ['admin', 'officer'];
const READERS: Who[] = ['admin', 'officer', 'leader'];
const url = (rest = '') => `/api/funds/applications/${app}${rest}`;

describe('policy standards', () => {
  it('list and read: admin, officer, leader', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/funds/standards'));
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/funds/standards/science_plan-2017-01-01'));
  });

  it('add a version: admin and officer', async () => {
    const months: Partial<Record<Who, string>> = { admin: '2027-01-01', officer: '2027-02-01' };
    await expectOnly(WRITERS, 201, (w) =>
      f.as(w).post('/api/funds/standards', {
        programme: 'talent_team',
        name: { zh: '人才项目', en: 'Talent' },
        effectiveFrom: months[w] ?? '2027-03-01',
        citation: '本局可配置数额',
        perItem: [
          {
            item: 'team',
            label: { zh: '团队', en: 'Team' },
            unit: { zh: '个', en: 'teams' },
            amountFen: '100',
          },
        ],
      }),
    );
  });
});

describe("an application's funds", () => {
  it('read: admin, officer, leader and the applicant; another enterprise 404', async () => {
    await expectOnly([...READERS, 'enterprise'], 200, (w) => f.as(w).get(url()));
    expect((await f.as('other').get(url())).statusCode).toBe(404);
  });

  it('make the award: admin and officer', async () => {
    const apps: Partial<Record<Who, string>> = {
      admin: (await f.approved()).app.id,
      officer: (await f.approved()).app.id,
    };
    await expectOnly(WRITERS, 201, (w) => f.as(w).post(`/api/funds/applications/${apps[w] ?? app}/award`));
  });

  it('adjust, disburse, claw back: admin and officer', async () => {
    await expectOnly(WRITERS, 200, (w) =>
      f.as(w).put(url('/award'), { approvedFen: '30000000', reason: `${w} 调整` }),
    );
    await expectOnly(WRITERS, 201, (w) =>
      f.as(w).post(url('/disbursements'), {
        budgetLine: '市级科技三项经费',
        amountFen: '100',
        paidOn: '2026-11-26',
        voucherNo: `ACC-${w}`,
      }),
    );
    await expectOnly(WRITERS, 201, (w) =>
      f.as(w).post(url('/clawbacks'), { amountFen: '1', reason: '多拨冲回', recoveredOn: '2026-11-26' }),
    );
  });

  it('record the acceptance: admin and officer', async () => {
    await f.act('enterprise', app, 'midterm');
    await f.act('enterprise', app, 'apply_acceptance');
    await expectOnly(WRITERS, 201, (w) =>
      f
        .as(w)
        .post(url('/acceptance'), { conclusion: 'failed', comments: '指标未完成', decidedOn: '2026-11-26' }),
    );
  });
});

describe('supervision', () => {
  it('flags and budget use: admin, officer, leader', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/funds/supervision'));
  });
});
