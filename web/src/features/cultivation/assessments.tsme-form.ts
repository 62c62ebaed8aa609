/**
 * The 科小 self-assessment form (国科发政〔2017〕115号) to and from the rule's raw input, and its live result. The
 * direct-confirmation facts come from the registry (qualifications, honours) and are passed through unchanged,
 * except the provincial R&D institution, which the enterprise may declare.
 */
import type { Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { tsmeInput } from '@jinke/core/cultivation/tsme.contract.ts';
import { evaluateTsme, type TsmeResult } from '@jinke/core/cultivation/tsme.rules.ts';
import { fenToWan, numberOrText, wanToAmount, type Computed, type YesNo } from './assessments.form.ts';

type Json = Record<string, unknown>;

export interface TsmeForm {
  assessmentDate: string;
  residentEnterprise: YesNo;
  employees: string;
  techStaff: string;
  salesRevenueFen: string;
  totalAssetsFen: string;
  rdExpenseFen: string;
  totalCostFen: string;
  prohibitedIndustry: YesNo;
  incidentOrBlacklisted: YesNo;
  ipI: string;
  ipII: string;
  provincialRdInstitution: boolean;
  /** The registry's direct-confirmation facts other than the R&D institution, as the prefill gave them. */
  direct: Json;
}

export const TSME_AMOUNTS = ['salesRevenueFen', 'totalAssetsFen', 'rdExpenseFen', 'totalCostFen'] as const;
export const TSME_COUNTS = ['employees', 'techStaff', 'ipI', 'ipII'] as const;
export const TSME_FLAGS = ['residentEnterprise', 'prohibitedIndustry', 'incidentOrBlacklisted'] as const;

const text = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
const yesNo = (v: unknown): YesNo => (v === true ? 'yes' : v === false ? 'no' : '');

export function tsmeFormFrom(raw: Json): TsmeForm {
  const direct = typeof raw.direct === 'object' && raw.direct !== null ? (raw.direct as Json) : {};
  const { provincialRdInstitution, ...rest } = direct;
  return {
    assessmentDate: text(raw.assessmentDate),
    residentEnterprise: yesNo(raw.residentEnterprise),
    employees: text(raw.employees),
    techStaff: text(raw.techStaff),
    salesRevenueFen: fenToWan(raw.salesRevenueFen),
    totalAssetsFen: fenToWan(raw.totalAssetsFen),
    rdExpenseFen: fenToWan(raw.rdExpenseFen),
    totalCostFen: fenToWan(raw.totalCostFen),
    prohibitedIndustry: yesNo(raw.prohibitedIndustry),
    incidentOrBlacklisted: yesNo(raw.incidentOrBlacklisted),
    ipI: text(raw.ipI),
    ipII: text(raw.ipII),
    provincialRdInstitution: provincialRdInstitution === true,
    direct: rest,
  };
}

export function tsmeRawFrom(form: TsmeForm): Json {
  const raw: Json = { assessmentDate: form.assessmentDate };
  for (const flag of TSME_FLAGS) if (form[flag] !== '') raw[flag] = form[flag] === 'yes';
  for (const count of TSME_COUNTS) {
    const v = numberOrText(form[count]);
    if (v !== undefined) raw[count] = v;
  }
  for (const amount of TSME_AMOUNTS) {
    const v = wanToAmount(form[amount]);
    if (v !== undefined) raw[amount] = v;
  }
  raw.direct = { ...form.direct, ...(form.provincialRdInstitution ? { provincialRdInstitution: true } : {}) };
  return raw;
}

export function computeTsme(form: TsmeForm, locale: Locale): Computed<TsmeResult> {
  const raw = tsmeRawFrom(form);
  const parsed = tsmeInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues, locale), raw };
  return { ok: true, result: evaluateTsme(parsed.data), raw };
}
