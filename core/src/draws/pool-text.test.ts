import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FrozenPool } from './draw.contract.ts';
import { runDraw } from './draw.ts';
import { canonicalPoolText, freezePool, parsePoolText, poolHash } from './pool.ts';
import { freezeScreenedPool } from './screened.ts';

const code = (i: number) => `EXP-${String(i).padStart(4, '0')}`;
const SPEC = {
  panelSize: 3,
  alternates: 1,
  composition: [{ kind: 'financial', min: 1 }],
  fields: ['40303', '10201'],
  asOf: '2026-11-26',
};

function pool8(): FrozenPool {
  const frozen = freezePool({
    spec: SPEC,
    candidates: Array.from({ length: 8 }, (_, i) => ({
      code: code(8 - i),
      kind: (8 - i) % 4 === 0 ? 'financial' : 'technical',
      fields: ['40303'],
    })),
  });
  if (!frozen.ok) throw new Error(frozen.problem.en);
  return frozen.pool;
}

const HEAD =
  '{"algorithm":"jinke-draw/1","spec":{"panelSize":3,"alternates":1,"composition":[{"kind":"financial","min":1}],' +
  '"fields":["10201","40303"],"ipcPrefixes":[],"asOf":"2026-11-26"}}';
const TEXT =
  `${HEAD}\nEXP-0001\ttechnical\nEXP-0002\ttechnical\nEXP-0003\ttechnical\nEXP-0004\tfinancial\n` +
  'EXP-0005\ttechnical\nEXP-0006\ttechnical\nEXP-0007\ttechnical\nEXP-0008\tfinancial\n';

describe('parsePoolText', () => {
  it('reads back the exact pool whose canonical text it is', () => {
    const pool = pool8();
    expect(canonicalPoolText(pool)).toBe(TEXT);
    const parsed = parsePoolText(TEXT);
    expect(parsed).toEqual(pool);
    expect(canonicalPoolText(parsed!)).toBe(TEXT);
    expect(poolHash(parsed!)).toBe(createHash('sm3').update(TEXT).digest('hex'));
  });

  it('refuses a text that canonicalPoolText would not write byte for byte', () => {
    const bad = [
      TEXT.slice(0, -1), // no final line break
      TEXT.replace('EXP-0002\ttechnical\nEXP-0003', 'EXP-0003\ttechnical\nEXP-0002'), // out of order
      TEXT.replace('EXP-0003\ttechnical', 'EXP-0002\ttechnical'), // repeated code
      TEXT.replace('EXP-0003\ttechnical', 'EXP-0003 technical'), // no tab
      TEXT.replace('EXP-0003\ttechnical', 'EXP-0003\ttech\tnical'), // two tabs
      TEXT.replace('EXP-0003\ttechnical', 'EXP-0003\t'), // no kind
      TEXT.replace('EXP-0003\ttechnical', '\ttechnical'), // no code
      TEXT.replace('"fields":["10201","40303"]', '"fields":["40303","10201"]'), // spec set not sorted
      TEXT.replace('{"algorithm":"jinke-draw/1",', '{'), // no algorithm
      TEXT.replace(HEAD, '{"algorithm":"jinke-draw/1","spec":{}}'), // not a spec
      TEXT.replace(HEAD, 'not json'),
    ];
    for (const text of bad) expect(parsePoolText(text)).toBeNull();
  });

  it('reads an empty pool', () => {
    expect(parsePoolText(`${HEAD}\n`)).toEqual({ ...pool8(), eligible: [] });
  });
});

describe('runDraw with the published hash already checked', () => {
  it('draws exactly what it draws when it hashes the pool itself', () => {
    const pool = pool8();
    const hash = poolHash(pool);
    const own = runDraw(pool, 'witness 42');
    expect(runDraw(pool, 'witness 42', hash)).toEqual(own);
    expect(own).toMatchObject({ ok: true, poolHash: hash });
    if (!own.ok) return;
    expect(own.key).toBe(createHash('sm3').update(`${hash}\nwitness 42`).digest('hex'));
  });
});

describe('freezeScreenedPool', () => {
  it('returns the canonical text it hashed, with the hash function it was given', () => {
    const pool = pool8();
    const seen: string[] = [];
    const result = freezeScreenedPool(
      {
        spec: { ...SPEC, ipcPrefixes: [] },
        counts: { candidates: 8, available: 8, field: 8, load: 8 },
        clear: [...pool.eligible].reverse(),
        suspects: [],
        applicants: [],
        overrides: [],
      },
      (text) => {
        seen.push(text);
        return createHash('sm3').update(text).digest('hex');
      },
    );
    expect(seen).toEqual([TEXT]);
    expect(result).toMatchObject({ ok: true, poolText: TEXT, poolHash: poolHash(pool), pool });
  });
});
