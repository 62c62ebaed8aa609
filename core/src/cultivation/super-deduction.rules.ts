/**
 * 研发费用加计扣除 amount for a tax year: the rate records in force (super-deduction-rates.ts), the eligibility
 * tests (居民企业, 查账征收, negative list, manufacturing), the 2022 Q4 比例法 split, and the amortisation of
 * R&D-formed intangibles at (100 + rate) % of cost. Amounts are bigint 分, each portion rounded half-up to the 分.
 */
import { minFen, mulFen, toFenNumber, type Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { dayOf, monthOfDay } from './calendar.ts';
import { DOCS, cite, words, type Bilingual, type Citation } from './criteria.ts';
import { manufacturingTest, negativeListTest } from './industry.ts';
import { computeSdCalibre, type SdCalibre } from './rd-super-calibre.ts';
import type { EnterpriseProfile, IntangibleInput, SuperDeductionInput } from './super-deduction.contract.ts';
import { SUPER_DEDUCTION_RATES, type SuperDeductionRate } from './super-deduction-rates.ts';

export interface RdFigures {
  /** 允许加计扣除的研发费用 of expensed projects. */
  expensedBaseFen: Fen;
  /** Actual expensed R&D inside a part-year record's period (2022 Q4), for the actual method. */
  periodActualFen?: Fen;
  intangibles?: readonly IntangibleInput[];
}

export interface RatePortion {
  recordId: string;
  ratePct: number;
  baseFen: number;
  additionalFen: number;
  method: 'annual' | 'proportional' | 'actual';
}

export interface SuperDeductionResult {
  taxYear: number;
  eligible: boolean;
  reasons: Bilingual[];
  enterprise: {
    manufacturing: boolean;
    manufacturingSharePct: string | null;
    negativeList: boolean;
    negativeListSharePct: string | null;
    tsme: boolean;
    listedIcOrMachineTool: boolean;
    operatingMonths: number;
  };
  record: Pick<
    SuperDeductionRate,
    'id' | 'ratePct' | 'intangibleMultiplierPct' | 'document' | 'article'
  > | null;
  ratePct: number;
  expensedBaseFen: number;
  portions: RatePortion[];
  /** Both ways of splitting a part-year period, when one applies. */
  alternatives: { method: 'proportional' | 'actual'; periodBaseFen: number; additionalFen: number }[];
  chosenMethod: 'proportional' | 'actual' | null;
  additionalDeductionFen: number;
  intangibles: {
    multiplierPct: number | null;
    items: {
      id: string | null;
      costFen: number;
      years: number;
      months: number;
      taxAmortisationFen: number;
      additionalFen: number;
    }[];
    taxAmortisationFen: number;
    additionalFen: number;
  };
  totalAdditionalFen: number;
  citations: Citation[];
  /** Present when the rule was given a ledger: the super-deduction calibre it computed. */
  calibre?: SdCalibre;
}

function qualifies(
  record: SuperDeductionRate,
  p: { tsme: boolean; manufacturing: boolean; listed: boolean },
): boolean {
  switch (record.qualifies) {
    case 'all':
      return true;
    case 'tsme':
      return p.tsme;
    case 'manufacturing':
      return p.manufacturing;
    case 'listed_ic_or_machine_tool':
      return p.listed;
  }
}

/** Calendar months touched by [from, to] (both ISO dates), e.g. 2022-05-10 … 2022-12-31 → 8. */
function monthsTouched(from: string, to: string): number {
  if (to < from) return 0;
  const a = dayOf(from);
  const b = dayOf(to);
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + monthOfDay(b) - monthOfDay(a) + 1;
}

const maxIso = (a: string, b: string) => (a > b ? a : b);
const minIso = (a: string, b: string) => (a < b ? a : b);

function pctOf(base: Fen, ratePct: number): Fen {
  return mulFen(base, Rational.percent(ratePct), 'half-up');
}

export function superDeductionFor(
  taxYear: number,
  profile: EnterpriseProfile,
  rd: RdFigures,
  method?: 'proportional' | 'actual',
): SuperDeductionResult {
  const yearStart = `${taxYear}-01-01`;
  const yearEnd = `${taxYear}-12-31`;
  const mfg = profile.income
    ? manufacturingTest(profile.income.industryRevenue, profile.income.totalIncomeFen)
    : null;
  const neg = profile.income
    ? negativeListTest(
        profile.income.industryRevenue,
        profile.income.totalIncomeFen,
        profile.income.nonTaxableIncomeFen,
        profile.income.investmentIncomeFen,
      )
    : null;
  const manufacturing = mfg ? mfg.manufacturing : (profile.manufacturing ?? false);
  const negativeList = neg ? neg.negativeList : (profile.negativeList ?? false);
  const opFrom = maxIso(profile.operatingFrom ?? yearStart, yearStart);
  const opTo = minIso(profile.operatingTo ?? yearEnd, yearEnd);
  const operatingMonths = profile.operatingMonths ?? monthsTouched(opFrom, opTo);
  const who = { tsme: profile.tsme, manufacturing, listed: profile.listedIcOrMachineTool };

  const reasons: Bilingual[] = [];
  if (!profile.residentEnterprise)
    reasons.push(words('非居民企业不适用加计扣除', 'Only resident enterprises may super-deduct'));
  if (!profile.auditCollection)
    reasons.push(
      words(
        '核定征收企业不适用加计扣除（须查账征收）',
        'Enterprises taxed on deemed profit may not super-deduct',
      ),
    );
  if (negativeList)
    reasons.push(
      words(
        '负面清单行业收入占比超过50%，不适用加计扣除（119号 四；97号 四）',
        'Negative-list industries earn more than 50 %: not eligible (119号 四; 97号 四)',
      ),
    );

  const inForce = SUPER_DEDUCTION_RATES.filter(
    (r) => r.from <= yearEnd && (r.to === null || r.to >= yearStart) && qualifies(r, who),
  );
  const annual = inForce.filter((r) => r.from <= yearStart && (r.to === null || r.to >= yearEnd));
  const best = annual.reduce<SuperDeductionRate | null>(
    (b, r) => (b === null || r.ratePct > b.ratePct ? r : b),
    null,
  );
  if (!best)
    reasons.push(
      words(
        `${taxYear} 年度没有适用于本企业的加计扣除政策`,
        `No super-deduction policy applies to this enterprise in ${taxYear}`,
      ),
    );
  const eligible = reasons.length === 0 && best !== null;

  const base = rd.expensedBaseFen;
  const portions: RatePortion[] = [];
  const alternatives: SuperDeductionResult['alternatives'] = [];
  let chosenMethod: SuperDeductionResult['chosenMethod'] = null;
  let rest = base;
  if (eligible) {
    for (const r of inForce) {
      if (annual.includes(r) || r.ratePct <= best.ratePct || !r.proportionalMethod) continue;
      const periodMonths =
        profile.periodOperatingMonths ?? monthsTouched(maxIso(r.from, opFrom), minIso(r.to ?? yearEnd, opTo));
      // 比例法: 全年研发费用 × 期间经营月份数 ÷ 全年实际经营月份数 (2022年第28号), rounded half-up to the 分.
      const proportional =
        operatingMonths === 0 ? 0n : mulFen(base, Rational.of(periodMonths, operatingMonths), 'half-up');
      const extra = (periodBase: Fen) =>
        pctOf(periodBase, r.ratePct) + pctOf(base - periodBase, best.ratePct);
      alternatives.push({
        method: 'proportional',
        periodBaseFen: toFenNumber(proportional),
        additionalFen: toFenNumber(extra(proportional)),
      });
      const actual = rd.periodActualFen === undefined ? undefined : minFen(rd.periodActualFen, base);
      if (actual !== undefined)
        alternatives.push({
          method: 'actual',
          periodBaseFen: toFenNumber(actual),
          additionalFen: toFenNumber(extra(actual)),
        });
      chosenMethod = method ?? (actual !== undefined && actual > proportional ? 'actual' : 'proportional');
      const periodBase = chosenMethod === 'actual' && actual !== undefined ? actual : proportional;
      portions.push({
        recordId: r.id,
        ratePct: r.ratePct,
        baseFen: toFenNumber(periodBase),
        additionalFen: toFenNumber(pctOf(periodBase, r.ratePct)),
        method: chosenMethod,
      });
      rest -= periodBase;
    }
    portions.unshift({
      recordId: best.id,
      ratePct: best.ratePct,
      baseFen: toFenNumber(rest),
      additionalFen: toFenNumber(pctOf(rest, best.ratePct)),
      method: 'annual',
    });
  }
  const additional = portions.reduce((s, p) => s + BigInt(p.additionalFen), 0n);

  const multiplier = eligible ? best.intangibleMultiplierPct : null;
  const items = (rd.intangibles ?? []).map((i) => {
    // Cost × multiplier × months ÷ (years × 12): the whole tax amortisation and its additional part.
    const share = Rational.of(i.monthsInYear, i.amortisationYears * 12);
    const tax =
      multiplier === null
        ? mulFen(i.costFen, share, 'half-up')
        : mulFen(i.costFen, share.mul(Rational.percent(multiplier)), 'half-up');
    const plain = mulFen(i.costFen, share, 'half-up');
    return {
      id: i.id ?? null,
      costFen: toFenNumber(i.costFen),
      years: i.amortisationYears,
      months: i.monthsInYear,
      taxAmortisationFen: toFenNumber(tax),
      additionalFen: toFenNumber(tax - plain),
    };
  });
  const intangibleTax = items.reduce((s, i) => s + BigInt(i.taxAmortisationFen), 0n);
  const intangibleAdditional = items.reduce((s, i) => s + BigInt(i.additionalFen), 0n);

  const citations = [
    ...(best ? [cite(best.document, best.article)] : []),
    ...portions.slice(1).map((p) => {
      const r = SUPER_DEDUCTION_RATES.find((x) => x.id === p.recordId);
      return cite(r?.document ?? p.recordId, r?.article ?? '');
    }),
    ...(neg ? [cite(DOCS.sd97, '四'), cite(DOCS.sd119, '四')] : []),
    ...(mfg ? [cite(DOCS.sd2021n13, '一、二')] : []),
  ];
  return {
    taxYear,
    eligible,
    reasons,
    enterprise: {
      manufacturing,
      manufacturingSharePct: mfg?.share?.toPercent(4) ?? null,
      negativeList,
      negativeListSharePct: neg?.share?.toPercent(4) ?? null,
      tsme: profile.tsme,
      listedIcOrMachineTool: profile.listedIcOrMachineTool,
      operatingMonths,
    },
    record: best
      ? {
          id: best.id,
          ratePct: best.ratePct,
          intangibleMultiplierPct: best.intangibleMultiplierPct,
          document: best.document,
          article: best.article,
        }
      : null,
    ratePct: eligible ? best.ratePct : 0,
    expensedBaseFen: toFenNumber(base),
    portions,
    alternatives,
    chosenMethod,
    additionalDeductionFen: toFenNumber(additional),
    intangibles: {
      multiplierPct: multiplier,
      items,
      taxAmortisationFen: toFenNumber(intangibleTax),
      additionalFen: toFenNumber(intangibleAdditional),
    },
    totalAdditionalFen: toFenNumber(additional + intangibleAdditional),
    citations,
  };
}

/** The rule: a ledger (through the super-deduction calibre) or a base, then the amount. */
export function computeSuperDeduction(input: SuperDeductionInput): SuperDeductionResult {
  const calibre = input.entries ? computeSdCalibre(input.taxYear, input.entries).view : undefined;
  const expensedBase = calibre ? BigInt(calibre.expensedBaseFen) : (input.expensedBaseFen ?? 0n);
  const result = superDeductionFor(
    input.taxYear,
    input.enterprise,
    { expensedBaseFen: expensedBase, periodActualFen: input.periodActualFen, intangibles: input.intangibles },
    input.method,
  );
  return calibre ? { ...result, calibre } : result;
}
