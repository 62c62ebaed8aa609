/**
 * Super-deduction calibre of R&D expense (财税〔2015〕119号 一（一）; 国家税务总局公告2017年第40号; 财税〔2018〕64号):
 * - six categories; 其他相关费用 ≤ (人员人工等五项之和) × 10 % ÷ (1 − 10 %), per project up to tax year 2020
 *   (97号 二（三）) and pooled over all projects from 2021 (国家税务总局公告2021年第28号 三);
 * - 委托研发 at 80 % of the amount paid; 委托境外 (from 2018 only, organisations only) allowed up to 2/3 of the
 *   境内符合条件的研发费用 (in-house after the cap + 80 % of 委托境内, interpretation I-13);
 * - costs paid from 不征税收入 excluded; netted subsidies and special income reduce the base, not below zero.
 * Expensed and capitalised (资本化) projects are kept apart: the capitalised base becomes the intangible's cost.
 */
import { Rational } from '../common/rational.ts';
import { maxFen, minFen, mulFen, toFenNumber, type Fen } from '../common/money.ts';
import { DOCS, cite, words, yuan, type Bilingual, type Citation } from './criteria.ts';
import { SD_CATEGORIES, SD_CATEGORY_TITLES, ledgerCategoryDef, type SdCategory } from './rd-categories.ts';
import type { CapView, CategoryLine } from './rd-hnte-calibre.ts';
import type { LedgerEntry } from './rd-ledger.contract.ts';

export const SD_ENTRUSTED_SHARE = Rational.percent(80);
export const SD_OTHER_CAP_SHARE = Rational.percent(10);
/** 10 % ÷ (1 − 10 %) = 1/9. */
export const SD_OTHER_CAP_FACTOR = SD_OTHER_CAP_SHARE.div(Rational.ONE.sub(SD_OTHER_CAP_SHARE));
export const SD_OVERSEAS_CAP_FACTOR = Rational.of(2n, 3n);
/** First tax year in which the other-cost cap is computed over all projects together. */
export const SD_POOLED_CAP_FROM = 2021;
/** First tax year in which overseas entrusted R&D may be super-deducted (财税〔2018〕64号). */
export const SD_OVERSEAS_FROM = 2018;

type Pool = 'expensed' | 'capitalised';

export interface SdProjectCap {
  projectId: string;
  fiveItemsFen: number;
  otherFen: number;
  capFen: number;
  allowedFen: number;
  binding: boolean;
}

export interface SdCalibre {
  taxYear: number;
  capMethod: 'per-project' | 'pooled';
  categories: CategoryLine<SdCategory>[];
  otherCap: CapView & { projects: SdProjectCap[] };
  entrusted: {
    domesticPaidFen: number;
    domesticCountedFen: number;
    overseasPaidFen: number;
    overseasCountedFen: number;
    overseasCapFen: number;
    overseasAllowedFen: number;
    overseasReducedByFen: number;
  };
  fiveItemsFen: number;
  domesticQualifyingFen: number;
  adjustments: {
    subsidyNettedFen: number;
    specialIncomeFen: number;
    appliedFen: number;
    unabsorbedFen: number;
  };
  excluded: { category: string; amountFen: number; reason: Bilingual }[];
  expensedBaseFen: number;
  capitalisedBaseFen: number;
  baseFen: number;
  citation: Citation;
  interpretations: string[];
}

export interface SdCalibreFigures {
  five: Fen;
  otherAllowed: Fen;
  entrustedDomestic: Fen;
  overseasAllowed: Fen;
  adjustmentsApplied: Fen;
  base: Fen;
  expensedBase: Fen;
  capitalisedBase: Fen;
  /** In-house amounts both calibres recognise but left out here for 不征税收入 funding. */
  nonTaxableInHouse: Fen;
}

class PoolSums {
  five = 0n;
  other = 0n;
  otherAllowed = 0n;
  entrustedDomesticPaid = 0n;
  overseasPaid = 0n;
  subsidy = 0n;
  special = 0n;
}

/** Splits `total` between two pools in proportion to their parts (capitalised part rounded down). */
function allocate(total: Fen, capitalisedPart: Fen, allParts: Fen): Fen {
  return allParts === 0n ? 0n : (total * capitalisedPart) / allParts;
}

