/** Short bilingual names of the ledger's categories and kinds, and amounts as people read them. */
import type { Locale } from '@jinke/core/common/errors.ts';
import { formatYuan, parseMoney, toFenNumber } from '@jinke/core/common/money.ts';
import type { LedgerCategoryKey } from '@jinke/core/cultivation/ledger.contract.ts';
import { ledgerCategoryShortNames } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import type { Text } from '../../app/i18n.tsx';

const EN: Record<LedgerCategoryKey, string> = {
  staff: 'Staff',
  direct_inputs: 'Direct inputs',
  building_lease: 'Building lease',
  equipment_depreciation: 'Equipment depreciation',
  building_depreciation: 'Building depreciation',
  long_term_prepaid: 'Long-term prepaid',
  intangible_amortisation: 'Software, patents, know-how',
  other_ip_amortisation: 'Other IP amortisation',
  design: 'New-product design',
  clinical_exploration_trial: 'Clinical and field tests',
  equipment_commissioning: 'Equipment commissioning',
  field_trial: 'Field trials',
  other: 'Other costs',
  welfare_supplementary: 'Welfare and supplementary insurance',
  entrusted: 'Entrusted R&D',
  subsidy_netted: 'Netted subsidy',
  special_income: 'Special income',
};

export function categoryLabel(category: LedgerCategoryKey): Text {
  return { zh: ledgerCategoryShortNames[category], en: EN[category] };
}

/** ¥1,234.56 (negative: -¥5.00). */
export function yuan(fen: number): string {
  return formatYuan(BigInt(fen));
}

export function percentText(pct: string | null, locale: Locale): string {
  if (pct === null) return '—';
  return locale === 'zh-CN' ? `${pct}%` : `${pct} %`;
}

/** A text in 元 (at most 2 decimals, commas allowed) as 分; null when it does not read as a non-negative amount. */
export function yuanTextToFen(text: string | undefined): number | null {
  const t = (text ?? '').trim().replaceAll(',', '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const parsed = parseMoney(`${t}元`);
  if (!parsed.ok) return null;
  try {
    return toFenNumber(parsed.fen);
  } catch {
    return null;
  }
}

/** 分 as the 元 text a form shows (no grouping): 123456 → "1234.56". */
export function fenToYuanText(fen: number): string {
  return formatYuan(BigInt(fen), { symbol: false }).replaceAll(',', '');
}
