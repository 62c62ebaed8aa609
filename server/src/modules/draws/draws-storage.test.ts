/**
 * How a frozen pool is stored (migration 0016): as its canonical text — the bytes whose SM3 is the published hash —
 * with no JSON copy. A draw frozen before that (pool JSON, no text) still seeds, replaces and verifies from its JSON,
 * and a stored text that no longer hashes to the published hash is drawn under its own hash, which the public check
 * then reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '@jinke/core/common/sm3.ts';
import type { FrozenPool } from '@jinke/core/draws/draw.contract.ts';
import type { DrawDetail, PublicDraw } from '@jinke/core/draws/draws-api.contract.ts';
import { runDraw } from '@jinke/core/draws/draw.ts';
import { canonicalPoolText, parsePoolText } from '@jinke/core/draws/pool.ts';
import { checkPublishedDraw } from '@jinke/core/draws/published.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { clearCandidates } from './draw-inputs.ts';
import { drawUscc, expertCode, hnteDraw, insertEnterprise, insertPool } from './draws.fixtures.ts';

let t: TestContext;
let officer: Client;
const A = drawUscc(20);

async function freeze(): Promise<DrawDetail> {
  const res = await officer.post('/api/draws', hnteDraw([A]));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DrawDetail>();
}

async function stored(id: string) {
  const { rows } = await t.db.query<{ pool: FrozenPool | null; pool_text: string | null }>(
    'SELECT pool, pool_text FROM draws WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

async function publicRecord(id: string): Promise<PublicDraw> {
  return (await client(t.app).get(`/api/public/draws/${id}`)).json<PublicDraw>();
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer', displayName: '科技局业务员' });
  await insertEnterprise(t.db, A, '晋江丁鞋业有限公司');
  await insertPool(t.db, 12);
});
afterAll(() => t.close());

describe('the stored pool', () => {
  it('is the canonical text that hashes to the published hash, with no JSON copy', async () => {
    const frozen = await freeze();
    const row = await stored(frozen.id);
    expect(row.pool).toBeNull();
    const head =
      '{"algorithm":"jinke-draw/1","spec":{"panelSize":7,"alternates":3,"composition":[{"kind":"financial",' +
      '"min":1},{"kind":"technical","minPercent":60}],"fields":["40303"],"ipcPrefixes":[],"asOf":"2026-11-26"}}';
    const lines = Array.from(
      { length: 12 },
      (_, i) => `${expertCode(i + 1)}\t${(i + 1) % 5 === 0 ? 'financial' : 'technical'}`,
    );
    expect(row.pool_text).toBe(`${head}\n${lines.join('\n')}\n`);
    expect(sm3Hex(row.pool_text!)).toBe(frozen.poolHash);
    const record = await publicRecord(frozen.id);
    expect(record.pool).toEqual(parsePoolText(row.pool_text!));
    expect(canonicalPoolText(record.pool)).toBe(row.pool_text);
    expect(checkPublishedDraw(record)).toMatchObject({ stage: 'frozen', matches: true, differs: [] });
  });

  it('of a draw frozen before migration 0016 (JSON) is still drawn, replaced and verified', async () => {
    const frozen = await freeze();
    const pool = parsePoolText((await stored(frozen.id)).pool_text!)!;
    await t.db.query('UPDATE draws SET pool = $2::json, pool_text = NULL WHERE id = $1', [
      frozen.id,
      JSON.stringify(pool),
    ]);
    const res = await officer.post(`/api/draws/${frozen.id}/seed`, {
      seed: '旧记录 1',
      seedSource: '见证人现场输入',
    });
    expect(res.statusCode, res.body).toBe(200);
    const drawn = res.json<DrawDetail>();
    const expected = runDraw(pool, '旧记录 1');
    if (!expected.ok) throw new Error('the draw failed');
    expect(drawn.key).toBe(expected.key);
    expect(drawn.panel.map((p) => p.code)).toEqual(expected.panel);
    expect(drawn.alternates.map((p) => p.code)).toEqual(expected.alternates);
    const leaving = expected.panel[0]!;
    const decline = await officer.post(`/api/draws/${frozen.id}/decline`, {
      code: leaving,
      kind: 'declined',
      reason: '出差无法参加',
    });
    expect(decline.statusCode, decline.body).toBe(200);
    const record = await publicRecord(frozen.id);
    expect(record.pool).toEqual(pool);
    expect(checkPublishedDraw(record)).toMatchObject({ stage: 'drawn', matches: true, differs: [] });
  });

  it('that no longer hashes to the published hash is drawn under its own hash, and the check says so', async () => {
    const frozen = await freeze();
    const text = (await stored(frozen.id)).pool_text!;
    // Drop EXP-0001: still a canonical text, but not the one whose hash was published.
    const changed = text.replace(`${expertCode(1)}\ttechnical\n`, '');
    await t.db.query('UPDATE draws SET pool_text = $2 WHERE id = $1', [frozen.id, changed]);
    const res = await officer.post(`/api/draws/${frozen.id}/seed`, {
      seed: '篡改 1',
      seedSource: '见证人现场输入',
    });
    expect(res.statusCode, res.body).toBe(200);
    const expected = runDraw(parsePoolText(changed)!, '篡改 1');
    if (!expected.ok) throw new Error('the draw failed');
    expect(expected.poolHash).toBe(sm3Hex(changed));
    expect(res.json<DrawDetail>().key).toBe(expected.key);
    expect(checkPublishedDraw(await publicRecord(frozen.id)).differs).toEqual(['poolHash']);
  });
});

describe('clearCandidates', () => {
  it('reads code<TAB>kind lines and checks their number', () => {
    expect(clearCandidates('EXP-0002\tfinancial\nEXP-0001\ttechnical', 2)).toEqual([
      { code: 'EXP-0002', kind: 'financial' },
      { code: 'EXP-0001', kind: 'technical' },
    ]);
    expect(clearCandidates('', 0)).toEqual([]);
    expect(() => clearCandidates('EXP-0001\ttechnical', 2)).toThrow('expected 2 clear experts, read 1');
    expect(() => clearCandidates('EXP-0001\tte\tch', 1)).toThrow('malformed expert line: EXP-0001\tte\tch');
    expect(() => clearCandidates('EXP-0001', 1)).toThrow('malformed expert line: EXP-0001');
  });
});
