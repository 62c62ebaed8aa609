/** Records for the draw page tests: an officer view and a public record computed with the real core code. */
import type {
  DrawDetail,
  DrawSummary,
  NamedExpert,
  PublicDraw,
} from '@jinke/core/draws/draws-api.contract.ts';
import { runDraw } from '@jinke/core/draws/draw.ts';
import { freezePool } from '@jinke/core/draws/pool.ts';

const code = (i: number) => `EXP-${String(i).padStart(4, '0')}`;
const expert = (i: number, kind = 'technical'): NamedExpert => ({
  code: code(i),
  name: `专家${i}`,
  kind,
  title: '教授',
});

export const SPEC = {
  panelSize: 7,
  alternates: 3,
  composition: [
    { kind: 'financial', min: 1 },
    { kind: 'technical', minPercent: 60 },
  ],
  fields: ['40303'],
  ipcPrefixes: [],
  asOf: '2026-11-26',
};

export function frozenDetail(over: Partial<DrawDetail> = {}): DrawDetail {
  return {
    id: 'd-1',
    title: '2026年高企认定评审专家抽取',
    subject: '2026年度第一批高企认定',
    status: 'frozen',
    panelSize: 7,
    alternateCount: 3,
    applicantCount: 1,
    poolSize: 29,
    poolHash: 'ab'.repeat(32),
    frozenAt: '2026-11-26T02:00:00.000Z',
    drawnAt: null,
    createdByName: '科技局业务员',
    algorithm: 'jinke-draw/1',
    spec: SPEC,
    applicants: [
      { uscc: '91350582MA8RFY385R', name: '晋江交发科技有限公司', institutes: [], coApplicants: [] },
    ],
    funnel: [
      { stage: 'candidates', remaining: 30 },
      { stage: 'available', remaining: 30 },
      { stage: 'field', remaining: 30 },
      { stage: 'load', remaining: 30 },
      { stage: 'avoidance', remaining: 29 },
    ],
    excluded: [
      {
        code: code(3),
        rule: 'own-staff',
        uscc: '91350582MA8RFY385R',
        zh: '系申报单位 91350582MA8RFY385R 或其合作单位的人员',
        en: 'works for the applicant 91350582MA8RFY385R or its partner institute',
        name: '林建华',
        applicantName: '晋江交发科技有限公司',
      },
    ],
    overridden: [],
    seed: null,
    seedSource: null,
    key: null,
    panel: [],
    alternates: [],
    currentPanel: [],
    currentAlternates: [],
    events: [],
    ...over,
  };
}

export function drawnDetail(over: Partial<DrawDetail> = {}): DrawDetail {
  const panel = [expert(1), expert(2), expert(4), expert(5, 'financial'), expert(6), expert(7), expert(8)];
  const alternates = [expert(9), expert(10, 'financial'), expert(11)];
  return frozenDetail({
    status: 'drawn',
    drawnAt: '2026-11-26T02:30:00.000Z',
    seed: '2026-11-26 483920',
    seedSource: '见证人现场输入',
    key: 'cd'.repeat(32),
    panel,
    alternates,
    currentPanel: panel,
    currentAlternates: alternates,
    ...over,
  });
}

/** A public record the browser re-runs: 30 experts, every fifth financial, drawn with `seed`. */
export function publicRecord(seed: string | null = '2026-11-26 483920'): PublicDraw {
  const frozen = freezePool({
    spec: SPEC,
    candidates: Array.from({ length: 30 }, (_, i) => ({
      code: code(i + 1),
      kind: (i + 1) % 5 === 0 ? 'financial' : 'technical',
      fields: ['40303'],
    })),
  });
  if (!frozen.ok) throw new Error(frozen.problem.en);
  const outcome = seed === null ? null : runDraw(frozen.pool, seed);
  if (outcome && !outcome.ok) throw new Error(outcome.problem.en);
  return {
    id: 'p-1',
    title: '2026年高企认定评审专家抽取',
    subject: '2026年度第一批高企认定',
    status: outcome ? 'drawn' : 'frozen',
    algorithm: frozen.pool.algorithm,
    pool: frozen.pool,
    poolHash: frozen.poolHash,
    funnel: frozen.funnel,
    avoidanceExclusions: 0,
    overridden: [],
    seed: outcome ? outcome.seed : null,
    seedSource: outcome ? '见证人现场输入' : null,
    key: outcome ? outcome.key : null,
    panel: outcome ? outcome.panel : null,
    alternates: outcome ? outcome.alternates : null,
    declines: [],
    currentPanel: outcome ? outcome.panel : null,
    currentAlternates: outcome ? outcome.alternates : null,
    frozenAt: '2026-11-26T02:00:00.000Z',
    drawnAt: outcome ? '2026-11-26T02:30:00.000Z' : null,
  };
}

export function summaryOf(d: DrawDetail): DrawSummary {
  return {
    id: d.id,
    title: d.title,
    subject: d.subject,
    status: d.status,
    panelSize: d.panelSize,
    alternateCount: d.alternateCount,
    applicantCount: d.applicantCount,
    poolSize: d.poolSize,
    poolHash: d.poolHash,
    frozenAt: d.frozenAt,
    drawnAt: d.drawnAt,
    createdByName: d.createdByName,
  };
}
