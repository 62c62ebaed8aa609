/**
 * One year of the ledger summary from the year's sums: both calibres (`calibresOf`), the 高企 R&D figure, the
 * 加计扣除 amount under the rate records in force that year (`computeSuperDeduction`, profile from the registry),
 * and the divergence warnings. For a year with a quarter-4 rate record (2022: 财政部 税务总局 科技部公告2022年第28号)
 * the actual method's base is the super-deduction calibre of the October–December entries alone; the rule then
 * takes the better of that and the 比例法 share.
 */
import type { Bilingual } from './criteria.ts';
import { entriesOfGroups, profileForYear, type LedgerGroup, type RegistryProfile } from './ledger-inputs.ts';
import type { LedgerSummaryYear, SuperDeductionView } from './ledger-summary.contract.ts';
import { ledgerWarnings } from './ledger-warnings.rules.ts';
import { calibresOf } from './rd-calibres.rules.ts';
import { computeSuperDeduction, type SuperDeductionResult } from './super-deduction.rules.ts';
import { SUPER_DEDUCTION_RATES } from './super-deduction-rates.ts';

/** A group of one year's entries, as the database sums them. */
export interface LedgerYearGroup extends LedgerGroup {
  year: number;
  /** The group's entries are of October to December. */
  q4: boolean;
  entryCount: number;
}

/** True when a rate record covers exactly the fourth quarter of `year` and may be split by 比例法 or actual costs. */
export function hasQuarter4Record(year: number): boolean {
  return SUPER_DEDUCTION_RATES.some(
    (r) => r.proportionalMethod && r.from === `${year}-10-01` && r.to === `${year}-12-31`,
  );
}

function superDeductionView(result: SuperDeductionResult, capitalisedBaseFen: number): SuperDeductionView {
  const record = (id: string) => SUPER_DEDUCTION_RATES.find((r) => r.id === id);
  return {
    eligible: result.eligible,
    reasons: result.reasons,
    enterprise: {
      manufacturing: result.enterprise.manufacturing,
      negativeList: result.enterprise.negativeList,
      tsme: result.enterprise.tsme,
      listedIcOrMachineTool: result.enterprise.listedIcOrMachineTool,
      operatingMonths: result.enterprise.operatingMonths,
    },
    record: result.record,
    ratePct: result.ratePct,
    expensedBaseFen: result.expensedBaseFen,
    capitalisedBaseFen,
    portions: result.portions.map((p) => ({
      ...p,
      document: record(p.recordId)?.document ?? p.recordId,
      article: record(p.recordId)?.article ?? '',
    })),
    alternatives: result.alternatives,
    chosenMethod: result.chosenMethod,
    additionalDeductionFen: result.additionalDeductionFen,
    citations: result.citations,
  };
}

export interface LedgerYearInput {
  year: number;
  groups: readonly LedgerYearGroup[];
  registry: RegistryProfile;
  /** R&D expense of the year in the registry, or null. */
  registryRdFen: number | null;
}

export function summariseLedgerYear(input: LedgerYearInput): { summary: LedgerSummaryYear; assumptions: Bilingual[] } {
  const { year, groups } = input;
  const calibres = calibresOf(year, entriesOfGroups(groups));
  const { profile, assumptions } = profileForYear(input.registry, year);
  const periodActualFen = hasQuarter4Record(year)
    ? BigInt(calibresOf(year, entriesOfGroups(groups.filter((g) => g.q4))).superDeduction.expensedBaseFen)
    : undefined;
  const result = computeSuperDeduction({
    taxYear: year,
    enterprise: profile,
    expensedBaseFen: BigInt(calibres.superDeduction.expensedBaseFen),
    periodActualFen,
    intangibles: [],
  });
  const h = calibres.hnte;
  return {
    summary: {
      year,
      entryCount: groups.reduce((n, g) => n + g.entryCount, 0),
      projectCount: new Set(groups.map((g) => g.projectCode)).size,
      hnte: {
        totalFen: h.totalFen,
        domesticFen: h.domesticFen,
        overseasFen: h.overseasFen,
        domesticSharePct: h.domesticSharePct,
      },
      registryRdFen: input.registryRdFen,
      calibres,
      superDeduction: superDeductionView(result, calibres.superDeduction.capitalisedBaseFen),
      warnings: ledgerWarnings({ calibres, registryRdFen: input.registryRdFen }),
    },
    assumptions,
  };
}
