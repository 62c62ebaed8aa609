/**
 * The HTTP contract of expert draws (随机抽取专家): what an officer sends to freeze a pool, seed it and record a
 * decline; what the officer view and the public record answer. The public record carries codes only, never names:
 * it is what anyone re-checks with `checkPublishedDraw` (published.ts).
 */
import { z } from 'zod';
import { parseIpcSymbol } from '../common/ids/ipc-code.ts';
import { bilingual } from '../common/validation-messages.ts';
import { usccSchema } from '../registry/enterprises.contract.ts';
import { hitechFieldByCode } from '../registry/hitech-fields.ts';
import { drawSpec, frozenPool, requiredByKind } from './draw.contract.ts';

/** The panel roles an expert can hold (专家类别); the composition rule counts them. */
export const panelKinds = ['technical', 'financial', 'management', 'legal'] as const;
export const panelKindSchema = z.enum(panelKinds);
export type PanelKind = z.infer<typeof panelKindSchema>;

export const panelKindLabels: Record<PanelKind, { zh: string; en: string }> = {
  technical: { zh: '技术专家', en: 'Technical' },
  financial: { zh: '财务专家', en: 'Financial' },
  management: { zh: '管理专家', en: 'Management' },
  legal: { zh: '法律专家', en: 'Legal' },
};

export const drawStatuses = ['frozen', 'drawn'] as const;
export type DrawStatus = (typeof drawStatuses)[number];

const hitechFieldCode = z
  .string()
  .trim()
  .refine(
    (v) => hitechFieldByCode(v) !== undefined,
    bilingual(
      '不是《国家重点支持的高新技术领域》中的代码',
      'is not a code of the national high-tech fields catalogue',
      'hitech_field_unknown',
    ),
  );

/** An IPC prefix at any level down to the main group (`H01`, `H01L`, `A43B 13/04`), stored without spaces. */
const ipcPrefix = z.string().transform((value, ctx) => {
  const parsed = parseIpcSymbol(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', ...bilingual(parsed.message.zh, parsed.message.en, 'ipc_format') });
    return z.NEVER;
  }
  return parsed.normalized.replace(/\s+/g, '');
});

const compositionRow = z
  .object({
    kind: panelKindSchema,
    min: z.int().min(0).max(50).optional(),
    minPercent: z.int().min(0).max(100).optional(),
  })
  .refine(
    (rule) => rule.min !== undefined || rule.minPercent !== undefined,
    bilingual('需给出最少人数或最低比例', 'give a minimum count or share', 'composition_minimum'),
  );

/** The panel an officer asks for; the server adds the day (`asOf`) the avoidance windows end on. */
export const drawSpecRequest = z
  .object({
    panelSize: z.int().min(1).max(50),
    alternates: z.int().min(0).max(50).default(0),
    composition: z.array(compositionRow).max(8).default([]),
    fields: z.array(hitechFieldCode).max(30).default([]),
    ipcPrefixes: z.array(ipcPrefix).max(30).default([]),
    maxLoad: z.int().min(1).max(100).optional(),
  })
  .superRefine((spec, ctx) => {
    const total = [...requiredByKind(spec).values()].reduce((a, b) => a + b, 0);
    if (total > spec.panelSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['composition'],
        ...bilingual(
          `各类最少人数合计 ${total} 人，超过专家组人数 ${spec.panelSize} 人`,
          `the minimums add up to ${total}, more than the panel of ${spec.panelSize}`,
          'composition_total',
        ),
      });
    }
  });
export type DrawSpecRequest = z.input<typeof drawSpecRequest>;

export const drawOverrideRequest = z.object({
  code: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(2).max(500),
});

export const createDrawRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** What is reviewed: the call or batch, e.g. 2026年度晋江市科技计划项目（第一批）. */
    subject: z.string().trim().min(1).max(200),
    spec: drawSpecRequest,
    /** The parties under review, by 统一社会信用代码 (enterprises or institutes in the registry). */
    applicants: z.array(usccSchema).min(1).max(500),
    /** Avoidance exclusions an officer reinstates, each with the reason that is published with the draw. */
    overrides: z.array(drawOverrideRequest).max(100).default([]),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.applicants.forEach((uscc, index) => {
      if (seen.has(uscc))
        ctx.addIssue({
          code: 'custom',
          path: ['applicants', index],
          ...bilingual(`${uscc} 重复`, `${uscc} appears twice`, 'duplicate'),
        });
      seen.add(uscc);
    });
    const codes = new Set<string>();
    body.overrides.forEach((o, index) => {
      if (codes.has(o.code))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', index, 'code'],
          ...bilingual(`${o.code} 重复`, `${o.code} appears twice`, 'duplicate'),
        });
      codes.add(o.code);
    });
  });
export type CreateDrawBody = z.input<typeof createDrawRequest>;
export type CreateDrawInput = z.output<typeof createDrawRequest>;

