/**
 * Inputs of a random expert draw (随机抽取专家): the candidates as the registry holds them, the parties under review,
 * and the panel the programme asks for. Shared by programme reviews and, later, inspection draws.
 */
import { z } from 'zod';

/** Version of the published algorithm; a draw record keeps the version it ran with. */
export const DRAW_ALGORITHM = 'jinke-draw/1';

const code = z.string().trim().min(1).max(40);
const isoDay = z.iso.date();

export const drawCandidate = z.object({
  code,
  /** Panel role the composition rule counts, e.g. `technical`, `financial`. */
  kind: z.string().trim().min(1).max(32),
  available: z.boolean().default(true),
  /** 高新技术领域 codes the expert declares. */
  fields: z.array(z.string().max(20)).max(30).default([]),
  ipcClasses: z.array(z.string().max(20)).max(30).default([]),
  /** Employer USCC and institute ids: an applicant among them is the expert's own employer. */
  employers: z.array(z.string().max(60)).max(10).default([]),
  /** Declared relations (回避声明): a party by USCC, with the last day it held when it has ended. */
  relations: z
    .array(
      z.object({ kind: z.string().max(32), uscc: z.string().max(18).optional(), until: isoDay.optional() }),
    )
    .max(50)
    .default([]),
  /** Reviews already assigned in the period the load limit counts. */
  load: z.int().min(0).default(0),
});
export type DrawCandidate = z.output<typeof drawCandidate>;

export const drawApplicant = z.object({
  uscc: z.string().max(18),
  /** Institutes (by id) the applicant is, or applies with; their staff are avoided like the applicant's own. */
  institutes: z.array(z.string().max(60)).max(20).default([]),
  /** Experts who co-applied for a patent with the applicant, with the application date of the latest one. */
  coApplicants: z
    .array(z.object({ code, date: isoDay }))
    .max(1000)
    .default([]),
});
export type DrawApplicant = z.output<typeof drawApplicant>;

export const compositionRule = z
  .object({
    kind: z.string().trim().min(1).max(32),
    /** At least this many panel members of the kind. */
    min: z.int().min(0).max(50).optional(),
    /** At least this share of the panel, in whole percent, rounded up to people (60 % of 7 → 5). */
    minPercent: z.int().min(0).max(100).optional(),
  })
  .refine((rule) => rule.min !== undefined || rule.minPercent !== undefined, {
    message: '需给出最少人数或最低比例 / give a minimum count or share',
  });

export const drawSpec = z
  .object({
    panelSize: z.int().min(1).max(50),
    alternates: z.int().min(0).max(50).default(0),
    composition: z.array(compositionRule).max(10).default([]),
    /** The panel's fields: a candidate qualifies when one of its fields is listed (none listed → any field). */
    fields: z.array(z.string().max(20)).max(30).default([]),
    /** IPC prefixes, e.g. `H01L`: a candidate qualifies when one of its classes starts with one (none → any). */
    ipcPrefixes: z.array(z.string().max(20)).max(30).default([]),
    /** A candidate already at this many assignments is not drawn; absent → no limit. */
    maxLoad: z.int().min(1).optional(),
    /** The day the draw is prepared; the 3-year windows of the avoidance rules end on it. */
    asOf: isoDay,
  })
  .superRefine((spec, ctx) => {
    const required = requiredByKind(spec);
    const total = [...required.values()].reduce((a, b) => a + b, 0);
    if (total > spec.panelSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['composition'],
        message: `各类最少人数合计 ${total} 人，超过专家组人数 ${spec.panelSize} 人 / the minimums add up to ${total}, more than the panel of ${spec.panelSize}`,
      });
    }
  });
export type DrawSpec = z.output<typeof drawSpec>;
export type DrawSpecInput = z.input<typeof drawSpec>;

/** Minimum panel members per kind, from counts and shares (the larger of the two). */
export function requiredByKind(spec: Pick<DrawSpec, 'panelSize' | 'composition'>): Map<string, number> {
  const required = new Map<string, number>();
  for (const rule of spec.composition) {
    const byShare = rule.minPercent === undefined ? 0 : Math.ceil((spec.panelSize * rule.minPercent) / 100);
    required.set(rule.kind, Math.max(required.get(rule.kind) ?? 0, rule.min ?? 0, byShare));
  }
  return required;
}

/** An officer reinstates a candidate the avoidance rules excluded by mistake; the reason is published. */
export const drawOverride = z.object({ code, reason: z.string().trim().min(2).max(500) });
export type DrawOverride = z.output<typeof drawOverride>;

export const freezeInput = z.object({
  spec: drawSpec,
  candidates: z
    .array(drawCandidate)
    .max(200_000)
    .superRefine((candidates, ctx) => {
      const seen = new Set<string>();
      candidates.forEach((candidate, index) => {
        if (seen.has(candidate.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'code'],
            message: `专家编号 ${candidate.code} 重复 / the expert code ${candidate.code} appears twice`,
          });
        }
        seen.add(candidate.code);
      });
    }),
  applicants: z.array(drawApplicant).max(10_000).default([]),
  overrides: z.array(drawOverride).max(1000).default([]),
});
export type FreezeInput = z.input<typeof freezeInput>;
export type FreezeParsed = z.output<typeof freezeInput>;

/** The frozen pool: what is hashed and published before the seed is known. */
export interface FrozenPool {
  algorithm: string;
  spec: DrawSpec;
  /** Eligible candidates in canonical order (by code), with the kind the composition rule counts. */
  eligible: { code: string; kind: string }[];
}

export const frozenPool = z.object({
  algorithm: z.string(),
  spec: drawSpec,
  eligible: z.array(z.object({ code, kind: z.string() })).max(200_000),
});

export const drawRecord = z.object({
  pool: frozenPool,
  poolHash: z.string().regex(/^[0-9a-f]{64}$/),
  seed: z.string(),
  panel: z.array(code),
  alternates: z.array(code),
});
export type DrawRecord = z.output<typeof drawRecord>;
