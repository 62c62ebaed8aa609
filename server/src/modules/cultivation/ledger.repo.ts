/**
 * SQL of the R&D ledger: the enterprise whose ledger it is, its projects (with their entries' count, sum and months)
 * and entries. Every read of a project or entry by id joins `enterprises e`, so the caller's scope applies.
 */
import type { EntryItem, LedgerCategoryKey, ProjectItem, ProjectKind, PayeeType } from '@jinke/core/cultivation/ledger.contract.ts';
import { formatLedgerMonth } from '@jinke/core/cultivation/ledger.contract.ts';
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import type { ScopeFilter } from '../../platform/scope.ts';

export interface LedgerEnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  industryCode: string | null;
  registeredOn: string | null;
}

const ENTERPRISE = `SELECT e.id, e.uscc, e.name, e.industry_code AS "industryCode",
  to_char(e.registered_on, 'YYYY-MM-DD') AS "registeredOn" FROM enterprises e`;

/** The enterprise with `id` if the scope lets the actor see it. */
export async function findLedgerEnterprise(
  ex: Executor,
  id: string,
  scope: ScopeFilter,
): Promise<LedgerEnterpriseRow | null> {
  const { rows } = await ex.query<LedgerEnterpriseRow>(
    `${ENTERPRISE} WHERE e.id = $${scope.params.length + 1} AND (${scope.sql})`,
    [...scope.params, id],
  );
  return rows[0] ?? null;
}

export async function findLedgerEnterpriseByUscc(ex: Executor, uscc: string): Promise<LedgerEnterpriseRow | null> {
  const { rows } = await ex.query<LedgerEnterpriseRow>(`${ENTERPRISE} WHERE e.uscc = $1`, [uscc]);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- projects

interface ProjectRaw {
  id: string;
  enterprise_id: string;
  code: string;
  name: string;
  kind: ProjectKind;
  starts_on: string;
  ends_on: string | null;
  capitalised: boolean;
  payee_type: PayeeType | null;
  related_party: boolean;
  contract_registered: boolean | null;
  contractor: string | null;
  note: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  entry_count: string;
  total_fen: string;
  first_month: number | null;
  last_month: number | null;
}

const PROJECT = `SELECT p.id, p.enterprise_id, p.code, p.name, p.kind,
  to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on,
  p.capitalised, p.payee_type, p.related_party, p.contract_registered, p.contractor, p.note, p.created_at, p.updated_at,
  s.entry_count, s.total_fen, s.first_month, s.last_month
FROM rd_projects p
JOIN enterprises e ON e.id = p.enterprise_id
CROSS JOIN LATERAL (
  SELECT count(*) AS entry_count, coalesce(sum(l.amount_fen), 0) AS total_fen,
    min(l.year * 12 + l.month - 1) AS first_month, max(l.year * 12 + l.month - 1) AS last_month
  FROM rd_ledger_entries l WHERE l.project_id = p.id
) s`;

const monthText = (index: number | null) =>
  index === null ? null : formatLedgerMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });

