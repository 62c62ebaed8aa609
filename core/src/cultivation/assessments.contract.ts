/**
 * Contracts of the self-assessment endpoints (自评): the registry prefill, saving an assessment, the list and one
 * assessment. The assessment input itself is the rule's own contract (`hnteAssessmentInput` for 高企, `tsmeInput`
 * for 科小); the server parses it with that schema and recomputes the result, so the body carries it as plain JSON.
 */
import { z } from 'zod';

export const assessmentKinds = ['hnte', 'tsme'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentKindSchema = z.enum(assessmentKinds);

/** The rule that computes each kind (ids of `npx jinke rules list`). */
export const ASSESSMENT_RULE_IDS: Record<AssessmentKind, string> = {
  hnte: 'cultivation.hnte-assessment',
  tsme: 'cultivation.tsme',
};

/**
 * The rules a saved assessment was computed with: the governing documents and a revision that is raised whenever
 * the rule's behaviour changes, so an old assessment always says which rules produced it.
 */
export const ASSESSMENT_RULE_VERSIONS: Record<AssessmentKind, string> = {
  hnte: '国科发火〔2016〕32号+195号 r1',
  tsme: '国科发政〔2017〕115号 r1',
};

export const assessmentKindLabels: Record<AssessmentKind, { zh: string; en: string }> = {
  hnte: { zh: '高新技术企业', en: 'High and new technology enterprise' },
  tsme: { zh: '科技型中小企业', en: 'Technology-based SME' },
};

export const verdicts = ['pass', 'fail', 'undecided'] as const;
export type Verdict = (typeof verdicts)[number];

/** `true`/`false`/`null` of a rule result as the stored verdict. */
export function verdictOf(value: boolean | null): Verdict {
  return value === null ? 'undecided' : value ? 'pass' : 'fail';
}

const isoDay = z.iso.date();

export const prefillQuery = z.object({
  kind: assessmentKindSchema,
  /** Officers, leaders, admins and town users name the enterprise; an enterprise user always gets its own. */
  enterpriseId: z.uuid().optional(),
  /** The day the assessment is made (default: today in China); not in the future. */
  assessmentDate: isoDay.optional(),
});
export type PrefillQuery = z.infer<typeof prefillQuery>;

/** One input path with words about it: where a value came from, or why it is missing. */
export const prefillNote = z.object({ path: z.string(), zh: z.string(), en: z.string() });
export type PrefillNote = z.infer<typeof prefillNote>;

export const assessedEnterprise = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  registeredOn: z.string().nullable(),
  hitechField: z.string().nullable(),
});
export type AssessedEnterprise = z.infer<typeof assessedEnterprise>;

/** An assessment input as JSON (amounts in integer 分); the kind's rule contract says what it holds. */
const rawInput = z.record(z.string(), z.unknown());

export const prefillResponse = z.object({
  kind: assessmentKindSchema,
  assessmentDate: isoDay,
  ruleVersion: z.string(),
  enterprise: assessedEnterprise,
  /** The draft input: what the registry holds, nothing guessed. */
  input: rawInput,
  /** Input paths the registry does not hold (years as `years[year=2023].rdFen`). */
  missing: z.array(z.string()),
  /** Plain words for what is missing, e.g. "2023 年度数据缺失". */
  notes: z.array(prefillNote),
  /** Where each prefilled value came from. */
  sources: z.array(prefillNote),
});
export type PrefillResponse = z.infer<typeof prefillResponse>;

export const createAssessmentRequest = z.object({
  kind: assessmentKindSchema,
  /** Required for bureau users; an enterprise user may omit it (or must give its own). */
  enterpriseId: z.uuid().optional(),
  /**
   * The complete input of the kind's rule (高企: `cultivation.hnte-assessment`, 科小: `cultivation.tsme`; see
   * docs/rules). The server validates it with the same schema and computes the result itself.
   */
  input: rawInput,
});
export type CreateAssessmentRequest = z.infer<typeof createAssessmentRequest>;

export const assessmentSummary = z.object({
  id: z.uuid(),
  kind: assessmentKindSchema,
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  uscc: z.string(),
  assessmentDate: isoDay,
  ruleId: z.string(),
  ruleVersion: z.string(),
  verdict: z.enum(verdicts),
  /** Ids of the failed criteria. */
  failures: z.array(z.string()),
  /** Ids of the criteria the input could not decide. */
  undecided: z.array(z.string()),
  /** 高企: the innovation score when every item is scored; 科小: the 100-point total when known. */
  scoreTotal: z.number().int().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

export const assessmentDetail = assessmentSummary.extend({
  input: rawInput,
  /** The rule's result as computed by the server (criteria, figures, score). */
  result: rawInput,
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const assessmentListQuery = z.object({
  enterpriseId: z.uuid().optional(),
  kind: assessmentKindSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuery>;

export const assessmentList = z.object({
  items: z.array(assessmentSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AssessmentList = z.infer<typeof assessmentList>;

export const assessmentParams = z.object({ id: z.uuid() });
