/**
 * Who may call each linkage endpoint, for every role and the anonymous, and what each reader's lists hold: a leader
 * only the enterprises linked to them, a town officer their town, an enterprise its own problems without the
 * bureau's assignee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LinksResponse,
  ProblemItem,
  ProblemsResponse,
  VisitsResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { linkageFixture, type LinkageFixture, type Who } from './linkage.fixtures.ts';

let f: LinkageFixture;
let seeded: ProblemItem;
let inOtherTown: ProblemItem;

beforeAll(async () => {
  f = await linkageFixture();
  seeded = await f.problem({ assigneeId: f.ids.officer, department: '高新科' });
  // A problem of an enterprise linked to nobody, recorded by an officer for the other leader.
  const v = await f.visit('officer', {
    enterpriseId: f.enterprises.c,
    leaderId: f.ids.other,
    visitedOn: '2026-09-01',
    summary: '走访',
    problems: [{ title: '技术需求', category: 'technology', dueOn: '2026-09-30' }],
  });
  inOtherTown = v.problems[0]!;
});
afterAll(() => f?.t.close());

const ALL: Who[] = [
  'admin',
  'officer',
  'leader',
  'town',
  'enterprise',
  'expert',
  'bank',
  'provider',
  'anonymous',
];

/** Expects `allowed` to get `ok` and every other role 403 (401 for the anonymous). */
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

