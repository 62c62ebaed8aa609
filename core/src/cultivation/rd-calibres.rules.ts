/**
 * Both calibres of one year's R&D ledger side by side, and the explained difference: 高企 total − super-deduction
 * base = the sum of the reconciliation lines, to the 分.
 */
import { toFenNumber, type Fen } from '../common/money.ts';
import { words, yuan, type Bilingual } from './criteria.ts';
import { LEDGER_CATEGORIES, ledgerCategoryDef, type LedgerCategory } from './rd-categories.ts';
import { computeHnteCalibre, type HnteCalibre } from './rd-hnte-calibre.ts';
import type { LedgerEntry, RdCalibresInput } from './rd-ledger.contract.ts';
import { computeSdCalibre, type SdCalibre } from './rd-super-calibre.ts';

export interface DifferenceLine {
  id: string;
  reason: Bilingual;
  hnteFen: number;
  superFen: number;
  /** hnteFen − superFen */
  deltaFen: number;
}

export interface RdCalibresResult {
  taxYear: number;
  hnte: HnteCalibre;
  superDeduction: SdCalibre;
  difference: { hnteTotalFen: number; superBaseFen: number; differenceFen: number; lines: DifferenceLine[] };
}

function line(id: string, reason: Bilingual, hnte: Fen, sd: Fen): DifferenceLine {
  return {
    id,
    reason,
    hnteFen: toFenNumber(hnte),
    superFen: toFenNumber(sd),
    deltaFen: toFenNumber(hnte - sd),
  };
}

export function computeRdCalibres(input: RdCalibresInput): RdCalibresResult {
  return calibresOf(input.taxYear, input.entries);
}

export function calibresOf(taxYear: number, entries: readonly LedgerEntry[]): RdCalibresResult {
  const h = computeHnteCalibre(entries);
  const s = computeSdCalibre(taxYear, entries);
  const lines: DifferenceLine[] = [];
  const hnteOnly = new Map<LedgerCategory, Fen>();
  for (const e of entries) {
    if (e.category === 'subsidy_netted' || e.category === 'special_income') continue;
    const def = ledgerCategoryDef(e.category);
    if (def.sd === null && def.hnte !== null)
      hnteOnly.set(e.category, (hnteOnly.get(e.category) ?? 0n) + e.amountFen);
  }
  for (const [category, amount] of hnteOnly) {
    const def = LEDGER_CATEGORIES[category];
    const why = ledgerCategoryDef(category).sdExcluded ?? words('', '');
    lines.push(
      line(
        `only-hnte:${category}`,
        words(
          `${def.title.zh}：仅高企口径计入。${why.zh}`,
          `${def.title.en}: counted for HNTE only. ${why.en}`,
        ),
        amount,
        0n,
      ),
    );
  }
  if (s.figures.nonTaxableInHouse > 0n) {
    lines.push(
      line(
        'non-taxable-funded',
        words(
          '以不征税收入支付的研发费用：高企口径计入，加计扣除不计入',
          'R&D paid from non-taxable funds: HNTE counts it, super-deduction does not',
        ),
        s.figures.nonTaxableInHouse,
        0n,
      ),
    );
  }
  const welfare = entries.some((e) => e.category === 'welfare_supplementary');
  const { otherAllowed: hOther, entrustedDomestic: hDom, entrustedOverseas: hOver } = h.figures;
  if (hOther !== s.figures.otherAllowed) {
    lines.push(
      line(
        'other-costs',
        words(
          `其他费用：高企按研发总费用20%口径允许 ${yuan(hOther)}；加计扣除按10%口径允许 ${yuan(s.figures.otherAllowed)}${welfare ? '（职工福利费、补充养老及医疗保险仅加计扣除口径计入）' : ''}`,
          `Other costs: HNTE allows ${yuan(hOther)} under its 20 % cap; super-deduction allows ${yuan(s.figures.otherAllowed)} under its 10 % cap${welfare ? ' (welfare and supplementary insurance count for super-deduction only)' : ''}`,
        ),
        hOther,
        s.figures.otherAllowed,
      ),
    );
  }
  if (hDom !== s.figures.entrustedDomestic) {
    lines.push(
      line(
        'entrusted-domestic',
        words(
          '委托境内研发：以不征税收入支付部分不得加计扣除',
          'Domestic entrusted R&D: the part paid from non-taxable funds is not deductible',
        ),
        hDom,
        s.figures.entrustedDomestic,
      ),
    );
  }
  if (hOver !== s.figures.overseasAllowed) {
    lines.push(
      line(
        'entrusted-overseas',
        words(
          '委托境外研发：高企按80%全部计入；加计扣除仅限2018年起委托境外机构（不含个人）、合同已登记，且不超过境内符合条件研发费用的三分之二',
          'Overseas entrusted R&D: HNTE counts 80 % of all of it; super-deduction only from 2018, organisations only, registered contracts, capped at 2/3 of qualifying domestic R&D',
        ),
        hOver,
        s.figures.overseasAllowed,
      ),
    );
  }
  if (s.figures.adjustmentsApplied > 0n) {
    lines.push(
      line(
        'adjustments',
        words(
          '冲减研发费用的政府补助与特殊收入：仅从加计扣除基数中扣减',
          'Netted subsidies and special income reduce the super-deduction base only',
        ),
        0n,
        -s.figures.adjustmentsApplied,
      ),
    );
  }
  const difference = h.figures.total - s.figures.base;
  return {
    taxYear,
    hnte: h.view,
    superDeduction: s.view,
    difference: {
      hnteTotalFen: toFenNumber(h.figures.total),
      superBaseFen: toFenNumber(s.figures.base),
      differenceFen: toFenNumber(difference),
      lines,
    },
  };
}
