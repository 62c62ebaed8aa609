/**
 * The R&D ledger summary (`GET /api/cultivation/ledger/summary`): for each of three years, the two calibres side by
 * side as the rules compute them (rd-calibres.rules.ts), the reconciliation lines between them, the 高企 R&D figure,
 * the 加计扣除 amount under the rate records in force that year (super-deduction.rules.ts), and the divergence
 * warnings (ledger-warnings.rules.ts). The shapes mirror the rules' result types field for field.
 */
import { z } from 'zod';
import { ledgerEnterprise, ledgerYearSchema } from './ledger.contract.ts';

const bilingualText = z.object({ zh: z.string(), en: z.string() });
const citation = z.object({ document: z.string(), article: z.string() });

const categoryLine = z.object({
  category: z.string(),
  title: bilingualText,
  grossFen: z.number(),
  countedFen: z.number(),
});

const capView = z.object({
  actualFen: z.number(),
  capFen: z.number(),
  allowedFen: z.number(),
  reducedByFen: z.number(),
  binding: z.boolean(),
  formula: bilingualText,
});

const excludedLine = z.object({ category: z.string(), amountFen: z.number(), reason: bilingualText });

export const hnteCalibreView = z.object({
  categories: z.array(categoryLine),
  otherCap: capView,
  entrusted: z.object({
    domesticPaidFen: z.number(),
    overseasPaidFen: z.number(),
    domesticCountedFen: z.number(),
    overseasCountedFen: z.number(),
  }),
  inHouseFen: z.number(),
  totalFen: z.number(),
  domesticFen: z.number(),
  overseasFen: z.number(),
  domesticSharePct: z.string().nullable(),
  excluded: z.array(excludedLine),
  citation,
  interpretations: z.array(z.string()),
});

export const sdCalibreView = z.object({
  taxYear: z.number().int(),
  capMethod: z.enum(['per-project', 'pooled']),
  categories: z.array(categoryLine),
  otherCap: capView.extend({
    projects: z.array(
      z.object({
        projectId: z.string(),
        fiveItemsFen: z.number(),
        otherFen: z.number(),
        capFen: z.number(),
        allowedFen: z.number(),
        binding: z.boolean(),
      }),
    ),
  }),
  entrusted: z.object({
    domesticPaidFen: z.number(),
    domesticCountedFen: z.number(),
    overseasPaidFen: z.number(),
    overseasCountedFen: z.number(),
    overseasCapFen: z.number(),
    overseasAllowedFen: z.number(),
    overseasReducedByFen: z.number(),
  }),
  fiveItemsFen: z.number(),
  domesticQualifyingFen: z.number(),
  adjustments: z.object({
    subsidyNettedFen: z.number(),
    specialIncomeFen: z.number(),
    appliedFen: z.number(),
    unabsorbedFen: z.number(),
  }),
  excluded: z.array(excludedLine),
  expensedBaseFen: z.number(),
  capitalisedBaseFen: z.number(),
  baseFen: z.number(),
  citation,
  interpretations: z.array(z.string()),
});

export const differenceView = z.object({
  hnteTotalFen: z.number(),
  superBaseFen: z.number(),
  differenceFen: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      reason: bilingualText,
      hnteFen: z.number(),
      superFen: z.number(),
      deltaFen: z.number(),
    }),
  ),
});

export const calibresView = z.object({
  taxYear: z.number().int(),
  hnte: hnteCalibreView,
  superDeduction: sdCalibreView,
  difference: differenceView,
});

const rateMethod = z.enum(['annual', 'proportional', 'actual']);

export const superDeductionView = z.object({
  eligible: z.boolean(),
  reasons: z.array(bilingualText),
  enterprise: z.object({
    manufacturing: z.boolean(),
    negativeList: z.boolean(),
    tsme: z.boolean(),
    listedIcOrMachineTool: z.boolean(),
    operatingMonths: z.number().int(),
  }),
  /** The best full-year rate record the enterprise qualifies for; null when none applies. */
  record: z
    .object({
      id: z.string(),
      ratePct: z.number(),
      intangibleMultiplierPct: z.number().nullable(),
      document: z.string(),
      article: z.string(),
    })
    .nullable(),
  ratePct: z.number(),
  expensedBaseFen: z.number(),
  /** The capitalised projects' base: the cost of the intangible they form, amortised rather than deducted now. */
  capitalisedBaseFen: z.number(),
  portions: z.array(
    z.object({
      recordId: z.string(),
      ratePct: z.number(),
      baseFen: z.number(),
      additionalFen: z.number(),
      method: rateMethod,
      document: z.string(),
      article: z.string(),
    }),
  ),
  alternatives: z.array(
    z.object({
      method: z.enum(['proportional', 'actual']),
      periodBaseFen: z.number(),
      additionalFen: z.number(),
    }),
  ),
  chosenMethod: z.enum(['proportional', 'actual']).nullable(),
  additionalDeductionFen: z.number(),
  citations: z.array(citation),
});
export type SuperDeductionView = z.infer<typeof superDeductionView>;

export const ledgerWarningIds = [
  'unreconciled',
  'super-exceeds-hnte',
  'hnte-other-cap',
  'super-other-cap',
  'overseas-limited',
  'adjustments-unabsorbed',
  'registry-rd-differs',
] as const;
export type LedgerWarningId = (typeof ledgerWarningIds)[number];

export const ledgerWarning = z.object({
  id: z.enum(ledgerWarningIds),
  severity: z.enum(['error', 'warning']),
  /** The reconciliation line the warning concerns, when there is one. */
  lineId: z.string().nullable(),
  amountFen: z.number(),
  message: bilingualText,
});
export type LedgerWarning = z.infer<typeof ledgerWarning>;

export const ledgerSummaryYear = z.object({
  year: z.number().int(),
  entryCount: z.number().int(),
  projectCount: z.number().int(),
  /** The 高企 R&D figures of the year (195号 三（六）): total, 境内, 境外 and the 境内 share. */
  hnte: z.object({
    totalFen: z.number(),
    domesticFen: z.number(),
    overseasFen: z.number(),
    domesticSharePct: z.string().nullable(),
  }),
  /** R&D expense of the year as reported in the registry (enterprise_years), for comparison. */
  registryRdFen: z.number().nullable(),
  calibres: calibresView,
  superDeduction: superDeductionView,
  warnings: z.array(ledgerWarning),
});
export type LedgerSummaryYear = z.infer<typeof ledgerSummaryYear>;

export const ledgerSummaryQuery = z.object({
  enterpriseId: z.uuid().optional(),
  /** The last of the three years; default the latest year with entries (else last year). */
  year: ledgerYearSchema.optional(),
});
export type LedgerSummaryQuery = z.output<typeof ledgerSummaryQuery>;

export const ledgerSummary = z.object({
  enterprise: ledgerEnterprise.extend({
    industryCode: z.string().nullable(),
    industryName: z.string().nullable(),
  }),
  /** Oldest first. */
  years: z.array(ledgerSummaryYear),
  /** Words on how the enterprise's profile was read from the registry (industry tests, 科小, what is assumed). */
  assumptions: z.array(bilingualText),
});
export type LedgerSummary = z.infer<typeof ledgerSummary>;
