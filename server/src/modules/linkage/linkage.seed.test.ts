/**
 * The demo linkage seed on hand-made registry rows: every leader gets 12 links spread over the towns (the first
 * also the demo enterprise account's firm), two visits per link, problems in every status with some overdue on
 * the seed day, every row audited; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createTestDb, createUser, type TestDb } from '../../../test/harness.ts';
import { seedLinkageDemo } from './linkage.seed.ts';

let t: TestDb;
const clock = () => new Date('2026-11-26T02:00:00Z');
const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestDb();
  const towns = ['350582101', '350582102', '350582103'];
  for (let i = 0; i < 30; i++)
    await t.db.query(`INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3)`, [
      `91350582MA00000${String(i).padStart(2, '0')}X`,
      `企业${i}`,
      towns[i % 3]!,
    ]);
  await t.db.query(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA8RFY385R', '晋江交发科技有限公司', '350582101')`,
  );
  await createUser(t.db, { role: 'leader', username: 'leader' });
  await createUser(t.db, { role: 'leader', username: 'leader2' });
  await createUser(t.db, { role: 'officer', username: 'officer' });
});
afterAll(() => t?.drop());

describe('demo linkage seed', () => {
  it('links each leader to 12 enterprises with visits and problems in every status', async () => {
    await seedLinkageDemo({ db: t.db, clock }, systemContext('seed'));
    const { rows } = await t.db.query<{ username: string; n: number; towns: number; firm: boolean }>(
      `SELECT u.username, count(*)::int AS n, count(DISTINCT e.town_code)::int AS towns,
              bool_or(e.uscc = '91350582MA8RFY385R') AS firm
         FROM linkage_links l JOIN users u ON u.id = l.leader_id JOIN enterprises e ON e.id = l.enterprise_id
        GROUP BY u.username ORDER BY u.username`,
    );
    expect(rows).toEqual([
      { username: 'leader', n: 12, towns: 3, firm: true },
      { username: 'leader2', n: 12, towns: 3, firm: false },
    ]);
    expect(await count('SELECT count(DISTINCT enterprise_id)::int AS n FROM linkage_links')).toBe(24);
    expect(await count('SELECT count(*)::int AS n FROM linkage_visits')).toBe(48);
    expect(
      await count(`SELECT count(*)::int AS n FROM linkage_visits WHERE visited_on >= '2026-11-26'`),
    ).toBe(0);
    const statuses = await t.db.query<{ status: string }>(
      'SELECT DISTINCT status FROM linkage_problems ORDER BY status',
    );
    expect(statuses.rows.map((r) => r.status)).toEqual([
      'closed',
      'in_progress',
      'open',
      'reopened',
      'resolved',
    ]);
    const overdue = await count(
      `SELECT count(*)::int AS n FROM linkage_problems
        WHERE status IN ('open', 'in_progress', 'reopened') AND due_on < '2026-11-26'`,
    );
    const pending = await count(
      `SELECT count(*)::int AS n FROM linkage_problems
        WHERE status IN ('open', 'in_progress', 'reopened') AND due_on >= '2026-11-26'`,
    );
    expect(overdue).toBeGreaterThan(5);
    expect(pending).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'linkage.%'`)).toBe(
      24 + 48 + 48,
    );
  });

  it('changes nothing when run again', async () => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    await seedLinkageDemo({ db: t.db, clock }, systemContext('seed'));
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM linkage_problems')).toBe(48);
  });
});
