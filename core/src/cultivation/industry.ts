/**
 * Industry tests of the super-deduction, by GB/T 4754-2017 门类 (letter) and 大类 (two digits):
 * - negative list (财税〔2015〕119号 四): 烟草制造业 (大类16), 住宿和餐饮业 (H), 批发和零售业 (F), 房地产业 (K),
 *   租赁和商务服务业 (L), 娱乐业 (大类90). An enterprise is on it when those businesses together earn more than 50 %
 *   ("50%（不含）以上", 97号 四) of 收入总额 − 不征税收入 − 投资收益; exactly 50 % is not on it.
 * - manufacturing (财政部 税务总局公告2021年第13号): 制造业 (门类C, 大类13–43) revenue ≥ 50 % ("达到50%以上") of 收入总额.
 * Codes are looked up in the shipped GB/T 4754-2017 table of the registry domain (core/src/registry/industry.ts).
 */
import { Rational } from '../common/rational.ts';
import type { Fen } from '../common/money.ts';
import { industryByCode } from '../registry/industry.ts';

export const NEGATIVE_LIST = {
  sections: ['F', 'H', 'K', 'L'] as readonly string[],
  divisions: [16, 90] as readonly number[],
};

export interface IndustryCode {
  section: string;
  /** 大类, or null when only the 门类 was given. */
  division: number | null;
}

/**
 * Reads a 门类 letter or a 大类/中类/小类 code with or without its letter ('C', 'C39', 'C391', 'C3911', '3911').
 * Returns null for a code the standard does not have, or a letter that does not match the digits ('F39').
 */
export function parseIndustryCode(text: string): IndustryCode | null {
  const m = /^([A-T])?(\d{2,4})?$/.exec(text.trim().toUpperCase());
  if (!m || (!m[1] && !m[2])) return null;
  const letter = m[1];
  const digits = m[2];
  const entry = industryByCode(digits ?? letter ?? '');
  if (!entry || (letter && letter !== entry.section)) return null;
  return { section: entry.section, division: digits ? Number(digits.slice(0, 2)) : null };
}

export function isNegativeListIndustry(code: IndustryCode): boolean {
  if (NEGATIVE_LIST.sections.includes(code.section)) return true;
  return code.division !== null && NEGATIVE_LIST.divisions.includes(code.division);
}

export function isManufacturing(code: IndustryCode): boolean {
  return code.section === 'C';
}

export interface IndustryRevenue {
  code: string;
  revenueFen: Fen;
}

export interface NegativeListTest {
  negativeListRevenueFen: Fen;
  baseFen: Fen;
  share: Rational | null;
  negativeList: boolean;
}

/** 97号 四: negative-list main-business revenue ÷ (收入总额 − 不征税收入 − 投资收益) > 50 %. */
export function negativeListTest(
  revenues: readonly IndustryRevenue[],
  totalIncome: Fen,
  nonTaxable: Fen,
  investmentIncome: Fen,
): NegativeListTest {
  let negative = 0n;
  for (const r of revenues) {
    const code = parseIndustryCode(r.code);
    if (code && isNegativeListIndustry(code)) negative += r.revenueFen;
  }
  const base = totalIncome - nonTaxable - investmentIncome;
  if (base <= 0n)
    return { negativeListRevenueFen: negative, baseFen: base, share: null, negativeList: false };
  const share = Rational.of(negative, base);
  return {
    negativeListRevenueFen: negative,
    baseFen: base,
    share,
    negativeList: share.gt(Rational.percent(50)),
  };
}

export interface ManufacturingTest {
  manufacturingRevenueFen: Fen;
  share: Rational | null;
  manufacturing: boolean;
}

/** 2021年第13号: 制造业 main-business revenue ÷ 收入总额 ≥ 50 %. */
export function manufacturingTest(revenues: readonly IndustryRevenue[], totalIncome: Fen): ManufacturingTest {
  let mfg = 0n;
  for (const r of revenues) {
    const code = parseIndustryCode(r.code);
    if (code && isManufacturing(code)) mfg += r.revenueFen;
  }
  if (totalIncome <= 0n) return { manufacturingRevenueFen: mfg, share: null, manufacturing: false };
  const share = Rational.of(mfg, totalIncome);
  return { manufacturingRevenueFen: mfg, share, manufacturing: share.gte(Rational.percent(50)) };
}
