/**
 * The 高企 self-assessment form as plain text fields, to and from the rule's raw input, and the live result
 * computed in the browser with the same core rule the server runs. Amounts are typed in 万元 and become exact 分;
 * an empty field is left out of the input (never guessed), so the rule reports it as missing.
 */
import { parseMoney, toFenNumber } from '@jinke/core/common/money.ts';
import type { FieldError, Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { formatWan, fen } from '@jinke/core/common/money.ts';
import {
  assessHnte,
  hnteAssessmentInput,
  type HnteAssessmentResult,
} from '@jinke/core/cultivation/hnte-assessment.rules.ts';

export type YesNo = '' | 'yes' | 'no';

export interface YearForm {
  year: number;
  salesFen: string;
  rdFen: string;
  domesticRdFen: string;
  netAssetsFen: string;
  hiTechRevenueFen: string;
  totalRevenueFen: string;
}
export type YearField = Exclude<keyof YearForm, 'year'>;
export const YEAR_FIELDS: readonly YearField[] = [
  'salesFen',
  'rdFen',
  'domesticRdFen',
  'netAssetsFen',
  'hiTechRevenueFen',
  'totalRevenueFen',
];
/** Only the latest year's hi-tech revenue and total revenue are used (32号 第十一条（六）). */
export const LATEST_ONLY: readonly YearField[] = ['hiTechRevenueFen', 'totalRevenueFen'];

export interface JudgedForm {
  band: string;
  points: string;
}

export const JUDGED = ['advanced', 'coreSupport', 'acquisition', 'standards'] as const;
export type JudgedItem = (typeof JUDGED)[number];
export const MANAGEMENT = ['system', 'institution', 'transformation', 'talent'] as const;
export type ManagementItem = (typeof MANAGEMENT)[number];

export interface HnteForm {
  assessmentDate: string;
  registrationDate: string;
  hasCoreIpOwnership: YesNo;
  techInKeyFields: YesNo;
  majorIncidentWithinYear: YesNo;
  techStaff: string;
  totalStaff: string;
  years: YearForm[];
  countI: string;
  countII: string;
  countPoints: string;
  judged: Record<JudgedItem, JudgedForm>;
  conversions: string;
  conversionYears: string;
  transformationPoints: string;
  management: Record<ManagementItem, string>;
  netAssetsPoints: string;
  salesPoints: string;
}

/** The input path each form field fills, as the rule names it in `missing`. */
export const hntePaths = {
  registrationDate: 'registrationDate',
  hasCoreIpOwnership: 'hasCoreIpOwnership',
  techInKeyFields: 'techInKeyFields',
  majorIncidentWithinYear: 'majorIncidentWithinYear',
  techStaff: 'staff.techStaff',
  totalStaff: 'staff.totalStaff',
  year: (year: number, field: YearField) => `years[year=${year}].${field}`,
  judged: (item: JudgedItem) => `score.ip.${item}.points`,
  countPoints: 'score.ip.count.points',
  transformation: 'score.transformation.points',
  management: (item: ManagementItem) => `score.rdManagement.${item}`,
  netAssetsPoints: 'score.growth.netAssetsPoints',
  salesPoints: 'score.growth.salesPoints',
} as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const text = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');

/** 分 as a 万元 text without the unit, exact (123456 分 → "0.123456"). */
export function fenToWan(v: unknown): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) return '';
  return formatWan(fen(v)).replace(/万元$/, '');
}

function yesNo(v: unknown): YesNo {
  return v === true ? 'yes' : v === false ? 'no' : '';
}

function judgedOf(v: unknown): JudgedForm {
  const o = obj(v);
  return { band: text(o.band), points: text(o.points) };
}

