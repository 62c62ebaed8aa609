/**
 * `jinke draws verify <id>` on a file-backed database: a stored draw verifies; a panel changed in the database is
 * named and exits 1; a frozen draw has its pool hash checked; an unknown id is one line on stderr.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { createDrawRequest } from '@jinke/core/draws/draws-api.contract.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase, type Database } from '../../platform/db/index.ts';
import { drawUscc, hnteDraw, insertEnterprise, insertPool } from './draws.fixtures.ts';
import { drawsService } from './index.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, run } = cliSandbox('draws');

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

let drawnId = '';
let frozenId = '';

beforeAll(async () => {
  await withDb(async (db) => {
    await prepareDatabase(db);
    const uscc = drawUscc(3);
    await insertEnterprise(db, uscc, '晋江测试鞋业有限公司');
    await insertPool(db, 30);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role, must_change_password)
       VALUES ('drawer', '科技局业务员', 'x', 'officer', false) RETURNING id`,
    );
    const ctx = {
      actor: {
        userId: rows[0]!.id,
        username: 'drawer',
        role: 'officer' as const,
        scopeType: null,
        scopeId: null,
        sections: [],
      },
      requestId: 'test',
      ip: null,
      locale: 'zh-CN' as const,
    };
    const service = drawsService({ db, clock: () => new Date('2026-11-26T02:00:00Z') });
    const input = createDrawRequest.parse(hnteDraw([uscc]));
    const drawn = await service.create(ctx, input);
    drawnId = drawn.id;
    await service.seed(ctx, drawnId, { seed: '2026-11-26 483920', seedSource: '见证人现场输入' });
    frozenId = (await service.create(ctx, input)).id;
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('jinke draws verify', () => {
  it('prints that the panel matches and exits 0 when the stored draw re-runs to the same result', async () => {
    expect(await run('draws', 'verify', drawnId)).toEqual({
      code: 0,
      stdout: `draw ${drawnId} verified: panel matches\n`,
      stderr: '',
    });
  });

  it('checks only the pool hash of a draw that is frozen but not drawn yet', async () => {
    const result = await run('draws', 'verify', frozenId);
    expect(result).toMatchObject({
      code: 0,
      stdout: `draw ${frozenId} verified: pool hash matches (not drawn yet)\n`,
    });
  });

  it('names the panel and exits 1 when the stored panel was changed', async () => {
    await withDb((db) =>
      db.query(
        `UPDATE draws SET panel = (SELECT jsonb_agg(c ORDER BY c DESC) FROM jsonb_array_elements_text(panel) AS c),
           current_panel = (SELECT jsonb_agg(c ORDER BY c DESC) FROM jsonb_array_elements_text(current_panel) AS c)
         WHERE id = $1`,
        [drawnId],
      ),
    );
    const result = await run('draws', 'verify', drawnId);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`draw ${drawnId} does not verify: the panel (专家组) differs\n`);
  });

  it('answers an unknown id in one line with exit 1, and a malformed id as a usage error', async () => {
    const missing = await run('draws', 'verify', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('jinke: 抽取记录不存在 / No such draw\n');
    expect((await run('draws', 'verify', 'nope')).code).toBe(2);
  });
});
