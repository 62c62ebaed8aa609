/**
 * Readiness of an enterprise for 高新技术企业 recognition, judged only from what the registry holds (培育库).
 *
 * The registry holds the registration date, the yearly figures (营业收入 as 销售收入, R&D expense, staff and tech
 * staff, net assets), the 高新技术领域 an officer recorded, and the patents in force. It does not hold domestic R&D,
 * hi-tech product revenue, total revenue, the ownership of core IP, incidents or the experts' scores. The
 * assessment runs the same `assessHnte` rule as the self-assessment on an input built from the registry alone, so
 * every criterion whose facts are absent comes out undecided — "unknown", never a gap.
 *
 * Readiness classes (exact):
 * - `eligible`   no criterion fails, and the three the registry decides — registration (一), tech staff (四) and
 *                the R&D ratio (五) — all pass; the criteria still unknown are listed to be confirmed.
 * - `one_gap`    exactly one criterion fails (whatever is unknown).
 * - `two_gaps`   exactly two criteria fail.
 * - `far`        three or more criteria fail.
 * - `incomplete` no criterion fails, but registration, tech staff or the R&D ratio is undecided because the
 *                registry lacks the figures (a missing year, no registration date): the data must be completed
 *                before the enterprise can be ranked.
 */
import { Rational } from '../common/rational.ts';
import type { Fen } from '../common/money.ts';
import type { Bilingual } from './criteria.ts';
import { dayOf, yearOfDay } from './calendar.ts';
import { assessHnte, type HnteAssessmentInput, type HnteAssessmentResult } from './hnte-assessment.rules.ts';
import { hnteWindow } from './hnte-conditions.rules.ts';

export const readinessClasses = ['eligible', 'one_gap', 'two_gaps', 'far', 'incomplete'] as const;
export type Readiness = (typeof readinessClasses)[number];

export const readinessLabels: Record<Readiness, Bilingual> = {
  eligible: { zh: '已具备条件', en: 'Eligible now' },
  one_gap: { zh: '差一项', en: 'One gap' },
  two_gaps: { zh: '差两项', en: 'Two gaps' },
  far: { zh: '差距较大', en: 'Far' },
  incomplete: { zh: '资料不全', en: 'Data incomplete' },
};

/** Order of the classes in the ranking: the closest to recognition first. */
export const READINESS_ORDER: Record<Readiness, number> = {
  eligible: 0,
  one_gap: 1,
  two_gaps: 2,
  far: 3,
  incomplete: 4,
};

/** The criteria the registry can decide; an undecided one keeps a gap-free enterprise out of `eligible`. */
export const REGISTRY_DECIDED = ['registration', 'tech-staff', 'rd-ratio'] as const;

/** Short names of the criteria (ids of hnte-conditions.defs.ts) for gap summaries and tags. */
export const criterionShortLabels: Record<string, Bilingual> = {
  registration: { zh: '注册满一年', en: 'one year since registration' },
  'core-ip': { zh: '核心知识产权', en: 'core IP' },
  'key-fields': { zh: '重点支持领域', en: 'supported field' },
  'tech-staff': { zh: '科技人员占比', en: 'tech-staff share' },
  'rd-ratio': { zh: '研发费用占比', en: 'R&D ratio' },
  'domestic-rd': { zh: '境内研发费用占比', en: 'domestic R&D share' },
  'hitech-revenue': { zh: '高新技术产品收入占比', en: 'hi-tech revenue share' },
  'innovation-score': { zh: '创新能力评价', en: 'innovation score' },
  'no-major-incident': { zh: '无重大事故', en: 'no major incident' },
};

/** Criterion ids in the order of 第十一条, so gap sets have one spelling. */
export const CRITERION_ORDER = [
  'registration',
  'core-ip',
  'key-fields',
  'tech-staff',
  'rd-ratio',
  'domestic-rd',
  'hitech-revenue',
  'innovation-score',
  'no-major-incident',
] as const;

/** One year of registry figures (`enterprise_years`), amounts in 分. */
export interface RegistryYear {
  year: number;
  /** 营业收入 = 主营业务收入 + 其他业务收入, the 销售收入 of 195号. */
  revenueFen: Fen | null;
  rdFen: Fen | null;
  staff: number | null;
  techStaff: number | null;
  netAssetsFen: Fen | null;
}