export const seedSources = ['witnesses', 'published-number'] as const;

export const seedDrawRequest = z.object({
  /** The value the witnesses enter at the draw, or the published number; trimmed and NFC-normalised when drawn. */
  seed: z.string().trim().min(1).max(200),
  /** Where the seed came from, fixed in advance, e.g. 见证人现场输入. Published with the draw. */
  seedSource: z.string().trim().min(2).max(200),
});
export type SeedDrawInput = z.output<typeof seedDrawRequest>;

export const declineKinds = ['declined', 'conflicted'] as const;

export const declineRequest = z.object({
  code: z.string().trim().min(1).max(40),
  /** declined: the expert cannot attend; conflicted: a conflict of interest came to light. */
  kind: z.enum(declineKinds).default('declined'),
  reason: z.string().trim().min(2).max(500),
});
export type DeclineInput = z.output<typeof declineRequest>;

export const drawParams = z.object({ id: z.uuid() });

export const drawListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const funnelStage = z.object({
  stage: z.enum(['candidates', 'available', 'field', 'load', 'avoidance']),
  remaining: z.int(),
});

const exclusionItem = z.object({
  code: z.string(),
  rule: z.enum(['unavailable', 'field', 'load', 'own-staff', 'declared-relation', 'co-application']),
  uscc: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});

const overriddenItem = z.object({
  code: z.string(),
  reason: z.string(),
  rules: z.array(z.string()),
});

const declineEvent = z.object({
  seq: z.int(),
  kind: z.enum(declineKinds),
  code: z.string(),
  replacement: z.string(),
  occurredAt: z.string(),
});

export const drawSummary = z.object({
  id: z.string(),
  title: z.string(),
  subject: z.string(),
  status: z.enum(drawStatuses),
  panelSize: z.int(),
  alternateCount: z.int(),
  applicantCount: z.int(),
  poolSize: z.int(),
  poolHash: z.string(),
  frozenAt: z.string(),
  drawnAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type DrawSummary = z.infer<typeof drawSummary>;

export const drawList = z.object({
  items: z.array(drawSummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

/** An expert as the officer view names them. */
const namedExpert = z.object({
  code: z.string(),
  name: z.string().nullable(),
  kind: z.string(),
  title: z.string().nullable(),
});
export type NamedExpert = z.infer<typeof namedExpert>;

export const drawDetail = drawSummary.extend({
  algorithm: z.string(),
  spec: drawSpec,
  applicants: z.array(
    z.object({
      uscc: z.string(),
      name: z.string().nullable(),
      institutes: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
      coApplicants: z.array(z.object({ code: z.string(), date: z.string() })),
    }),
  ),
  funnel: z.array(funnelStage),
  excluded: z.array(
    exclusionItem.extend({ name: z.string().nullable(), applicantName: z.string().nullable() }),
  ),
  overridden: z.array(overriddenItem.extend({ name: z.string().nullable() })),
  seed: z.string().nullable(),
  seedSource: z.string().nullable(),
  key: z.string().nullable(),
  panel: z.array(namedExpert),
  alternates: z.array(namedExpert),
  currentPanel: z.array(namedExpert),
  currentAlternates: z.array(namedExpert),
  events: z.array(
    declineEvent.extend({
      name: z.string().nullable(),
      replacementName: z.string().nullable(),
      reason: z.string(),
      actorName: z.string().nullable(),
    }),
  ),
});
export type DrawDetail = z.infer<typeof drawDetail>;

/** Declines as published: codes and times; the free-text reason may carry personal matters and stays internal. */
export const publishedDecline = declineEvent;
export type PublishedDecline = z.infer<typeof publishedDecline>;

/**
 * The public record of a draw (no names, no personal data): enough to re-run the draw and the declines. The pool
 * and its hash are published when frozen; seed, panel and alternates once drawn.
 */
export const publicDraw = z.object({
  id: z.string(),
  title: z.string(),
  subject: z.string(),
  status: z.enum(drawStatuses),
  algorithm: z.string(),
  pool: frozenPool,
  poolHash: z.string(),
  /** How many candidates each stage left (the funnel), and how many avoidance exclusions there were. */
  funnel: z.array(funnelStage),
  avoidanceExclusions: z.int(),
  overridden: z.array(overriddenItem),
  seed: z.string().nullable(),
  seedSource: z.string().nullable(),
  key: z.string().nullable(),
  panel: z.array(z.string()).nullable(),
  alternates: z.array(z.string()).nullable(),
  declines: z.array(publishedDecline),
  currentPanel: z.array(z.string()).nullable(),
  currentAlternates: z.array(z.string()).nullable(),
  frozenAt: z.string(),
  drawnAt: z.string().nullable(),
});
export type PublicDraw = z.infer<typeof publicDraw>;