/** The form filled from a raw input (the registry prefill or a saved assessment). */
export function hnteFormFrom(raw: Json): HnteForm {
  const staff = obj(raw.staff);
  const score = obj(raw.score);
  const ip = obj(score.ip);
  const count = obj(ip.count);
  const transformation = obj(score.transformation);
  const management = obj(score.rdManagement);
  const growth = obj(score.growth);
  const years = (Array.isArray(raw.years) ? raw.years : []).filter(isObject).map((y): YearForm => ({
    year: Number(y.year),
    salesFen: fenToWan(y.salesFen),
    rdFen: fenToWan(y.rdFen),
    domesticRdFen: fenToWan(y.domesticRdFen),
    netAssetsFen: fenToWan(y.netAssetsFen),
    hiTechRevenueFen: fenToWan(y.hiTechRevenueFen),
    totalRevenueFen: fenToWan(y.totalRevenueFen),
  }));
  return {
    assessmentDate: text(raw.assessmentDate),
    registrationDate: text(raw.registrationDate),
    hasCoreIpOwnership: yesNo(raw.hasCoreIpOwnership),
    techInKeyFields: yesNo(raw.techInKeyFields),
    majorIncidentWithinYear: yesNo(raw.majorIncidentWithinYear),
    techStaff: text(staff.techStaff),
    totalStaff: text(staff.totalStaff),
    years: years.sort((a, b) => a.year - b.year),
    countI: text(count.countI),
    countII: text(count.countII),
    countPoints: text(count.points),
    judged: {
      advanced: judgedOf(ip.advanced),
      coreSupport: judgedOf(ip.coreSupport),
      acquisition: judgedOf(ip.acquisition),
      standards: judgedOf(ip.standards),
    },
    conversions: text(transformation.conversions),
    conversionYears: text(transformation.years),
    transformationPoints: text(transformation.points),
    management: {
      system: text(management.system),
      institution: text(management.institution),
      transformation: text(management.transformation),
      talent: text(management.talent),
    },
    netAssetsPoints: text(growth.netAssetsPoints),
    salesPoints: text(growth.salesPoints),
  };
}

/** A 万元 text as exact 分, or the text with its unit so the rule names the bad field. */
export function wanToAmount(value: string): number | string | undefined {
  const trimmed = value.trim().replaceAll(',', '');
  if (trimmed === '') return undefined;
  const parsed = parseMoney(`${trimmed}万元`);
  if (!parsed.ok) return `${trimmed}万元`;
  try {
    return toFenNumber(parsed.fen);
  } catch {
    return `${trimmed}万元`;
  }
}

/** A number field: a number when it reads as one, otherwise the text (the rule then names the field). */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

function boolOf(v: YesNo): boolean | undefined {
  return v === '' ? undefined : v === 'yes';
}

function put(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** The rule's raw input from the form: empty fields are left out. */
export function hnteRawFrom(form: HnteForm): Json {
  const raw: Json = { assessmentDate: form.assessmentDate };
  put(raw, 'registrationDate', form.registrationDate.trim() || undefined);
  put(raw, 'hasCoreIpOwnership', boolOf(form.hasCoreIpOwnership));
  put(raw, 'techInKeyFields', boolOf(form.techInKeyFields));
  put(raw, 'majorIncidentWithinYear', boolOf(form.majorIncidentWithinYear));
  const staff: Json = {};
  put(staff, 'techStaff', numberOrText(form.techStaff));
  put(staff, 'totalStaff', numberOrText(form.totalStaff));
  raw.staff = staff;
  raw.years = form.years.map((y) => {
    const out: Json = { year: y.year };
    for (const field of YEAR_FIELDS) put(out, field, wanToAmount(y[field]));
    return out;
  });
  const ip: Json = {};
  for (const item of JUDGED) {
    const j = form.judged[item];
    if (j.band === '') continue;
    const entry: Json = { band: j.band };
    put(entry, 'points', numberOrText(j.points));
    ip[item] = entry;
  }
  const countI = numberOrText(form.countI);
  const countII = numberOrText(form.countII);
  if (countI !== undefined && countII !== undefined) {
    const count: Json = { countI, countII };
    put(count, 'points', numberOrText(form.countPoints));
    ip.count = count;
  }
  const score: Json = { ip };
  const conversions = numberOrText(form.conversions);
  const conversionYears = numberOrText(form.conversionYears);
  if (conversions !== undefined && conversionYears !== undefined) {
    const t: Json = { conversions, years: conversionYears };
    put(t, 'points', numberOrText(form.transformationPoints));
    score.transformation = t;
  }
  const management: Json = {};
  for (const item of MANAGEMENT) put(management, item, numberOrText(form.management[item]));
  score.rdManagement = management;
  const growth: Json = {};
  put(growth, 'netAssetsPoints', numberOrText(form.netAssetsPoints));
  put(growth, 'salesPoints', numberOrText(form.salesPoints));
  score.growth = growth;
  raw.score = score;
  return raw;
}

export type Computed<R> = { ok: true; result: R; raw: Json } | { ok: false; errors: FieldError[]; raw: Json };

/** The live result, or the field errors that keep the rule from running (e.g. tech staff above total staff). */
export function computeHnte(form: HnteForm, locale: Locale): Computed<HnteAssessmentResult> {
  const raw = hnteRawFrom(form);
  const parsed = hnteAssessmentInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues, locale), raw };
  return { ok: true, result: assessHnte(parsed.data), raw };
}

/** Whether a prefilled-as-missing field is still empty (it stays highlighted until filled). */
export function stillMissing(missing: ReadonlySet<string>, path: string, value: string): boolean {
  return missing.has(path) && value.trim() === '';
}
