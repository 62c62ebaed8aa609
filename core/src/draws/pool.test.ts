import { describe, expect, it } from 'vitest';
import { freezePool, poolHash, threeYearsBefore } from './pool.ts';

const APPLICANT = '91350582MA8RFY385R';
const spec = { panelSize: 2, asOf: '2026-11-26' };

describe('freezePool', () => {
  it('excludes each conflicted expert with the rule and the reason when the avoidance rules apply', () => {
    const result = freezePool({
      spec,
      candidates: [
        { code: 'E1', kind: 'technical', employers: [APPLICANT] },
        { code: 'E2', kind: 'technical', relations: [{ kind: 'shareholder', uscc: APPLICANT }] },
        { code: 'E3', kind: 'technical' },
        { code: 'E4', kind: 'technical', employers: ['inst-xmu'] },
        {
          code: 'E5',
          kind: 'technical',
          relations: [{ kind: 'former_employer', uscc: APPLICANT, until: '2023-11-25' }],
        },
        { code: 'E6', kind: 'technical' },
        { code: 'E7', kind: 'technical' },
      ],
      applicants: [
        {
          uscc: APPLICANT,
          institutes: ['inst-xmu'],
          coApplicants: [
            { code: 'E3', date: '2024-01-10' },
            { code: 'E6', date: '2023-11-25' },
          ],
        },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.excluded.map((e) => [e.code, e.rule])).toEqual([
      ['E1', 'own-staff'],
      ['E2', 'declared-relation'],
      ['E3', 'co-application'],
      ['E4', 'own-staff'],
    ]);
    expect(result.excluded[2]!.zh).toBe(`近三年与申报单位 ${APPLICANT} 共同申请专利（2024-01-10）`);
    // A former employer whose tie ended more than three years ago, and a co-application older than three years,
    // no longer bar the expert.
    expect(result.ok && result.pool.eligible.map((e) => e.code)).toEqual(['E5', 'E6', 'E7']);
  });

  it('counts the window from the same day three years before when the relation ended exactly then', () => {
    expect(threeYearsBefore('2026-11-26')).toBe('2023-11-26');
    expect(threeYearsBefore('2024-02-29')).toBe('2021-02-28');
    const result = freezePool({
      spec: { panelSize: 1, asOf: '2026-11-26' },
      candidates: [
        {
          code: 'E1',
          kind: 't',
          relations: [{ kind: 'former_employer', uscc: APPLICANT, until: '2023-11-26' }],
        },
        { code: 'E2', kind: 't' },
      ],
      applicants: [{ uscc: APPLICANT }],
    });
    expect(result.excluded.map((e) => e.code)).toEqual(['E1']);
  });

  it('reinstates an excluded expert with the officer’s reason when an override is logged', () => {
    const result = freezePool({
      spec,
      candidates: [
        { code: 'E1', kind: 't', relations: [{ kind: 'relative', uscc: APPLICANT }] },
        { code: 'E2', kind: 't' },
      ],
      applicants: [{ uscc: APPLICANT }],
      overrides: [{ code: 'E1', reason: '同名不同人，经核实无关联' }],
    });
    expect(result).toMatchObject({
      ok: true,
      overridden: [{ code: 'E1', reason: '同名不同人，经核实无关联', rules: ['declared-relation'] }],
    });
  });

  it('keeps unavailable, out-of-field and fully loaded experts out with their reasons', () => {
    const result = freezePool({
      spec: { panelSize: 1, fields: ['0101'], ipcPrefixes: ['H01L'], maxLoad: 3, asOf: '2026-11-26' },
      candidates: [
        { code: 'E1', kind: 't', available: false, fields: ['0101'], ipcClasses: ['H01L 21/02'] },
        { code: 'E2', kind: 't', fields: ['0201'], ipcClasses: ['H01L 21/02'] },
        { code: 'E3', kind: 't', fields: ['0101'], ipcClasses: ['H01L 21/02'], load: 3 },
        {
          code: 'E4',
          kind: 't',
          fields: ['0101', '0201'],
          ipcClasses: ['A43B 13/04', 'H01L 33/00'],
          load: 2,
        },
      ],
    });
    expect(result.excluded.map((e) => [e.code, e.rule])).toEqual([
      ['E1', 'unavailable'],
      ['E2', 'field'],
      ['E3', 'load'],
    ]);
    expect(result.funnel.map((s) => s.remaining)).toEqual([4, 3, 2, 1, 1]);
    expect(result.ok && result.pool.eligible).toEqual([{ code: 'E4', kind: 't' }]);
  });

  it('names the stage that empties the pool when too few experts are left', () => {
    const result = freezePool({
      spec: { panelSize: 3, fields: ['0101'], asOf: '2026-11-26' },
      candidates: [
        { code: 'E1', kind: 't', fields: ['0101'] },
        { code: 'E2', kind: 't', fields: ['0201'] },
        { code: 'E3', kind: 't', fields: ['0201'] },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      problem: { constraint: 'field', zh: '经“领域匹配”筛选后仅剩 1 名专家，少于专家组所需 3 名' },
    });
  });

  it('names the missing kind when the composition cannot be met', () => {
    const result = freezePool({
      spec: { panelSize: 5, composition: [{ kind: 'financial', min: 1 }], asOf: '2026-11-26' },
      candidates: Array.from({ length: 8 }, (_, i) => ({ code: `E${i}`, kind: 'technical' })),
    });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        constraint: 'composition:financial',
        zh: '符合条件的“financial”类专家仅 0 名，组成要求至少 1 名',
      },
    });
  });

  it('rejects minimums that add up to more than the panel', () => {
    expect(() =>
      freezePool({
        spec: {
          panelSize: 3,
          composition: [
            { kind: 't', minPercent: 60 },
            { kind: 'f', min: 2 },
          ],
          asOf: '2026-11-26',
        },
        candidates: [],
      }),
    ).toThrow(/超过专家组人数 3 人/);
  });

  it('gives the same hash whatever the order of candidates and of the spec’s sets', () => {
    const candidates = [
      { code: 'B', kind: 't', fields: ['0101'] },
      { code: 'A', kind: 'f', fields: ['0102'] },
      { code: 'C', kind: 't', fields: ['0101'] },
    ];
    const a = freezePool({
      spec: { panelSize: 2, fields: ['0101', '0102'], asOf: '2026-11-26' },
      candidates,
    });
    const b = freezePool({
      spec: { panelSize: 2, fields: ['0102', '0101'], asOf: '2026-11-26' },
      candidates: [...candidates].reverse(),
    });
    expect(a.ok && b.ok && a.poolHash === b.poolHash).toBe(true);
    expect(a.ok && poolHash(a.pool)).toBe(a.ok && a.poolHash);
  });
});

describe('freezeInput', () => {
  it('names the repeated code when an expert appears twice in the candidates', () => {
    expect(() =>
      freezePool({
        spec,
        candidates: [
          { code: 'E1', kind: 't' },
          { code: 'E2', kind: 't' },
          { code: 'E1', kind: 't' },
        ],
      }),
    ).toThrow(/专家编号 E1 重复/);
  });
});