describe('who may call each endpoint', () => {
  it('reads links: admin, officer, leader', async () => {
    await expectOnly(['admin', 'officer', 'leader'], 200, (w) => f.as(w).get('/api/linkage/links'));
  });

  it('reads the people the forms offer: admin, officer, leader', async () => {
    await expectOnly(['admin', 'officer', 'leader'], 200, (w) => f.as(w).get('/api/linkage/people'));
  });

  it('links and unlinks: admin and officer only', async () => {
    let n = 0;
    await expectOnly(['admin', 'officer'], 201, async (w) => {
      // Each allowed caller links a fresh leader, so none is a duplicate.
      const leader = await f.t.db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $1, 'x', 'leader') RETURNING id`,
        [`lead${++n}`],
      );
      return f
        .as(w)
        .post('/api/linkage/links', { leaderId: leader.rows[0]!.id, enterpriseId: f.enterprises.c });
    });
    const links = (await f.as('admin').get('/api/linkage/links')).json<LinksResponse>().items;
    const ended = links.filter((l) => l.enterpriseId === f.enterprises.c);
    expect(ended).toHaveLength(2);
    // Each allowed caller ends its own link; refused callers are stopped before the link is read.
    await expectOnly(['admin', 'officer'], 200, (w) =>
      f.as(w).delete(`/api/linkage/links/${ended[w === 'officer' ? 1 : 0]!.id}`),
    );
  });

  it('reads visits: admin, officer, leader, town', async () => {
    await expectOnly(['admin', 'officer', 'leader', 'town'], 200, (w) => f.as(w).get('/api/linkage/visits'));
  });

  it('records visits and problems: admin, officer, leader', async () => {
    await expectOnly(['admin', 'officer', 'leader'], 201, (w) =>
      f.as(w).post('/api/linkage/visits', {
        enterpriseId: f.enterprises.a,
        leaderId: f.ids.leader,
        visitedOn: '2026-11-20',
        summary: '回访',
      }),
    );
    await expectOnly(['admin', 'officer', 'leader'], 201, (w) =>
      f.as(w).post('/api/linkage/problems', {
        enterpriseId: f.enterprises.a,
        title: '融资需求',
        category: 'finance',
        dueOn: '2026-12-20',
      }),
    );
  });

  it('reads problems: admin, officer, leader, town, enterprise', async () => {
    await expectOnly(['admin', 'officer', 'leader', 'town', 'enterprise'], 200, (w) =>
      f.as(w).get('/api/linkage/problems'),
    );
  });

  it('assigns problems: admin and officer', async () => {
    await expectOnly(['admin', 'officer'], 200, (w) =>
      f.as(w).put(`/api/linkage/problems/${seeded.id}/assignment`, { department: `${w}科` }),
    );
  });

  it('changes status: admin and officer any legal move; the linked leader close or reopen only', async () => {
    await expectOnly(['admin', 'officer', 'leader'], 200, async (w) => {
      if (w === 'leader') {
        expect(
          (await f.as('leader').post(`/api/linkage/problems/${seeded.id}/status`, { status: 'in_progress' }))
            .statusCode,
        ).toBe(403);
        const closed = await f
          .as('leader')
          .post(`/api/linkage/problems/${seeded.id}/status`, { status: 'closed' });
        return closed;
      }
      // admin: open → in_progress; officer: in_progress → resolved
      const status = w === 'admin' ? 'in_progress' : w === 'officer' ? 'resolved' : 'reopened';
      return f.as(w).post(`/api/linkage/problems/${seeded.id}/status`, { status, resolution: '已辅导' });
    });
  });
});

describe('what each reader sees', () => {
  it('gives a leader only the enterprises linked to them', async () => {
    const links = (
      await f.as('leader').get(`/api/linkage/links?leaderId=${f.ids.other}`)
    ).json<LinksResponse>();
    expect(links.items.map((l) => l.enterpriseName).sort()).toEqual(['乙纺织有限公司', '甲鞋业有限公司']);
    const problems = (await f.as('leader').get('/api/linkage/problems')).json<ProblemsResponse>();
    expect(problems.items.map((p) => p.enterpriseName)).not.toContain('丙机械有限公司');
    expect(problems.items.every((p) => p.enterpriseId !== f.enterprises.c)).toBe(true);
    const visits = (await f.as('leader').get('/api/linkage/visits')).json<VisitsResponse>();
    expect(visits.items.some((v) => v.enterpriseId === f.enterprises.c)).toBe(false);
    // Another enterprise's problem: as if it did not exist.
    const res = await f
      .as('leader')
      .post(`/api/linkage/problems/${inOtherTown.id}/status`, { status: 'closed' });
    expect(res.statusCode).toBe(404);
    const other = (await f.as('other').get('/api/linkage/problems')).json<ProblemsResponse>();
    expect(other.total).toBe(0);
  });

  it('refuses a leader recording for an enterprise not linked to them (403 LINKAGE_NOT_LINKED)', async () => {
    const res = await f.as('leader').post('/api/linkage/visits', {
      enterpriseId: f.enterprises.c,
      visitedOn: '2026-11-20',
      summary: '走访',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { code: 'LINKAGE_NOT_LINKED', message: '您未挂钩联系该企业，不能为其登记走访或问题' },
    });
  });

  it('gives a town officer the visits and problems of their town only', async () => {
    const problems = (await f.as('town').get('/api/linkage/problems?pageSize=200')).json<ProblemsResponse>();
    expect(problems.total).toBeGreaterThan(0);
    expect(new Set(problems.items.map((p) => p.townCode))).toEqual(new Set(['350582101']));
    const visits = (await f.as('town').get('/api/linkage/visits?pageSize=200')).json<VisitsResponse>();
    expect(visits.items.some((v) => v.enterpriseId === f.enterprises.c)).toBe(false);
    expect(visits.total).toBeGreaterThan(0);
  });

  it('gives an enterprise its own problems with status and resolution, without the bureau’s assignee', async () => {
    const problems = (
      await f.as('enterprise').get('/api/linkage/problems?pageSize=200')
    ).json<ProblemsResponse>();
    expect(new Set(problems.items.map((p) => p.enterpriseName))).toEqual(new Set(['甲鞋业有限公司']));
    const mine = problems.items.find((p) => p.id === seeded.id)!;
    expect(mine).toMatchObject({
      status: 'closed',
      resolution: '已辅导',
      resolvedOn: '2026-11-26',
      assigneeId: null,
      assigneeName: null,
      leaderName: null,
      department: 'officer科',
    });
  });
});
