import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FreezeInput, FrozenPool } from './draw.contract.ts';
import { DrawRandom, replaceMember, runDraw, verifyDraw } from './draw.ts';
import { freezePool, poolHash } from './pool.ts';

const code = (i: number) => `EXP-${String(i).padStart(4, '0')}`;

/** 30 experts: every fifth is financial, the rest technical. */
function pool30(spec: Partial<FreezeInput['spec']> = {}): FrozenPool {
  const frozen = freezePool({
    spec: {
      panelSize: 7,
      alternates: 3,
      composition: [
        { kind: 'technical', minPercent: 60 },
        { kind: 'financial', min: 1 },
      ],
      asOf: '2026-11-26',
      ...spec,
    },
    candidates: Array.from({ length: 30 }, (_, i) => ({
      code: code(i + 1),
      kind: (i + 1) % 5 === 0 ? 'financial' : 'technical',
    })),
  });
  if (!frozen.ok) throw new Error(frozen.problem.en);
  return frozen.pool;
}

function kinds(pool: FrozenPool, codes: readonly string[]) {
  const kindOf = new Map(pool.eligible.map((c) => [c.code, c.kind]));
  return codes.map((c) => kindOf.get(c));
}

describe('runDraw', () => {
  it('draws the same panel and alternates when the pool and the seed are the same', () => {
    const a = runDraw(pool30(), '2026-11-26 见证人: 张三 483920');
    const b = runDraw(pool30(), '  2026-11-26 见证人: 张三 483920 ');
    expect(a).toEqual(b);
    expect(a.ok && a.panel).toHaveLength(7);
    expect(a.ok && a.alternates).toHaveLength(3);
  });

  it('pins the published algorithm to a known panel when the seed is "jinke"', () => {
    // A change here changes every published draw: it needs a new algorithm version, not a new expectation.
    const outcome = runDraw(pool30(), 'jinke');
    expect(outcome).toMatchObject({
      ok: true,
      poolHash: poolHash(pool30()),
    });
    if (!outcome.ok) return;
    expect(outcome.key).toBe(
      createHash('sm3')
        .update(`${poolHash(pool30())}\njinke`)
        .digest('hex'),
    );
    expect({ panel: outcome.panel, alternates: outcome.alternates }).toMatchInlineSnapshot(`
      {
        "alternates": [
          "EXP-0015",
          "EXP-0021",
          "EXP-0001",
        ],
        "panel": [
          "EXP-0016",
          "EXP-0006",
          "EXP-0026",
          "EXP-0013",
          "EXP-0010",
          "EXP-0009",
          "EXP-0012",
        ],
      }
    `);
  });

  it('draws a different panel when only the seed changes', () => {
    const a = runDraw(pool30(), 'seed-1');
    const b = runDraw(pool30(), 'seed-2');
    expect(a.ok && b.ok && a.panel.join() !== b.panel.join()).toBe(true);
  });

  it('meets the composition (5 of 7 technical for 60 %, at least 1 financial) when drawn with 300 seeds', () => {
    const pool = pool30();
    for (let s = 0; s < 300; s++) {
      const outcome = runDraw(pool, `seed-${s}`);
      if (!outcome.ok) throw new Error(outcome.problem.en);
      const panelKinds = kinds(pool, outcome.panel);
      expect(panelKinds.filter((k) => k === 'technical').length).toBeGreaterThanOrEqual(5);
      expect(panelKinds.filter((k) => k === 'financial').length).toBeGreaterThanOrEqual(1);
      expect(new Set([...outcome.panel, ...outcome.alternates]).size).toBe(10);
    }
  });

  it('takes the one financial expert every time when only one is eligible', () => {
    const frozen = freezePool({
      spec: { panelSize: 5, composition: [{ kind: 'financial', min: 1 }], asOf: '2026-11-26' },
      candidates: [
        ...Array.from({ length: 12 }, (_, i) => ({ code: code(i + 1), kind: 'technical' })),
        { code: 'FIN-1', kind: 'financial' },
      ],
    });
    if (!frozen.ok) throw new Error(frozen.problem.en);
    for (let s = 0; s < 50; s++) {
      const outcome = runDraw(frozen.pool, `s${s}`);
      expect(outcome.ok && outcome.panel).toContain('FIN-1');
    }
  });

  it('gives every candidate a fair chance when 20 single-seat draws are repeated 4,000 times', () => {
    const frozen = freezePool({
      spec: { panelSize: 1, asOf: '2026-11-26' },
      candidates: Array.from({ length: 20 }, (_, i) => ({ code: code(i + 1), kind: 'technical' })),
    });
    if (!frozen.ok) throw new Error(frozen.problem.en);
    const hits = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      const outcome = runDraw(frozen.pool, String(s));
      if (outcome.ok) hits.set(outcome.panel[0]!, (hits.get(outcome.panel[0]!) ?? 0) + 1);
    }
    expect(hits.size).toBe(20);
    for (const count of hits.values()) expect(count).toBeGreaterThan(140);
    for (const count of hits.values()) expect(count).toBeLessThan(260);
  });

  it('refuses an empty seed and a pool of another algorithm version', () => {
    expect(runDraw(pool30(), '   ')).toMatchObject({ ok: false, problem: { constraint: 'seed' } });
    expect(runDraw({ ...pool30(), algorithm: 'other/9' }, 'x')).toMatchObject({
      ok: false,
      problem: { constraint: 'algorithm' },
    });
  });
});

