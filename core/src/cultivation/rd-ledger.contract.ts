/**
 * One year of the R&D auxiliary ledger: entries `{ projectId, category, amountFen, location, payeeType, … }`.
 * Amounts are what was actually incurred (for entrusted R&D: what was paid to the contractor); the calibres
 * apply the 80 % inclusion, the caps and the adjustments.
 */
import { z } from 'zod';
import { ALL_LEDGER_CATEGORIES, isAdjustment } from './rd-categories.ts';
import { conflict, nonNegativeFen } from './schema-parts.ts';

export const ledgerEntry = z.object({
  projectId: z.string().trim().min(1).max(64),
  category: z.enum(ALL_LEDGER_CATEGORIES),
  amountFen: nonNegativeFen,
  /** Entrusted R&D only: contractor in mainland China, or 境外 (incl. Hong Kong, Macao, Taiwan). */
  location: z.enum(['domestic', 'overseas']).default('domestic'),
  /** Entrusted R&D only: organisation (机构) or individual (个人). */
  payeeType: z.enum(['organisation', 'individual']).optional(),
  /** Entrusted R&D with a related party (the amount paid still counts, 40号 七（五）). */
  relatedParty: z.boolean().optional(),
  /** Overseas entrusted R&D: contract registered with the S&T authority (财税〔2018〕64号 三). */
  contractRegistered: z.boolean().optional(),
  /** The project's costs form an intangible asset (资本化). All entries of a project must agree. */
  capitalised: z.boolean().default(false),
  /** Spent out of 不征税收入 fiscal funds: no super-deduction (97号 二（五）; 40号 七（一）). */
  fundedByNonTaxableIncome: z.boolean().default(false),
  note: z.string().max(200).optional(),
});

export const ledgerEntries = z
  .array(ledgerEntry)
  .max(20_000)
  .superRefine((entries, ctx) => {
    const capitalised = new Map<string, boolean>();
    entries.forEach((e, i) => {
      if (e.category !== 'entrusted' && e.location === 'overseas') {
        conflict(
          ctx,
          [i, 'location'],
          '（境外）仅适用于委托外部研究开发费用 category=entrusted',
          '(overseas) applies to entrusted R&D only (category=entrusted)',
          'overseas_not_entrusted',
        );
      }
      if (e.category === 'entrusted' && e.payeeType === undefined) {
        conflict(
          ctx,
          [i, 'payeeType'],
          '委托研发须注明受托方为机构或个人',
          'is required for entrusted R&D (organisation or individual)',
          'payee_required',
        );
      }
      if (isAdjustment(e.category) && e.fundedByNonTaxableIncome) {
        conflict(
          ctx,
          [i, 'fundedByNonTaxableIncome'],
          '不适用于调整项 category',
          'does not apply to an adjustment category',
          'flag_on_adjustment',
        );
      }
      const known = capitalised.get(e.projectId);
      if (known !== undefined && known !== e.capitalised) {
        conflict(
          ctx,
          [i, 'capitalised'],
          `与项目 ${e.projectId} 的其他分录不一致`,
          `disagrees with other entries of project ${e.projectId}`,
          'capitalised_mismatch',
        );
      }
      capitalised.set(e.projectId, e.capitalised);
    });
  });

export type LedgerEntry = z.output<typeof ledgerEntry>;

export const rdCalibresInput = z.object({
  /** Tax (accounting) year of the entries. */
  taxYear: z.int().min(2008).max(2100),
  entries: ledgerEntries,
});

export type RdCalibresInput = z.output<typeof rdCalibresInput>;
export type RdCalibresRawInput = z.input<typeof rdCalibresInput>;
