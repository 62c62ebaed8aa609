/**
 * `jinke funds standards` and `jinke funds flags` on a file-backed database: the shipped standards installed once
 * (the second --install adds none), and two awards of one firm's same patent, one above its standard.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { systemContext } from '../../platform/context.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { seedProgrammesDemo } from '../programmes/index.ts';
import { installShippedStandards } from './standards.service.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, run } = cliSandbox('funds');
let callId = '';

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const deps = { db, clock: () => new Date() };
    await seedProgrammesDemo(deps, systemContext('test'));
    await db.transaction((tx) => installShippedStandards(tx, systemContext('test'), new Date()));
    callId = (await db.query<{ id: string }>(`SELECT id FROM programme_calls LIMIT 1`)).rows[0]!.id;
    const firm = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', '350582101')
       RETURNING id`,
    );
    const other = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000002X', '乙纺织有限公司', '350582101')
       RETURNING id`,
    );
    for (const [enterprise, approved] of [
      [firm.rows[0]!.id, 600_000],
      [other.rows[0]!.id, 500_000],
    ] as const) {
      const app = await db.query<{ id: string }>(
        `INSERT INTO programme_applications (call_id, enterprise_id, phase, created_at, updated_at)
         VALUES ($1, $2, 'approved', now(), now()) RETURNING id`,
        [callId, enterprise],
      );
      await db.query(
        `INSERT INTO programme_awards (application_id, standard_id, decided_on, item_keys, computation, proposed_fen,
           approved_fen, adjustment_reason, created_at, updated_at)
         VALUES ($1, 'patent_subsidy-2017-01-01', '2026-06-30', ARRAY['CN202310000001.1'], '{}', 500000, $2, $3, now(), now())`,
        [app.rows[0]!.id, approved, approved > 500_000 ? '补录往年专利' : null],
      );
    }
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke funds', () => {
  it('prints every standard with how it computes and its citation; --install adds nothing twice', async () => {
    const result = await run('funds', 'standards', '--install');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['安装 Installed: 0', '资助标准 Standards: 4']);
    expect(lines[4]!.split('\t').slice(0, 5)).toEqual([
      'patent_subsidy-2017-01-01',
      'in_force',
      '2017-01-01',
      '-',
      '发明专利授权 ¥5,000.00/件；实用新型专利授权 ¥500.00/件≤20；外观设计专利授权 ¥200.00/件≤10；每企每年≤¥100,000.00',
    ]);
    expect(lines[5]!.split('\t')[4]).toBe('申请资金≥¥0.00×100%；申请资金≥¥200,000.00×50%；单项≤¥500,000.00');
  });

  it('prints the flags with their reasons and exits 1 when there are any', async () => {
    const result = await run('funds', 'flags', '--call', callId);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      '资金监管预警 Flags: 1',
      'above-standard\t91350582MA0000001X\t甲鞋业有限公司\t-\t' +
        `${result.stdout.split('\t')[4]}\t资助金额高于标准计算金额（调整理由：补录往年专利）`,
    ]);
  });

  it('refuses a call that is not an id', async () => {
    const result = await run('funds', 'flags', '--call', 'x');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--call must be a call id (a UUID), got "x"');
  });
});