/** What the registry holds about one enterprise, as the pipeline reads it. */
export interface RegistryFacts {
  registeredOn: string | null;
  /** The 高新技术领域 code an officer recorded; its presence answers condition (三). */
  hitechField: string | null;
  years: readonly RegistryYear[];
  /** Invention patents (Ⅰ类) in force on the assessment day that the enterprise holds or co-holds. */
  validInventions: number;
  /** Utility models and designs (Ⅱ类) in force on the assessment day. */
  validOtherPatents: number;
}

/** The campaign's day: applications of `year` are judged on this date. */
export function campaignAsOf(year: number, today: string): string {
  const todayYear = Number(today.slice(0, 4));
  if (year === todayYear) return today;
  if (year < todayYear) return `${year}-12-31`;
  throw new RangeError(`campaign year ${year} is after today (${today})`);
}

/**
 * The self-assessment input the registry supports, as the validated contract type. Only facts the registry holds
 * are filled in. Built directly rather than parsed: every invariant the contract checks holds by construction —
 * years are unique (primary key), inside the window (so neither future nor before registration), amounts are
 * non-negative except net assets (table checks), tech staff ≤ staff (table check), and enterprises registered
 * after the day are left out by the caller. `pipeline.readiness.test.ts` re-validates built inputs to keep it so.
 */
export function registryAssessmentInput(facts: RegistryFacts, asOf: string): HnteAssessmentInput {
  const applicationYear = yearOfDay(dayOf(asOf));
  const registrationYear = facts.registeredOn ? yearOfDay(dayOf(facts.registeredOn)) : undefined;
  const window = hnteWindow(applicationYear, registrationYear);
  const years: HnteAssessmentInput['years'] = [];
  for (const y of facts.years) {
    if (!window.includes(y.year)) continue;
    years.push({
      year: y.year,
      ...(y.revenueFen === null ? {} : { salesFen: y.revenueFen }),
      ...(y.rdFen === null ? {} : { rdFen: y.rdFen }),
      ...(y.netAssetsFen === null ? {} : { netAssetsFen: y.netAssetsFen }),
    });
  }
  // 科技人员占企业当年职工总数: the latest accounting year's head counts.
  const latest = facts.years.find((y) => y.year === applicationYear - 1 && window.includes(y.year));
  const staff =
    latest && latest.staff !== null && latest.techStaff !== null
      ? { techStaff: Rational.of(latest.techStaff), totalStaff: Rational.of(latest.staff) }
      : undefined;
  return {
    assessmentDate: asOf,
    ...(facts.registeredOn ? { registrationDate: facts.registeredOn } : {}),
    ...(facts.hitechField ? { techInKeyFields: true } : {}),
    ...(staff ? { staff } : {}),
    years,
    score: {
      // The registry counts patents only (no software copyrights, layout designs …), so a count is a lower
      // bound: it is given only when it already reaches the top band (any Ⅰ类 right), never to lower the range.
      ip:
        facts.validInventions > 0
          ? { count: { countI: facts.validInventions, countII: facts.validOtherPatents } }
          : {},
      rdManagement: {},
      growth: {},
    },
  };
}

export interface ReadinessResult {
  readiness: Readiness;
  /** Failed criteria in the order of 第十一条. */
  gaps: string[];
  /** Undecided criteria: facts the registry does not hold or lacks. */
  unknowns: string[];
  assessment: HnteAssessmentResult;
}

/** The class of an assessment made from registry facts (see the module comment). */
export function classifyReadiness(assessment: HnteAssessmentResult): ReadinessResult {
  const gaps = assessment.failures;
  const unknowns = assessment.undecided;
  let readiness: Readiness;
  if (gaps.length === 0) {
    const decided = REGISTRY_DECIDED.every(
      (id) => assessment.criteria.find((c) => c.id === id)?.pass === true,
    );
    readiness = decided ? 'eligible' : 'incomplete';
  } else readiness = gaps.length === 1 ? 'one_gap' : gaps.length === 2 ? 'two_gaps' : 'far';
  return { readiness, gaps, unknowns, assessment };
}

/** Registry facts → the assessment → the class, on the campaign day `asOf`. */
export function assessReadiness(facts: RegistryFacts, asOf: string): ReadinessResult {
  return classifyReadiness(assessHnte(registryAssessmentInput(facts, asOf)));
}

/** `rd-ratio,tech-staff` → "研发费用占比、科技人员占比": the words of a gap set. */
export function gapSetLabel(gaps: readonly string[]): Bilingual {
  const labels = gaps.map((id) => criterionShortLabels[id] ?? { zh: id, en: id });
  return {
    zh: labels.map((l) => l.zh).join('、'),
    en: labels.map((l) => l.en).join(' and '),
  };
}
