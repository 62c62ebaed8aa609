/**
 * The proposed amount of an award under the policy standard in force, with every step shown ("3 件 × ¥5,000.00 =
 * ¥15,000.00"), the caps that bind, and nothing rounded before the end (money in whole 分; tier percentages exact,
 * the total rounded down to 分 — a subsidy never pays a fraction of a 分 more than the standard gives).
 */
import { formatYuan, type Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import type { PolicyStandard } from './policy-standard.contract.ts';

export interface AmountLine {
  zh: string;
  en: string;
  amountFen: string;
}

export type StandardChoice = { ok: true; standard: PolicyStandard } | { ok: false; zh: string; en: string };

/** The one standard of `programme` in force on `date`; none or two overlapping is an error, never a guess. */
export function standardInForce(
  standards: readonly PolicyStandard[],
  programme: string,
  date: string,
): StandardChoice {
  const matching = standards.filter(
    (s) =>
      s.programme === programme &&
      s.effectiveFrom <= date &&
      (s.effectiveTo === undefined || date <= s.effectiveTo),
  );
  if (matching.length === 1) return { ok: true, standard: matching[0]! };
  if (matching.length === 0) {
    return {
      ok: false,
      zh: `${date} 没有有效的资助标准（${programme}）`,
      en: `no funding standard of ${programme} is in force on ${date}`,
    };
  }
  return {
    ok: false,
    zh: `${date} 同时有 ${matching.length} 个资助标准有效：${matching.map((s) => s.id).join('、')}`,
    en: `${matching.length} standards are in force on ${date}: ${matching.map((s) => s.id).join(', ')}`,
  };
}

export interface AwardFacts {
  /** Items counted for this application, e.g. { invention_grant: 3 }. */
  items?: Record<string, number>;
  /** The base figure the tiers apply to, in 分. */
  baseFen?: Fen;
  /** Items of each kind already paid to the enterprise this year (for `maxItems`). */
  itemsPaidThisYear?: Record<string, number>;
  /** Already awarded to the enterprise this year under the same programme (for the yearly cap). */
  awardedThisYearFen?: Fen;
}

export interface ProposedAmount {
  standardId: string;
  citation: string;
  lines: AmountLine[];
  /** Before caps. */
  grossFen: string;
  amountFen: string;
  capped: boolean;
  /** Items paid per kind after the yearly item limits (what counts towards `itemsPaidThisYear` next time). */
  paidItems: Record<string, number>;
}

const y = (fen: Fen) => formatYuan(fen, { symbol: true });

export function proposeAmount(standard: PolicyStandard, facts: AwardFacts): ProposedAmount {
  const lines: AmountLine[] = [];
  const paidItems: Record<string, number> = {};
  let gross = 0n;
  for (const rate of standard.perItem) {
    const counted = facts.items?.[rate.item] ?? 0;
    if (counted <= 0) continue;
    const already = facts.itemsPaidThisYear?.[rate.item] ?? 0;
    const paid =
      rate.maxItems === undefined ? counted : Math.max(0, Math.min(counted, rate.maxItems - already));
    const amount = BigInt(rate.amountFen) * BigInt(paid);
    gross += amount;
    paidItems[rate.item] = paid;
    const limit =
      paid < counted
        ? {
            zh: `（每年最多 ${rate.maxItems} ${rate.unit.zh}，已资助 ${already}）`,
            en: ` (at most ${rate.maxItems} a year, ${already} already paid)`,
          }
        : { zh: '', en: '' };
    lines.push({
      zh: `${rate.label.zh}：${paid} ${rate.unit.zh} × ${y(BigInt(rate.amountFen))} = ${y(amount)}${limit.zh}`,
      en: `${rate.label.en}: ${paid} ${rate.unit.en} × ${y(BigInt(rate.amountFen))} = ${y(amount)}${limit.en}`,
      amountFen: amount.toString(),
    });
  }
  if (standard.tiers && facts.baseFen !== undefined && facts.baseFen > 0n) {
    const bands = [...standard.tiers.bands].sort((a, b) => Number(BigInt(a.fromFen) - BigInt(b.fromFen)));
    let exact = Rational.ZERO;
    bands.forEach((band, i) => {
      const from = BigInt(band.fromFen);
      const to = i + 1 < bands.length ? BigInt(bands[i + 1]!.fromFen) : null;
      const top = to === null || facts.baseFen! < to ? facts.baseFen! : to;
      if (top <= from) return;
      const part = Rational.of(top - from).mul(Rational.percent(band.percent));
      exact = exact.add(part);
      lines.push({
        zh: `${standard.tiers!.base.zh} ${y(from)}–${y(top)} 部分 × ${band.percent}% = ${y(part.floor())}`,
        en: `${standard.tiers!.base.en} ${y(from)}–${y(top)} × ${band.percent}% = ${y(part.floor())}`,
        amountFen: part.floor().toString(),
      });
    });
    gross += exact.floor();
  }
  let amount = gross;
  let capped = false;
  if (standard.capPerApplicationFen !== undefined && amount > BigInt(standard.capPerApplicationFen)) {
    amount = BigInt(standard.capPerApplicationFen);
    capped = true;
    lines.push({
      zh: `单项封顶 ${y(amount)}`,
      en: `capped at ${y(amount)} per application`,
      amountFen: amount.toString(),
    });
  }
  if (standard.capPerEnterpriseYearFen !== undefined) {
    const room = BigInt(standard.capPerEnterpriseYearFen) - (facts.awardedThisYearFen ?? 0n);
    const left = room > 0n ? room : 0n;
    if (amount > left) {
      amount = left;
      capped = true;
      lines.push({
        zh: `每家企业每年封顶 ${y(BigInt(standard.capPerEnterpriseYearFen))}，本年已资助 ${y(facts.awardedThisYearFen ?? 0n)}，本次至多 ${y(left)}`,
        en: `yearly cap ${y(BigInt(standard.capPerEnterpriseYearFen))} per enterprise, ${y(facts.awardedThisYearFen ?? 0n)} already awarded, at most ${y(left)} now`,
        amountFen: left.toString(),
      });
    }
  }
  return {
    standardId: standard.id,
    citation: standard.citation,
    lines,
    grossFen: gross.toString(),
    amountFen: amount.toString(),
    capped,
    paidItems,
  };
}