describe('DrawRandom', () => {
  it('returns integers below n only when asked for numbers in small and huge ranges', () => {
    const random = new DrawRandom('0'.repeat(64), 'x');
    for (let i = 0; i < 1000; i++) {
      const n = 1 + (i % 17);
      const v = random.below(n);
      expect(v >= 0 && v < n && Number.isInteger(v)).toBe(true);
    }
    expect(random.below(0x1_0000_0000)).toBeLessThan(0x1_0000_0000);
    expect(() => random.below(0)).toThrow(RangeError);
  });
});

describe('verifyDraw', () => {
  const pool = pool30();
  const outcome = runDraw(pool, 'witness 7731');
  if (!outcome.ok) throw new Error('draw failed');
  const record = {
    pool,
    poolHash: outcome.poolHash,
    seed: 'witness 7731',
    panel: outcome.panel,
    alternates: outcome.alternates,
  };

  it('matches when the published record is re-run unchanged', () => {
    expect(verifyDraw(record)).toMatchObject({ matches: true, poolHashMatches: true, panelMatches: true });
  });

  it('fails on the pool hash when a candidate was slipped into the published pool', () => {
    const tampered = {
      ...record,
      pool: { ...pool, eligible: [...pool.eligible, { code: 'EXP-9999', kind: 'technical' }] },
    };
    expect(verifyDraw(tampered)).toMatchObject({ matches: false, poolHashMatches: false });
  });

  it('fails on the panel when a published member was swapped', () => {
    const other = pool.eligible.find(
      (c) => !record.panel.includes(c.code) && !record.alternates.includes(c.code),
    )!;
    const tampered = { ...record, panel: [other.code, ...record.panel.slice(1)] };
    expect(verifyDraw(tampered)).toMatchObject({
      matches: false,
      poolHashMatches: true,
      panelMatches: false,
    });
  });
});

describe('replaceMember', () => {
  const pool = pool30();
  const outcome = runDraw(pool, 'jinke');
  if (!outcome.ok) throw new Error('draw failed');

  it('seats the first alternate in the leaver’s seat when the composition still holds', () => {
    const leaving = outcome.panel[2]!;
    const result = replaceMember(pool, outcome, leaving);
    expect(result).toMatchObject({ ok: true, replacement: outcome.alternates[0] });
    if (result.ok) {
      expect(result.panel[2]).toBe(outcome.alternates[0]);
      expect(result.alternates).toEqual(outcome.alternates.slice(1));
    }
  });

  it('passes over technical alternates when the only financial member declines', () => {
    // EXP-0010 is the panel's one financial member; EXP-0020 is financial, the others technical.
    const current = {
      panel: ['EXP-0001', 'EXP-0002', 'EXP-0003', 'EXP-0004', 'EXP-0006', 'EXP-0007', 'EXP-0010'],
      alternates: ['EXP-0008', 'EXP-0009', 'EXP-0020', 'EXP-0011'],
    };
    expect(replaceMember(pool, current, 'EXP-0010')).toEqual({
      ok: true,
      replacement: 'EXP-0020',
      panel: ['EXP-0001', 'EXP-0002', 'EXP-0003', 'EXP-0004', 'EXP-0006', 'EXP-0007', 'EXP-0020'],
      alternates: ['EXP-0008', 'EXP-0009', 'EXP-0011'],
    });
    const noFinancial = { panel: current.panel, alternates: ['EXP-0008', 'EXP-0009'] };
    expect(replaceMember(pool, noFinancial, 'EXP-0010')).toMatchObject({
      ok: false,
      problem: { constraint: 'alternates' },
    });
  });

  it('says the person is not on the panel when asked to replace a stranger', () => {
    expect(replaceMember(pool, outcome, 'EXP-9999')).toMatchObject({
      ok: false,
      problem: { constraint: 'member' },
    });
  });
});
