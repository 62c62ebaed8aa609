/**
 * The shape every cultivation rule returns: one entry per official criterion with its verdict, the
 * enterprise's figure, the requirement, the gap in plain words (zh-CN and en-US) and the article it implements.
 */
import { formatYuan, type Fen } from '../common/money.ts';
import type { Rational } from '../common/rational.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Citation {
  document: string;
  article: string;
}

export interface Criterion {
  /** Stable id within the rule, e.g. `rd-ratio`. */
  id: string;
  title: Bilingual;
  /** `null`: the input lacks what is needed to decide — `missing` says what. Never a guess. */
  pass: boolean | null;
  actual: Bilingual;
  required: Bilingual;
  /** What is still needed to pass (exact amount, persons, points, days); null when passed or undecidable. */
  gap: Bilingual | null;
  /** Input paths (or years) that were needed and absent. */
  missing: string[];
  citation: Citation;
  /** Id of the interpretation applied (docs/adr/0101-cultivation-interpretations.md), when one was needed. */
  interpretation?: string;
}

/** The fixed part of a criterion: what is required and where it is written. */
export interface CriterionDef {
  id: string;
  title: Bilingual;
  required: Bilingual;
  citation: Citation;
  interpretation?: string;
}

/**
 * Builds a criterion with one fixed property order (cheap for the engine in 10,000-enterprise batches).
 * `required` and `interpretation` may be overridden for this enterprise.
 */
export function criterion(
  def: CriterionDef,
  pass: boolean | null,
  actual: Bilingual,
  gap: Bilingual | null = null,
  missing: string[] = [],
  override?: { required?: Bilingual; interpretation?: string | undefined },
): Criterion {
  const interpretation =
    override && 'interpretation' in override ? override.interpretation : def.interpretation;
  const c: Criterion = {
    id: def.id,
    title: def.title,
    pass,
    actual,
    required: override?.required ?? def.required,
    gap,
    missing,
    citation: def.citation,
  };
  if (interpretation !== undefined) c.interpretation = interpretation;
  return c;
}

/** An undecided criterion naming what is missing. */
export function undecided(def: CriterionDef, missing: string[], actual?: Bilingual): Criterion {
  return criterion(def, null, actual ?? missingWords(missing), null, missing);
}

export const DOCS = {
  hnteMeasures: '《高新技术企业认定管理办法》（国科发火〔2016〕32号）',
  hnteGuide: '《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）',
  tsme: '《科技型中小企业评价办法》（国科发政〔2017〕115号）',
  sd119: '《关于完善研究开发费用税前加计扣除政策的通知》（财税〔2015〕119号）',
  sd97: '国家税务总局公告2015年第97号',
  sd40: '国家税务总局公告2017年第40号',
  sd64: '《关于企业委托境外研究开发费用税前加计扣除有关政策问题的通知》（财税〔2018〕64号）',
  sd2021n28: '国家税务总局公告2021年第28号',
  sd2021n13: '财政部 税务总局公告2021年第13号',
  sd2022n28: '财政部 税务总局 科技部公告2022年第28号',
  sdGuide: '《研发费用加计扣除政策执行指引（2.0版）》',
  civilCode: '《中华人民共和国民法典》',
  citIncomeTaxLaw: '《中华人民共和国企业所得税法实施条例》',
  gbt4754: 'GB/T 4754-2017《国民经济行业分类》',
} as const;

export function cite(document: string, article: string): Citation {
  return { document, article };
}

export function words(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Aggregate verdict: false if any criterion failed, null if none failed but some are undecidable. */
export function overall(criteria: readonly Criterion[]): boolean | null {
  let unknown = false;
  for (const c of criteria) {
    if (c.pass === false) return false;
    if (c.pass === null) unknown = true;
  }
  return unknown ? null : true;
}

export function failedIds(criteria: readonly Criterion[]): string[] {
  return criteria.filter((c) => c.pass === false).map((c) => c.id);
}

export function undecidedIds(criteria: readonly Criterion[]): string[] {
  return criteria.filter((c) => c.pass === null).map((c) => c.id);
}

/** A percentage for people: ≤ 4 decimals, half-up, trailing zeros removed ('5.2', '68.8525'). */
export function pct(r: Rational): string {
  return r.toPercent(4);
}

export function yuan(value: Fen): string {
  return formatYuan(value);
}

/** A head count that may be a monthly average (12.5 人). */
export function persons(r: Rational): string {
  return r.toDecimal(2);
}

export function missingWords(paths: readonly string[]): Bilingual {
  return words(`缺少数据：${paths.join('、')}`, `Missing data: ${paths.join(', ')}`);
}