function toProject(r: ProjectRaw): ProjectItem {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    capitalised: r.capitalised,
    payeeType: r.payee_type,
    relatedParty: r.related_party,
    contractRegistered: r.contract_registered,
    contractor: r.contractor,
    note: r.note,
    entryCount: Number(r.entry_count),
    totalFen: Number(r.total_fen),
    firstMonth: monthText(r.first_month === null ? null : Number(r.first_month)),
    lastMonth: monthText(r.last_month === null ? null : Number(r.last_month)),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listProjects(ex: Executor, enterpriseId: string): Promise<ProjectItem[]> {
  const { rows } = await ex.query<ProjectRaw>(`${PROJECT} WHERE p.enterprise_id = $1 ORDER BY p.starts_on, p.code`, [
    enterpriseId,
  ]);
  return rows.map(toProject);
}

/** The project with `id` within the scope; `forUpdate` locks it for the transaction. */
export async function findProject(
  ex: Executor,
  id: string,
  scope: ScopeFilter,
  forUpdate = false,
): Promise<ProjectItem | null> {
  if (forUpdate)
    await ex.query('SELECT 1 FROM rd_projects WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await ex.query<ProjectRaw>(
    `${PROJECT} WHERE p.id = $${scope.params.length + 1} AND (${scope.sql})`,
    [...scope.params, id],
  );
  return rows[0] ? toProject(rows[0]) : null;
}

export async function projectsByCode(ex: Executor, enterpriseId: string): Promise<Map<string, ProjectItem>> {
  return new Map((await listProjects(ex, enterpriseId)).map((p) => [p.code, p]));
}

export interface ProjectWrite {
  code: string;
  name: string;
  kind: ProjectKind;
  startsOn: string;
  endsOn: string | null;
  capitalised: boolean;
  payeeType: PayeeType | null;
  relatedParty: boolean;
  contractRegistered: boolean | null;
  contractor: string | null;
  note: string | null;
}

const projectValues = (p: ProjectWrite): SqlValue[] => [
  p.code,
  p.name,
  p.kind,
  p.startsOn,
  p.endsOn,
  p.capitalised,
  p.payeeType,
  p.relatedParty,
  p.contractRegistered,
  p.contractor,
  p.note,
];

export async function insertProject(
  ex: Executor,
  enterpriseId: string,
  p: ProjectWrite,
  actorId: string | null,
  now: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO rd_projects (enterprise_id, code, name, kind, starts_on, ends_on, capitalised, payee_type, related_party,
       contract_registered, contractor, note, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [enterpriseId, ...projectValues(p), actorId, now],
  );
  return rows[0]!.id;
}

export async function updateProject(ex: Executor, id: string, p: ProjectWrite, now: Date): Promise<void> {
  await ex.query(
    `UPDATE rd_projects SET code = $2, name = $3, kind = $4, starts_on = $5, ends_on = $6, capitalised = $7,
       payee_type = $8, related_party = $9, contract_registered = $10, contractor = $11, note = $12, updated_at = $13
     WHERE id = $1`,
    [id, ...projectValues(p), now],
  );
}

export async function deleteProject(ex: Executor, id: string): Promise<void> {
  await ex.query('DELETE FROM rd_projects WHERE id = $1', [id]);
}

/**
 * How the project's stored entries fare against new dates and kind: the entries outside the months, and those of a
 * category the kind does not allow. `exceptYears` leaves out years an import is about to replace.
 */
export async function entriesAgainst(
  ex: Executor,
  projectId: string,
  firstMonth: number,
  lastMonth: number | null,
  entrusted: boolean,
  exceptYears: readonly number[] = [],
): Promise<{ outside: number; wrongCategory: number }> {
  const { rows } = await ex.query<{ outside: string; wrong: string }>(
    `SELECT
       count(*) FILTER (WHERE year * 12 + month - 1 < $2 OR ($3::int IS NOT NULL AND year * 12 + month - 1 > $3::int)) AS outside,
       count(*) FILTER (WHERE CASE WHEN $4::boolean
         THEN category NOT IN ('entrusted', 'subsidy_netted', 'special_income') ELSE category = 'entrusted' END) AS wrong
     FROM rd_ledger_entries WHERE project_id = $1 AND NOT (year = ANY($5::int[]))`,
    [projectId, firstMonth, lastMonth, entrusted, [...exceptYears]],
  );
  return { outside: Number(rows[0]?.outside ?? 0), wrongCategory: Number(rows[0]?.wrong ?? 0) };
}

// ---------------------------------------------------------------- entries

interface EntryRaw {
  id: string;
  project_id: string;
  project_code: string;
  year: number;
  month: number;
  category: LedgerCategoryKey;
  amount_fen: string;
  non_taxable: boolean;
  voucher_no: string | null;
  note: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const ENTRY = `SELECT l.id, l.project_id, p.code AS project_code, l.year, l.month, l.category, l.amount_fen,
  l.non_taxable, l.voucher_no, l.note, l.created_at, l.updated_at
FROM rd_ledger_entries l
JOIN rd_projects p ON p.id = l.project_id
JOIN enterprises e ON e.id = l.enterprise_id`;

function toEntry(r: EntryRaw): EntryItem {
  return {
    id: r.id,
    projectId: r.project_id,
    projectCode: r.project_code,
    month: formatLedgerMonth({ year: Number(r.year), month: Number(r.month) }),
    category: r.category,
    amountFen: Number(r.amount_fen),
    nonTaxable: r.non_taxable,
    voucherNo: r.voucher_no,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface EntryFilter {
  enterpriseId: string;
  projectId?: string | undefined;
  year?: number | undefined;
  month?: number | undefined;
  category?: string | undefined;
}

function entryWhere(f: EntryFilter): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [f.enterpriseId];
  const where = ['l.enterprise_id = $1'];
  const add = (sql: string, value: SqlValue) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.projectId) add('l.project_id = ?', f.projectId);
  if (f.year !== undefined) add('l.year = ?', f.year);
  if (f.month !== undefined) add('l.month = ?', f.month);
  if (f.category) add('l.category = ?', f.category);
  return { sql: where.join(' AND '), params };
}

export async function listEntries(
  ex: Executor,
  f: EntryFilter,
  limit: number,
  offset: number,
): Promise<{ items: EntryItem[]; total: number; sumFen: number }> {
  const w = entryWhere(f);
  const totals = await ex.query<{ n: string; s: string }>(
    `SELECT count(*) AS n, coalesce(sum(l.amount_fen), 0) AS s FROM rd_ledger_entries l WHERE ${w.sql}`,
    w.params,
  );
  const { rows } = await ex.query<EntryRaw>(
    `${ENTRY} WHERE ${w.sql} ORDER BY l.year, l.month, p.code, l.created_at, l.id
     LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items: rows.map(toEntry), total: Number(totals.rows[0]?.n ?? 0), sumFen: Number(totals.rows[0]?.s ?? 0) };
}

/** Every entry of the enterprise (optionally of one year) in ledger order, page by page (keyset). */
export async function* allEntries(
  ex: Executor,
  enterpriseId: string,
  year: number | undefined,
  pageSize = 5000,
): AsyncGenerator<EntryItem[]> {
  let after: { year: number; month: number; code: string; id: string } | null = null;
  for (;;) {
    const params: SqlValue[] = [enterpriseId];
    const where = ['l.enterprise_id = $1'];
    if (year !== undefined) {
      params.push(year);
      where.push(`l.year = $${params.length}`);
    }
    if (after) {
      params.push(after.year, after.month, after.code, after.id);
      const n = params.length;
      where.push(`(l.year, l.month, p.code, l.id) > ($${n - 3}::int, $${n - 2}::int, $${n - 1}::text, $${n}::uuid)`);
    }
    params.push(pageSize);
    const { rows } = await ex.query<EntryRaw>(
      `${ENTRY} WHERE ${where.join(' AND ')} ORDER BY l.year, l.month, p.code, l.id LIMIT $${params.length}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    const last = rows[rows.length - 1]!;
    after = { year: Number(last.year), month: Number(last.month), code: last.project_code, id: last.id };
    if (rows.length < pageSize) return;
  }
}

export async function findEntry(
  ex: Executor,
  id: string,
  scope: ScopeFilter,
  forUpdate = false,
): Promise<(EntryItem & { enterpriseId: string }) | null> {
  if (forUpdate) await ex.query('SELECT 1 FROM rd_ledger_entries WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await ex.query<EntryRaw & { enterprise_id: string }>(
    `${ENTRY.replace('SELECT l.id,', 'SELECT l.enterprise_id, l.id,')} WHERE l.id = $${scope.params.length + 1} AND (${scope.sql})`,
    [...scope.params, id],
  );
  return rows[0] ? { ...toEntry(rows[0]), enterpriseId: rows[0].enterprise_id } : null;
}

export interface EntryWrite {
  projectId: string;
  year: number;
  month: number;
  category: LedgerCategoryKey;
  amountFen: number;
  nonTaxable: boolean;
  voucherNo: string | null;
  note: string | null;
}

const ENTRY_COLUMNS = 11;

/** Inserts entries many rows per statement; returns their ids in order. */
export async function insertEntries(
  ex: Executor,
  enterpriseId: string,
  entries: readonly EntryWrite[],
  actorId: string | null,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < entries.length; i += 1000) {
    const batch = entries.slice(i, i + 1000);
    const params: SqlValue[] = [];
    const tuples = batch.map((e, j) => {
      const b = j * ENTRY_COLUMNS;
      params.push(enterpriseId, e.projectId, e.year, e.month, e.category, e.amountFen, e.nonTaxable, e.voucherNo, e.note, actorId, now);
      return `(${Array.from({ length: ENTRY_COLUMNS }, (_, k) => `$${b + k + 1}`).join(', ')}, $${b + ENTRY_COLUMNS})`;
    });
    const { rows } = await ex.query<{ id: string }>(
      `INSERT INTO rd_ledger_entries (enterprise_id, project_id, year, month, category, amount_fen, non_taxable,
         voucher_no, note, created_by, created_at, updated_at)
       VALUES ${tuples.join(', ')} RETURNING id`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export async function updateEntry(ex: Executor, id: string, e: EntryWrite, now: Date): Promise<void> {
  await ex.query(
    `UPDATE rd_ledger_entries SET project_id = $2, year = $3, month = $4, category = $5, amount_fen = $6,
       non_taxable = $7, voucher_no = $8, note = $9, updated_at = $10 WHERE id = $1`,
    [id, e.projectId, e.year, e.month, e.category, e.amountFen, e.nonTaxable, e.voucherNo, e.note, now],
  );
}

export async function deleteEntry(ex: Executor, id: string): Promise<void> {
  await ex.query('DELETE FROM rd_ledger_entries WHERE id = $1', [id]);
}

/** Removes the entries of one project in one year; returns how many. */
export async function deleteProjectYear(ex: Executor, projectId: string, year: number): Promise<number> {
  const { rowCount } = await ex.query('DELETE FROM rd_ledger_entries WHERE project_id = $1 AND year = $2', [
    projectId,
    year,
  ]);
  return rowCount;
}