export function computeSdCalibre(
  taxYear: number,
  entries: readonly LedgerEntry[],
): { view: SdCalibre; figures: SdCalibreFigures } {
  const pools: Record<Pool, PoolSums> = { expensed: new PoolSums(), capitalised: new PoolSums() };
  const gross = new Map<SdCategory, Fen>(SD_CATEGORIES.map((c) => [c, 0n]));
  const counted = new Map<SdCategory, Fen>(SD_CATEGORIES.map((c) => [c, 0n]));
  const projects = new Map<string, { pool: Pool; five: Fen; other: Fen }>();
  const excluded = new Map<string, { amount: Fen; reason: Bilingual }>();
  let nonTaxableInHouse = 0n;
  const exclude = (key: string, amount: Fen, reason: Bilingual) => {
    const prior = excluded.get(key);
    excluded.set(key, { amount: (prior?.amount ?? 0n) + amount, reason });
  };
  for (const e of entries) {
    const pool = pools[e.capitalised ? 'capitalised' : 'expensed'];
    if (e.category === 'subsidy_netted') {
      pool.subsidy += e.amountFen;
      continue;
    }
    if (e.category === 'special_income') {
      pool.special += e.amountFen;
      continue;
    }
    const def = ledgerCategoryDef(e.category);
    if (def.sd === null) {
      exclude(e.category, e.amountFen, def.sdExcluded ?? words('不可加计扣除', 'Not deductible'));
      continue;
    }
    if (def.sd !== 'entrusted') gross.set(def.sd, (gross.get(def.sd) ?? 0n) + e.amountFen);
    if (e.fundedByNonTaxableIncome) {
      if (def.sd !== 'entrusted' && def.sd !== 'other' && def.hnte !== null) nonTaxableInHouse += e.amountFen;
      exclude(
        `${e.category}:non-taxable`,
        e.amountFen,
        words(
          '以不征税收入（财政性资金）支付，不得加计扣除（40号 七（一））',
          'Paid from non-taxable fiscal funds: no super-deduction (40号 七(一))',
        ),
      );
      continue;
    }
    if (def.sd === 'entrusted') {
      if (e.location === 'domestic') pool.entrustedDomesticPaid += e.amountFen;
      else if (taxYear < SD_OVERSEAS_FROM)
        exclude(
          'entrusted:overseas-before-2018',
          e.amountFen,
          words(
            '2018年以前委托境外研发不得加计扣除（119号 二1）',
            'Overseas entrusted R&D not deductible before 2018 (119号 二1)',
          ),
        );
      else if (e.payeeType === 'individual')
        exclude(
          'entrusted:overseas-individual',
          e.amountFen,
          words(
            '委托境外个人进行的研发活动不适用加计扣除（64号 一）',
            'Entrusting overseas individuals does not qualify (64号 一)',
          ),
        );
      else if (e.contractRegistered === false)
        exclude(
          'entrusted:overseas-unregistered',
          e.amountFen,
          words(
            '委托境外研发合同未经科技行政主管部门登记（64号 三）',
            'Overseas R&D contract not registered with the S&T authority (64号 三)',
          ),
        );
      else pool.overseasPaid += e.amountFen;
      continue;
    }
    const project = projects.get(e.projectId) ?? {
      pool: e.capitalised ? 'capitalised' : 'expensed',
      five: 0n,
      other: 0n,
    };
    projects.set(e.projectId, project);
    if (def.sd === 'other') {
      pool.other += e.amountFen;
      project.other += e.amountFen;
    } else {
      pool.five += e.amountFen;
      project.five += e.amountFen;
      counted.set(def.sd, (counted.get(def.sd) ?? 0n) + e.amountFen);
    }
  }

  // 其他相关费用 cap: "不得超过" — each cap is rounded down to the 分.
  const pooled = taxYear >= SD_POOLED_CAP_FROM;
  const E = pools.expensed;
  const C = pools.capitalised;
  const fiveTotal = E.five + C.five;
  const otherTotal = E.other + C.other;
  const projectCaps: SdProjectCap[] = [];
  let capTotal = 0n;
  if (pooled) {
    capTotal = mulFen(fiveTotal, SD_OTHER_CAP_FACTOR, 'floor');
    const allowed = minFen(otherTotal, capTotal);
    // Binding cap: the allowed amount is shared in proportion to each pool's other costs (I-14).
    C.otherAllowed = otherTotal > capTotal ? allocate(allowed, C.other, otherTotal) : C.other;
    E.otherAllowed = allowed - C.otherAllowed;
  } else {
    for (const [projectId, p] of projects) {
      const cap = mulFen(p.five, SD_OTHER_CAP_FACTOR, 'floor');
      const allowed = minFen(p.other, cap);
      capTotal += cap;
      pools[p.pool].otherAllowed += allowed;
      projectCaps.push({
        projectId,
        fiveItemsFen: toFenNumber(p.five),
        otherFen: toFenNumber(p.other),
        capFen: toFenNumber(cap),
        allowedFen: toFenNumber(allowed),
        binding: p.other > cap,
      });
    }
  }
  const otherAllowed = E.otherAllowed + C.otherAllowed;
  counted.set('other', otherAllowed);

  const domesticPaid = E.entrustedDomesticPaid + C.entrustedDomesticPaid;
  const entrustedDomestic = mulFen(domesticPaid, SD_ENTRUSTED_SHARE, 'half-up');
  const entrustedDomesticC = mulFen(C.entrustedDomesticPaid, SD_ENTRUSTED_SHARE, 'half-up');
  const domesticQualifying = fiveTotal + otherAllowed + entrustedDomestic;
  const overseasPaid = E.overseasPaid + C.overseasPaid;
  const overseasCounted = mulFen(overseasPaid, SD_ENTRUSTED_SHARE, 'half-up');
  const overseasCap = mulFen(domesticQualifying, SD_OVERSEAS_CAP_FACTOR, 'floor');
  const overseasAllowed = minFen(overseasCounted, overseasCap);
  const overseasAllowedC = allocate(overseasAllowed, C.overseasPaid, overseasPaid);

  const before = {
    capitalised: C.five + C.otherAllowed + entrustedDomesticC + overseasAllowedC,
    expensed:
      E.five +
      E.otherAllowed +
      (entrustedDomestic - entrustedDomesticC) +
      (overseasAllowed - overseasAllowedC),
  };
  // 40号 七（一）（二）: netted subsidies and special income reduce the base; "不足扣减的…按零计算".
  const appliedE = minFen(before.expensed, E.subsidy + E.special);
  const appliedC = minFen(before.capitalised, C.subsidy + C.special);
  const expensedBase = before.expensed - appliedE;
  const capitalisedBase = before.capitalised - appliedC;
  const adjustmentsTotal = E.subsidy + E.special + C.subsidy + C.special;

  const view: SdCalibre = {
    taxYear,
    capMethod: pooled ? 'pooled' : 'per-project',
    categories: SD_CATEGORIES.map((c) => ({
      category: c,
      title: SD_CATEGORY_TITLES[c],
      grossFen: toFenNumber(gross.get(c) ?? 0n),
      countedFen: toFenNumber(counted.get(c) ?? 0n),
    })),
    otherCap: {
      actualFen: toFenNumber(otherTotal),
      capFen: toFenNumber(capTotal),
      allowedFen: toFenNumber(otherAllowed),
      reducedByFen: toFenNumber(otherTotal - otherAllowed),
      binding: otherTotal > otherAllowed,
      formula: pooled
        ? words(
            `限额 = 全部项目五项费用之和 ${yuan(fiveTotal)} × 10% ÷ (1 − 10%) = ${yuan(capTotal)}`,
            `cap = five items of all projects ${yuan(fiveTotal)} × 10 % ÷ (1 − 10 %) = ${yuan(capTotal)}`,
          )
        : words(
            `按项目计算：各项目五项费用之和 × 10% ÷ (1 − 10%)，合计 ${yuan(capTotal)}`,
            `per project: five items × 10 % ÷ (1 − 10 %), together ${yuan(capTotal)}`,
          ),
      projects: projectCaps,
    },
    entrusted: {
      domesticPaidFen: toFenNumber(domesticPaid),
      domesticCountedFen: toFenNumber(entrustedDomestic),
      overseasPaidFen: toFenNumber(overseasPaid),
      overseasCountedFen: toFenNumber(overseasCounted),
      overseasCapFen: toFenNumber(overseasCap),
      overseasAllowedFen: toFenNumber(overseasAllowed),
      overseasReducedByFen: toFenNumber(overseasCounted - overseasAllowed),
    },
    fiveItemsFen: toFenNumber(fiveTotal),
    domesticQualifyingFen: toFenNumber(domesticQualifying),
    adjustments: {
      subsidyNettedFen: toFenNumber(E.subsidy + C.subsidy),
      specialIncomeFen: toFenNumber(E.special + C.special),
      appliedFen: toFenNumber(appliedE + appliedC),
      unabsorbedFen: toFenNumber(maxFen(0n, adjustmentsTotal - appliedE - appliedC)),
    },
    excluded: [...excluded].map(([category, x]) => ({
      category,
      amountFen: toFenNumber(x.amount),
      reason: x.reason,
    })),
    expensedBaseFen: toFenNumber(expensedBase),
    capitalisedBaseFen: toFenNumber(capitalisedBase),
    baseFen: toFenNumber(expensedBase + capitalisedBase),
    citation: cite(
      DOCS.sd119,
      `一（一）；${DOCS.sd40} 七；${pooled ? DOCS.sd2021n28 + ' 三' : DOCS.sd97 + ' 二（三）'}；${DOCS.sd64}`,
    ),
    interpretations: ['I-13', ...(C.other > 0n && pooled && otherTotal > capTotal ? ['I-14'] : []), 'I-15'],
  };
  return {
    view,
    figures: {
      five: fiveTotal,
      otherAllowed,
      entrustedDomestic,
      overseasAllowed,
      adjustmentsApplied: appliedE + appliedC,
      base: expensedBase + capitalisedBase,
      expensedBase,
      capitalisedBase,
      nonTaxableInHouse,
    },
  };
}
