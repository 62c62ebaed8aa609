/**
 * The ledger summary: three years ending at the requested one (default the latest year with entries, else last
 * year), each with both calibres side by side, the 高企 figure, the 加计扣除 amount and the divergence warnings. The
 * database sums the entries (one row per year, project, category, fiscal-funds flag and quarter-4 flag); the rules
 * in core compute on those sums, which gives exactly what they would give on every entry (ledger-inputs.ts).
 */
import type { Bilingual } from '@jinke/core/cultivation/criteria.ts';
import { LEDGER_FIRST_YEAR } from '@jinke/core/cultivation/ledger.contract.ts';
import { PROFILE_ASSUMPTIONS } from '@jinke/core/cultivation/ledger-inputs.ts';
import type { LedgerSummary, LedgerSummaryQuery } from '@jinke/core/cultivation/ledger-summary.contract.ts';
import { summariseLedgerYear } from '@jinke/core/cultivation/ledger-summary.rules.ts';
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { industryByCode } from '@jinke/core/registry/industry.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ledgerEnterpriseOf } from './ledger-access.ts';
import type { LedgerDeps } from './ledger-projects.service.ts';
import { latestLedgerYear, registryRd, sumLedger, tsmeYears } from './ledger-summary.repo.ts';

export const SUMMARY_YEARS = 3;

export function ledgerSummaryService({ db, clock }: LedgerDeps) {
  async function summary(ctx: RequestContext, q: LedgerSummaryQuery): Promise<LedgerSummary> {
    const e = await ledgerEnterpriseOf(db, ctx, q.enterpriseId);
    const last =
      q.year ?? (await latestLedgerYear(db, e.id)) ?? Math.max(LEDGER_FIRST_YEAR, Number(chinaDate(clock()).slice(0, 4)) - 1);
    const years = Array.from({ length: SUMMARY_YEARS }, (_, i) => last - SUMMARY_YEARS + 1 + i).filter(
      (y) => y >= LEDGER_FIRST_YEAR,
    );
    const [groups, tsme, rd] = await Promise.all([
      sumLedger(db, e.id, years),
      tsmeYears(db, e.id, years),
      registryRd(db, e.id, years),
    ]);
    const registry = { industryCode: e.industryCode, registeredOn: e.registeredOn, tsmeYears: tsme };
    const assumptions = new Map<string, Bilingual>(PROFILE_ASSUMPTIONS.map((a) => [a.zh, a]));
    const out = years.map((year) => {
      const y = summariseLedgerYear({
        year,
        groups: groups.filter((g) => g.year === year),
        registry,
        registryRdFen: rd.get(year) ?? null,
      });
      for (const a of y.assumptions) assumptions.set(a.zh, a);
      return y.summary;
    });
    return {
      enterprise: {
        id: e.id,
        uscc: e.uscc,
        name: e.name,
        industryCode: e.industryCode,
        industryName: e.industryCode ? (industryByCode(e.industryCode)?.name ?? null) : null,
      },
      years: out,
      assumptions: [...assumptions.values()],
    };
  }

  return { summary };
}
