import { describe, expect, it } from 'vitest';
import type { DrawApplicant, DrawCandidate, DrawOverride, DrawSpec } from './draw.contract.ts';
import { drawSpec } from './draw.contract.ts';
import { AVOIDANCE_RULES, freezeValidPool } from './pool.ts';
import { freezeScreenedPool } from './screened.ts';

const code = (i: number) => `EXP-${String(i).padStart(4, '0')}`;
const uscc = (i: number) => `91350582MA0000${String(i).padStart(3, '0')}X`;

/** A pseudo-random but fixed pool: kinds, availability, fields, loads, employers, relations. */
function candidates(n: number): DrawCandidate[] {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => ({
    code: code(n - i),
    kind: next() < 0.2 ? 'financial' : 'technical',
    available: next() > 0.1,
    fields: [next() < 0.5 ? '40303' : '10201'],
    ipcClasses: [next() < 0.5 ? 'A43B 13/04' : 'H01L'],
    employers: [uscc(Math.floor(next() * 40))],
    relations: next() < 0.1 ? [{ kind: 'shareholder', uscc: uscc(Math.floor(next() * 10)) }] : [],
    load: Math.floor(next() * 4),
  }));
}

const applicants: DrawApplicant[] = [0, 1, 2].map((a) => ({
  uscc: uscc(a),
  institutes: [],
  coApplicants: [{ code: code(7 + a), date: '2025-01-01' }],
}));

/** Splits the candidates as the database does: eligibility applied, possible conflicts marked as suspects. */
function screened(all: DrawCandidate[], spec: DrawSpec, overrides: DrawOverride[]) {
  const full = freezeValidPool({ spec, candidates: all, applicants, overrides });
  const ineligible = new Set(
    full.excluded.filter((e) => !AVOIDANCE_RULES.includes(e.rule)).map((e) => e.code),
  );
  const parties = new Set(applicants.map((a) => a.uscc));
  const co = new Set(applicants.flatMap((a) => a.coApplicants.map((c) => c.code)));
  const passing = all.filter((c) => !ineligible.has(c.code));
  const suspect = (c: DrawCandidate) =>
    c.employers.some((e) => parties.has(e)) || c.relations.length > 0 || co.has(c.code);
  const [candidates, available, field, load] = full.funnel.map((s) => s.remaining);
  const result = freezeScreenedPool({
    spec,
    counts: { candidates: candidates!, available: available!, field: field!, load: load! },
    clear: passing.filter((c) => !suspect(c)).map((c) => ({ code: c.code, kind: c.kind })),
    suspects: passing.filter(suspect),
    applicants,
    overrides,
  });
  return { full, result };
}

const avoidance = (excluded: { code: string; rule: string; uscc?: string }[]) =>
  excluded
    .filter((e) => (AVOIDANCE_RULES as readonly string[]).includes(e.rule))
    .map((e) => `${e.code} ${e.rule} ${e.uscc ?? ''}`)
    .sort();

describe('freezeScreenedPool', () => {
  it.each([
    ['no field filter', {}],
    ['a field, IPC prefixes and a load limit', { fields: ['40303'], ipcPrefixes: ['A43B'], maxLoad: 2 }],
    ['a composition', { composition: [{ kind: 'financial', min: 2 }] }],
  ])('gives the pool, hash, funnel and exclusions of freezeValidPool with %s', (_name, over) => {
    const spec = drawSpec.parse({ panelSize: 7, alternates: 3, asOf: '2026-11-26', ...over });
    const all = candidates(400);
    const conflicted = freezeValidPool({ spec, candidates: all, applicants, overrides: [] }).excluded.find(
      (e) => e.rule === 'own-staff',
    );
    const overrides = conflicted ? [{ code: conflicted.code, reason: '同名不同人' }] : [];
    const { full, result } = screened(all, spec, overrides);
    expect(full.ok).toBe(true);
    expect(result).toMatchObject({ ok: true, funnel: full.funnel });
    if (!full.ok || !result.ok) return;
    expect(result.poolHash).toBe(full.poolHash);
    expect(result.pool).toEqual(full.pool);
    expect(result.overridden).toEqual(full.overridden);
    expect(avoidance(result.excluded)).toEqual(avoidance(full.excluded));
  });

  it('names the same constraint as freezeValidPool when the pool cannot form the panel', () => {
    const spec = drawSpec.parse({
      panelSize: 30,
      asOf: '2026-11-26',
      fields: ['40303'],
      ipcPrefixes: ['A43B'],
      maxLoad: 1,
    });
    const { full, result } = screened(candidates(200), spec, []);
    expect(full.ok).toBe(false);
    expect(result).toEqual({ ...full, excluded: result.excluded });
  });
});
