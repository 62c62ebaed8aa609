/**
 * Fund supervision flags (资金监管): the same item funded twice for one enterprise, a subsidised patent that lapses
 * within the clawback window, and awards above what the standard gives. Pure over the award records the server
 * reads; each flag names the records and says why. An award funding several items (patents) comes as one record per
 * item with the same id; it is flagged above the standard once.
 */
export interface AwardRecord {
  id: string;
  uscc: string;
  programme: string;
  /** What was funded, stable across calls: a patent application number, a project code, a certificate number. */
  itemKey: string;
  awardedOn: string;
  amountFen: bigint;
  /** What the standard gave when the award was made. */
  standardAmountFen: bigint;
  /** The officer's reason when the amount was adjusted. */
  adjustmentReason?: string;
  /** The clawback window of the award's standard, when it sets one (else the window passed to `fundFlags`). */
  clawbackYears?: number;
}

export interface LapsedItem {
  itemKey: string;
  /** The day the patent lapsed (未缴年费终止, 放弃, 无效). */
  lapsedOn: string;
}

export type FundFlag =
  | { kind: 'duplicate'; uscc: string; itemKey: string; awards: string[]; zh: string; en: string }
  | {
      kind: 'lapsed-within-clawback';
      award: string;
      itemKey: string;
      lapsedOn: string;
      zh: string;
      en: string;
    }
  | { kind: 'above-standard'; award: string; zh: string; en: string };

function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

export function fundFlags(
  awards: readonly AwardRecord[],
  lapsed: readonly LapsedItem[],
  clawbackYears: number,
): FundFlag[] {
  const flags: FundFlag[] = [];
  const byItem = new Map<string, AwardRecord[]>();
  for (const award of awards) {
    const key = `${award.uscc}\u0000${award.programme}\u0000${award.itemKey}`;
    byItem.set(key, [...(byItem.get(key) ?? []), award]);
  }
  for (const group of byItem.values()) {
    if (group.length < 2) continue;
    const first = group[0]!;
    flags.push({
      kind: 'duplicate',
      uscc: first.uscc,
      itemKey: first.itemKey,
      awards: group.map((a) => a.id),
      zh: `${first.uscc} 的 ${first.itemKey} 在同一资助项目中获资助 ${group.length} 次`,
      en: `${first.itemKey} of ${first.uscc} was funded ${group.length} times under the same programme`,
    });
  }
  const lapsedOn = new Map(lapsed.map((l) => [l.itemKey, l.lapsedOn]));
  const above = new Set<string>();
  for (const award of awards) {
    const day = lapsedOn.get(award.itemKey);
    const years = award.clawbackYears ?? clawbackYears;
    if (day !== undefined && day >= award.awardedOn && day <= addYears(award.awardedOn, years)) {
      flags.push({
        kind: 'lapsed-within-clawback',
        award: award.id,
        itemKey: award.itemKey,
        lapsedOn: day,
        zh: `受资助专利 ${award.itemKey} 于 ${day} 失效，在资助后 ${years} 年追回期内`,
        en: `the funded patent ${award.itemKey} lapsed on ${day}, within the ${years}-year clawback window`,
      });
    }
    if (award.amountFen > award.standardAmountFen && !above.has(award.id)) {
      above.add(award.id);
      const reason = award.adjustmentReason ? `（调整理由：${award.adjustmentReason}）` : '（无调整理由）';
      flags.push({
        kind: 'above-standard',
        award: award.id,
        zh: `资助金额高于标准计算金额${reason}`,
        en: `awarded more than the standard gives${award.adjustmentReason ? ` (reason: ${award.adjustmentReason})` : ' (no reason given)'}`,
      });
    }
  }
  return flags;
}
