/**
 * What the ledger summary reads: the entries summed in SQL per year, project, category, fiscal-funds flag and
 * quarter-4 flag (2022 Q4 has its own rate record), with the project's facts; the enterprise's 科小 years and the
 * R&D expense the registry holds. `rd_ledger_entries_sum_idx` covers the sum, so PostgreSQL reads only the index.
 */
import type { LedgerCategoryKey, PayeeType, ProjectKind } from '@jinke/core/cultivation/ledger.contract.ts';
import type { LedgerYearGroup } from '@jinke/core/cultivation/ledger-summary.rules.ts';
import type { Executor } from '../../platform/db/index.ts';


interface GroupRaw {
  year: number;
  project_id: string;
  category: LedgerCategoryKey;
  non_taxable: boolean;
  q4: boolean;
  n: string;
  amount: string;
  code: string;
  kind: ProjectKind;
  capitalised: boolean;
  payee_type: PayeeType | null;
  related_party: boolean;
  contract_registered: boolean | null;
}

export async function sumLedger(ex: Executor, enterpriseId: string, years: readonly number[]): Promise<LedgerYearGroup[]> {
  const { rows } = await ex.query<GroupRaw>(
    `SELECT s.year, s.project_id, s.category, s.non_taxable, s.q4, s.n, s.amount,
       p.code, p.kind, p.capitalised, p.payee_type, p.related_party, p.contract_registered
     FROM (
       SELECT year, project_id, category, non_taxable, month >= 10 AS q4, count(*) AS n, sum(amount_fen) AS amount
       FROM rd_ledger_entries
       WHERE enterprise_id = $1 AND year = ANY($2::int[])
       GROUP BY year, project_id, category, non_taxable, month >= 10
     ) s JOIN rd_projects p ON p.id = s.project_id
     ORDER BY s.year, p.code, s.category, s.non_taxable, s.q4`,
    [enterpriseId, [...years]],
  );
  return rows.map((r) => ({
    year: Number(r.year),
    q4: r.q4,
    entryCount: Number(r.n),
    projectCode: r.code,
    kind: r.kind,
    capitalised: r.capitalised,
    payeeType: r.payee_type,
    relatedParty: r.related_party,
    contractRegistered: r.contract_registered,
    category: r.category,
    nonTaxable: r.non_taxable,
    amountFen: BigInt(r.amount),
  }));
}

/** The latest year with entries, or null. */
export async function latestLedgerYear(ex: Executor, enterpriseId: string): Promise<number | null> {
  const { rows } = await ex.query<{ y: number | null }>(
    'SELECT max(year) AS y FROM rd_ledger_entries WHERE enterprise_id = $1',
    [enterpriseId],
  );
  const y = rows[0]?.y;
  return y === null || y === undefined ? null : Number(y);
}

/** Years among `years` during which a 科技型中小企业 qualification was in force on at least one day. */
export async function tsmeYears(ex: Executor, enterpriseId: string, years: readonly number[]): Promise<Set<number>> {
  const { rows } = await ex.query<{ y: number }>(
    `SELECT y FROM unnest($2::int[]) AS y
     WHERE EXISTS (SELECT 1 FROM qualifications q
       WHERE q.holder_type = 'enterprise' AND q.holder_id = $1 AND q.kind = 'tsme'
         AND q.issued_on <= make_date(y, 12, 31) AND (q.valid_to IS NULL OR q.valid_to >= make_date(y, 1, 1)))`,
    [enterpriseId, [...years]],
  );
  return new Set(rows.map((r) => Number(r.y)));
}

/** R&D expense per year as the registry holds it (分), for the years that have it. */
export async function registryRd(ex: Executor, enterpriseId: string, years: readonly number[]): Promise<Map<number, number>> {
  const { rows } = await ex.query<{ year: number; rd_fen: string }>(
    'SELECT year, rd_fen FROM enterprise_years WHERE enterprise_id = $1 AND year = ANY($2::int[]) AND rd_fen IS NOT NULL',
    [enterpriseId, [...years]],
  );
  return new Map(rows.map((r) => [Number(r.year), Number(r.rd_fen)]));
}
