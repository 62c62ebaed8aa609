/**
 * Linkage test data on a fresh app: two enterprises in 安海镇 and one in another town; leader `lead` linked to
 * the first two, leader `other` to none; an officer; a town officer of 安海镇; an enterprise user of the first
 * firm; one client per remaining role. The test clock stands at 2026-11-26 (China time).
 */
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { ProblemItem, VisitResponse } from '@jinke/core/linkage/api.contract.ts';
import { expect } from 'vitest';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

export const ANHAI = '350582101';
export const OTHER_TOWN = '350582102';
export const TODAY = '2026-11-26';
export const FIRM_A = '91350582MA0000001X';

export type Who = Role | 'anonymous' | 'other';

export interface LinkageFixture {
  t: TestContext;
  as: (who: Who) => Client;
  ids: Record<Who, string>;
  enterprises: { a: string; b: string; c: string };
  /** Records a visit as `who` and returns the response body (201 expected). */
  visit(who: Who, body: Record<string, unknown>): Promise<VisitResponse>;
  /** A problem raised at a visit by the linked leader, with `fields` over the defaults. */
  problem(fields?: Record<string, unknown>, enterprise?: string): Promise<ProblemItem>;
}

async function enterprise(t: TestContext, uscc: string, name: string, town: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id`,
    [uscc, name, town],
  );
  return rows[0]!.id;
}

export async function linkageFixture(): Promise<LinkageFixture> {
  const t = await createTestApp();
  const enterprises = {
    a: await enterprise(t, FIRM_A, '甲鞋业有限公司', ANHAI),
    b: await enterprise(t, '91350582MA0000002X', '乙纺织有限公司', ANHAI),
    c: await enterprise(t, '91350582MA0000003X', '丙机械有限公司', OTHER_TOWN),
  };
  const c: Partial<Record<Who, Client & { userId?: string }>> = {};
  const ids: Partial<Record<Who, string>> = {};
  for (const role of ['admin', 'officer', 'leader', 'expert', 'bank', 'provider'] as const) {
    const u = await userClient(t, { role, displayName: `${role}名` });
    c[role] = u;
    ids[role] = u.userId;
  }
  const other = await userClient(t, { role: 'leader', displayName: '另一领导' });
  c.other = other;
  ids.other = other.userId;
  const town = await userClient(t, { role: 'town', scopeId: ANHAI });
  c.town = town;
  ids.town = town.userId;
  const firm = await userClient(t, { role: 'enterprise', scopeId: FIRM_A });
  c.enterprise = firm;
  ids.enterprise = firm.userId;
  c.anonymous = client(t.app);
  ids.anonymous = '';
  const as = (who: Who) => c[who]!;
  for (const e of [enterprises.a, enterprises.b]) {
    const res = await as('officer').post('/api/linkage/links', { leaderId: ids.leader, enterpriseId: e });
    expect(res.statusCode, res.body).toBe(201);
  }
  const visit = async (who: Who, body: Record<string, unknown>) => {
    const res = await as(who).post('/api/linkage/visits', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<VisitResponse>();
  };
  const problem = async (fields: Record<string, unknown> = {}, enterpriseId = enterprises.a) => {
    const v = await visit('leader', {
      enterpriseId,
      visitedOn: '2026-10-01',
      summary: '走访了解研发情况',
      problems: [{ title: '申报高企需要辅导', category: 'policy', dueOn: '2026-12-31', ...fields }],
    });
    return v.problems[0]!;
  };
  return { t, as, ids: ids as Record<Who, string>, enterprises, visit, problem };
}
