/**
 * 高企 calibre of R&D expense (国科发火〔2016〕195号 三（六）2–3):
 * - eight categories; 委托外部研究开发费用 counted at 80 % of the amount paid (境内 and 境外, organisations and
 *   individuals);
 * - 其他费用 "一般不得超过研究开发总费用的20%": read as other ≤ (all other categories) × 20 % ÷ (1 − 20 %), with the
 *   80 % of entrusted R&D inside that base (interpretation I-09), pooled over the year's projects;
 * - 境内研究开发费用 = in-house spending + 80 % of 委托境内; 委托境外 is left out (interpretation I-10).
 */
import { Rational } from '../common/rational.ts';
import { maxFen, minFen, mulFen, toFenNumber, type Fen } from '../common/money.ts';
import { cite, DOCS, pct, words, yuan, type Bilingual, type Citation } from './criteria.ts';
import {
  HNTE_CATEGORIES,
  HNTE_CATEGORY_TITLES,
  LEDGER_CATEGORIES,
  isAdjustment,
  ledgerCategoryDef,
  type HnteCategory,
  type LedgerCategory,
} from './rd-categories.ts';
import type { LedgerEntry } from './rd-ledger.contract.ts';

export const HNTE_ENTRUSTED_SHARE = Rational.percent(80);
export const HNTE_OTHER_CAP_SHARE = Rational.percent(20);
/** 20 % ÷ (1 − 20 %) = 1/4. */
export const HNTE_OTHER_CAP_FACTOR = HNTE_OTHER_CAP_SHARE.div(Rational.ONE.sub(HNTE_OTHER_CAP_SHARE));

export interface CategoryLine<C extends string> {
  category: C;
  title: Bilingual;
  /** Amount recorded in the ledger. */
  grossFen: number;
  /** Amount the calibre counts (after 80 %, caps, exclusions). */
  countedFen: number;
}

export interface CapView {
  actualFen: number;
  capFen: number;
  allowedFen: number;
  reducedByFen: number;
  binding: boolean;
  formula: Bilingual;
}

export interface HnteCalibre {
  categories: CategoryLine<HnteCategory>[];
  otherCap: CapView;
  entrusted: {
    domesticPaidFen: number;
    overseasPaidFen: number;
    domesticCountedFen: number;
    overseasCountedFen: number;
  };
  /** Counted in-house categories other than 其他费用 (six categories). */
  inHouseFen: number;
  totalFen: number;
  domesticFen: number;
  overseasFen: number;
  domesticSharePct: string | null;
  excluded: { category: string; amountFen: number; reason: Bilingual }[];
  citation: Citation;
  interpretations: string[];
}

/** Internal bigint figures the reconciliation needs. */
export interface HnteCalibreFigures {
  inHouse: Fen;
  otherAllowed: Fen;
  entrustedDomestic: Fen;
  entrustedOverseas: Fen;
  total: Fen;
}

export function computeHnteCalibre(entries: readonly LedgerEntry[]): {
  view: HnteCalibre;
  figures: HnteCalibreFigures;
} {
  const gross = new Map<HnteCategory, Fen>(HNTE_CATEGORIES.map((c) => [c, 0n]));
  let entrustedDomesticPaid = 0n;
  let entrustedOverseasPaid = 0n;
  const excluded = new Map<LedgerCategory, Fen>();
  for (const e of entries) {
    if (isAdjustment(e.category)) continue;
    const def = LEDGER_CATEGORIES[e.category];
    if (def.hnte === null) {
      excluded.set(e.category, (excluded.get(e.category) ?? 0n) + e.amountFen);
      continue;
    }
    gross.set(def.hnte, (gross.get(def.hnte) ?? 0n) + e.amountFen);
    if (def.hnte === 'entrusted') {
      if (e.location === 'overseas') entrustedOverseasPaid += e.amountFen;
      else entrustedDomesticPaid += e.amountFen;
    }
  }
  // 195号 三（六）2(7): "按照委托外部研究开发费用发生额的80%计入". Rounded to the 分 half-up on each location's total.
  const entrustedDomestic = mulFen(entrustedDomesticPaid, HNTE_ENTRUSTED_SHARE, 'half-up');
  const entrustedOverseas = mulFen(entrustedOverseasPaid, HNTE_ENTRUSTED_SHARE, 'half-up');
  const inHouseCategories: HnteCategory[] = [
    'staff',
    'direct',
    'depreciation',
    'intangible',
    'design',
    'trial',
  ];
  let inHouse = 0n;
  for (const c of inHouseCategories) inHouse += gross.get(c) ?? 0n;
  const otherActual = gross.get('other') ?? 0n;
  const capBase = inHouse + entrustedDomestic + entrustedOverseas;
  // "不得超过": the allowed amount never exceeds the exact cap, so the cap is rounded down to the 分.
  const cap = mulFen(capBase, HNTE_OTHER_CAP_FACTOR, 'floor');
  const otherAllowed = minFen(otherActual, cap);
  const total = inHouse + otherAllowed + entrustedDomestic + entrustedOverseas;
  const domestic = total - entrustedOverseas;
  const counted = (c: HnteCategory): Fen =>
    c === 'other'
      ? otherAllowed
      : c === 'entrusted'
        ? entrustedDomestic + entrustedOverseas
        : (gross.get(c) ?? 0n);
  const view: HnteCalibre = {
    categories: HNTE_CATEGORIES.map((c) => ({
      category: c,
      title: HNTE_CATEGORY_TITLES[c],
      grossFen: toFenNumber(gross.get(c) ?? 0n),
      countedFen: toFenNumber(counted(c)),
    })),
    otherCap: {
      actualFen: toFenNumber(otherActual),
      capFen: toFenNumber(cap),
      allowedFen: toFenNumber(otherAllowed),
      reducedByFen: toFenNumber(maxFen(0n, otherActual - cap)),
      binding: otherActual > cap,
      formula: words(
        `其他费用限额 = 其余各项之和 ${yuan(capBase)} × 20% ÷ (1 − 20%) = ${yuan(cap)}`,
        `cap = rest ${yuan(capBase)} × 20 % ÷ (1 − 20 %) = ${yuan(cap)}`,
      ),
    },
    entrusted: {
      domesticPaidFen: toFenNumber(entrustedDomesticPaid),
      overseasPaidFen: toFenNumber(entrustedOverseasPaid),
      domesticCountedFen: toFenNumber(entrustedDomestic),
      overseasCountedFen: toFenNumber(entrustedOverseas),
    },
    inHouseFen: toFenNumber(inHouse),
    totalFen: toFenNumber(total),
    domesticFen: toFenNumber(domestic),
    overseasFen: toFenNumber(entrustedOverseas),
    domesticSharePct: total === 0n ? null : pct(Rational.of(domestic, total)),
    excluded: [...excluded].map(([category, amount]) => ({
      category,
      amountFen: toFenNumber(amount),
      reason: ledgerCategoryDef(category).hnteExcluded ?? words('不计入', 'Not counted'),
    })),
    citation: cite(DOCS.hnteGuide, '三（六）2 研究开发费用归集范围；三（六）3 境内研究开发费用'),
    interpretations: ['I-09', 'I-10', ...(excluded.size > 0 ? ['I-12'] : [])],
  };
  return { view, figures: { inHouse, otherAllowed, entrustedDomestic, entrustedOverseas, total } };
}
