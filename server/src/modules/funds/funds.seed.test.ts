/**
 * The demo funds: last year's call with the demo enterprise's project awarded 25万 (30万 asked) and paid a first
 * instalment of 15万, which moved it to 拨付, and another firm's project approved and waiting; seeding twice adds
 * nothing. Both applications read through the programmes API like any other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApplicationDetail } from '@jinke/core/programmes/api.contract.ts';
import type { FundsDetail } from '@jinke/core/funds/api.contract.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { systemContext } from '../../platform/context.ts';
import { seedProgrammesDemo } from '../programmes/index.ts';
import { DEMO_ENTERPRISE_USCC, demoFundsCallTitle, seedFundsDemo } from './funds.seed.ts';

let t: TestContext;
let officer: Client;
beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  await t.db.query(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, '晋江交发科技有限公司', '350582101'),
       ('91350582MA0000009X', '丙纺织有限公司', '350582101')`,
    [DEMO_ENTERPRISE_USCC],
  );
  const deps = { db: t.db, clock: () => t.clock.now() };
  await seedProgrammesDemo(deps, systemContext('test'));
  await seedFundsDemo(deps, systemContext('test'));
  await seedFundsDemo(deps, systemContext('test'));
}, 120_000);
afterAll(() => t?.close());

it('awards and pays the demo project and leaves the other approved', async () => {
  const { rows } = await t.db.query<{ id: string; uscc: string; phase: string }>(
    `SELECT a.id, e.uscc, a.phase FROM programme_applications a
     JOIN programme_calls c ON c.id = a.call_id JOIN enterprises e ON e.id = a.enterprise_id
     WHERE c.title = $1 ORDER BY e.uscc = $2 DESC`,
    [demoFundsCallTitle(2025), DEMO_ENTERPRISE_USCC],
  );
  expect(rows.map((r) => r.phase)).toEqual(['funded', 'approved']);
  const funded = (await officer.get(`/api/funds/applications/${rows[0]!.id}`)).json<FundsDetail>();
  expect(funded.award).toMatchObject({
    proposedFen: '25000000',
    approvedFen: '25000000',
    decidedOn: '2026-10-27',
  });
  expect(funded.disbursements).toMatchObject([
    { instalment: 1, budgetLine: '市级科技三项经费', amountFen: '15000000', voucherNo: 'JJKJ-2026-0001' },
  ]);
  const waiting = (await officer.get(`/api/funds/applications/${rows[1]!.id}`)).json<FundsDetail>();
  expect(waiting.award).toBeNull();
  expect(waiting.computation?.proposedFen).toBe('40000000');
  const app = await officer.get(`/api/programmes/applications/${rows[1]!.id}`);
  expect(app.statusCode, app.body).toBe(200);
  expect(app.json<ApplicationDetail>().actions.map((a) => a.id)).toEqual(['sign']);
});
