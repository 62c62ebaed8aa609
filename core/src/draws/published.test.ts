import { describe, expect, it } from 'vitest';
import type { FrozenPool } from './draw.contract.ts';
import { replaceMember, runDraw } from './draw.ts';
import { freezePool } from './pool.ts';
import { checkPublishedDraw, type PublishedDrawRecord } from './published.ts';

const code = (i: number) => `EXP-${String(i).padStart(4, '0')}`;

function pool(): FrozenPool {
  const frozen = freezePool({
    spec: {
      panelSize: 5,
      alternates: 3,
      composition: [
        { kind: 'technical', minPercent: 60 },
        { kind: 'financial', min: 1 },
      ],
      asOf: '2026-11-26',
    },
    candidates: Array.from({ length: 20 }, (_, i) => ({
      code: code(i + 1),
      kind: (i + 1) % 4 === 0 ? 'financial' : 'technical',
    })),
  });
  if (!frozen.ok) throw new Error(frozen.problem.en);
  return frozen.pool;
}

/** A drawn record with one decline of the second member, as the server publishes it. */
function published(): PublishedDrawRecord {
  const p = pool();
  const outcome = runDraw(p, '见证人 2026');
  if (!outcome.ok) throw new Error(outcome.problem.en);
  const step = replaceMember(p, outcome, outcome.panel[1]!);
  if (!step.ok) throw new Error(step.problem.en);
  return {
    pool: p,
    poolHash: outcome.poolHash,
    seed: outcome.seed,
    panel: outcome.panel,
    alternates: outcome.alternates,
    declines: [{ code: outcome.panel[1]!, replacement: step.replacement }],
    currentPanel: step.panel,
    currentAlternates: step.alternates,
  };
}

describe('checkPublishedDraw', () => {
  it('matches a drawn record whose declines replay to the published current panel', () => {
    const record = published();
    const check = checkPublishedDraw(record);
    expect(check).toMatchObject({ stage: 'drawn', matches: true, differs: [] });
    expect(check.recomputed.currentPanel).toEqual(record.currentPanel);
  });

  it('checks only the pool hash when the record is frozen and not drawn yet', () => {
    const record = {
      ...published(),
      seed: null,
      panel: null,
      alternates: null,
      declines: [],
      currentPanel: null,
      currentAlternates: null,
    };
    expect(checkPublishedDraw(record)).toMatchObject({ stage: 'frozen', matches: true, differs: [] });
    const tampered = { ...record, pool: { ...record.pool, eligible: record.pool.eligible.slice(1) } };
    expect(checkPublishedDraw(tampered)).toMatchObject({
      stage: 'frozen',
      matches: false,
      differs: ['poolHash'],
    });
  });

  it('names the current panel when a replacement is not the alternate the rule seats', () => {
    const record = published();
    const wrong = record.currentAlternates!.find((c) => c !== record.declines[0]!.replacement)!;
    const forged = {
      ...record,
      declines: [{ ...record.declines[0]!, replacement: wrong }],
      currentPanel: record.currentPanel!.map((c) => (c === record.declines[0]!.replacement ? wrong : c)),
    };
    expect(checkPublishedDraw(forged).differs).toEqual(['current']);
  });

  it('names the pool hash, the panel and the alternates when the pool was changed after the draw', () => {
    const record = published();
    const changed = { ...record, pool: { ...record.pool, eligible: record.pool.eligible.slice(0, -1) } };
    const check = checkPublishedDraw(changed);
    expect(check.matches).toBe(false);
    expect(check.differs[0]).toBe('poolHash');
  });
});
