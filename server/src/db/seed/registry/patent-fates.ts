/**
 * After grant: patents lapse when annual fees stop (专利法 第四十四条) and end with their term (第四十二条: 发明 20
 * years, 实用新型 10 years, 外观设计 10 years for applications before 2021-06-01). The invention lapses are chosen so
 * that exactly 1,435 (× scale) invention patents are valid at 2017-12-31: granted on or before that day, not
 * lapsed on or before it, term not ended.
 */
import { HISTORY_END, SUMMARY_DAY, type SeedContext } from './context.ts';
import type { SeedPatent } from './patents.ts';
import { SUMMARY_2017 } from './patent-plan.ts';
import { dayBetween, isoDay, parseDay, Rng, scaled } from './rng.ts';

/** Last day of the term, from the row's `expires_on` (patentTermLastDay: the day before the anniversary). */
export function termEnd(patent: SeedPatent): number {
  return parseDay(patent.row.expires_on);
}

/** Valid on `day`: granted by then, not lapsed by then, term not over. */
export function validOn(patent: SeedPatent, day: number): boolean {
  return (
    patent.grantedDay !== null &&
    patent.grantedDay <= day &&
    (patent.lapsedDay === null || patent.lapsedDay > day) &&
    termEnd(patent) >= day
  );
}

function lapse(patent: SeedPatent, day: number): void {
  patent.lapsedDay = day;
  patent.row.lapsed_on = isoDay(day);
}

export function applyLapses(ctx: SeedContext, rng: Rng, patents: SeedPatent[]): void {
  const inventions = patents.filter((p) => p.row.type === 'invention' && p.grantedDay !== null);
  const grantedBySummary = inventions.filter(
    (p) => (p.grantedDay as number) <= SUMMARY_DAY && termEnd(p) >= SUMMARY_DAY,
  );
  const target = scaled(SUMMARY_2017.validInventions, ctx.scale);
  const toLapse = grantedBySummary.length - target;
  if (toLapse < 0)
    throw new Error(
      `only ${grantedBySummary.length} inventions granted by 2017-12-31, fewer than the ${target} valid ones required`,
    );
  // Older grants lapse more often (fees rise with age): weighted sampling without replacement by key u^(1/w).
  const candidates = grantedBySummary.filter((p) => (p.grantedDay as number) <= SUMMARY_DAY - 365);
  if (candidates.length < toLapse)
    throw new Error(`not enough inventions granted before 2017 to lapse ${toLapse}`);
  const keyed = candidates.map((p) => {
    const age = (SUMMARY_DAY - (p.grantedDay as number)) / 365;
    return { p, key: Math.pow(rng.next(), 1 / Math.max(0.5, age)) };
  });
  keyed.sort((a, b) => b.key - a.key);
  const lapsed = new Set<SeedPatent>();
  for (const { p } of keyed.slice(0, toLapse)) {
    lapse(p, dayBetween(rng, (p.grantedDay as number) + 365, SUMMARY_DAY));
    lapsed.add(p);
  }
  // 2018: a few more inventions stop paying fees (after the summary day, so the 2017 stock is unchanged).
  for (const p of inventions) {
    if (lapsed.has(p) || (p.grantedDay as number) > SUMMARY_DAY) continue;
    if (rng.chance(0.03)) lapse(p, dayBetween(rng, SUMMARY_DAY + 1, HISTORY_END));
  }
  // Utility models and designs lapse freely: about half stop paying within six years of grant.
  for (const p of patents) {
    if (p.row.type === 'invention' || p.grantedDay === null) continue;
    if (!rng.chance(p.row.type === 'utility' ? 0.5 : 0.55)) continue;
    const day = p.grantedDay + rng.int(300, 6 * 365);
    if (day <= HISTORY_END) lapse(p, day);
  }
  for (const p of patents) {
    if (p.grantedDay === null) continue;
    if (p.lapsedDay !== null && p.lapsedDay <= HISTORY_END) p.row.legal_status = 'lapsed';
    else if (termEnd(p) < HISTORY_END) p.row.legal_status = 'expired';
    else p.row.legal_status = 'granted';
  }
}
