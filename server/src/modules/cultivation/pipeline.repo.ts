/**
 * SQL of the candidate pipeline (培育库): the data version, the snapshot (written in batches of JSON rows), and the
 * list, summary, gap groups and expiring certificates — plain queries over the snapshot and `qualifications`.
 * The registry reads of a refresh are in pipeline.facts.repo.ts.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import { scopeFilter } from '../../platform/scope.ts';

/** Collects parameters and hands out their placeholders in order. */
export class Params {
  readonly values: SqlValue[] = [];
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// ---------------------------------------------------------------- data version and snapshot headers

/** The registry's data version (bumped by the triggers of migration 0007); '-1' if the row is missing. */
export async function readDataVersion(ex: Executor): Promise<string> {
  const { rows } = await ex.query<{ version: string }>(
    'SELECT version::text AS version FROM registry_data_version WHERE id = 1',
  );
  return rows[0]?.version ?? '-1';
}

export interface SnapshotRow {
  campaign_year: number;
  as_of: string;
  data_version: string;
  computed_at: Date | string;
  duration_ms: number;
  enterprises: number;
}

export async function readSnapshot(ex: Executor, year: number): Promise<SnapshotRow | null> {
  const { rows } = await ex.query<SnapshotRow>(
    `SELECT campaign_year, to_char(as_of, 'YYYY-MM-DD') AS as_of, data_version::text AS data_version,
            computed_at, duration_ms, enterprises
       FROM pipeline_snapshots WHERE campaign_year = $1`,
    [year],
  );
  return rows[0] ?? null;
}

/** Whether a refresh of `year` is queued or running already (one at a time is enough). */
export async function refreshPending(ex: Executor, kind: string, year: number): Promise<boolean> {
  const { rows } = await ex.query<{ pending: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')
                      AND input ->> 'year' = $2) AS pending`,
    [kind, String(year)],
  );
  return rows[0]?.pending ?? false;
}

// ---------------------------------------------------------------- snapshot writes

export interface EntryRow {
  campaign_year: number;
  enterprise_id: string;
  name: string;
  uscc: string;
  town_code: string | null;
  industry_code: string | null;
  readiness: string;
  readiness_order: number;
  gap_count: number;
  gap_key: string;
  unknowns: string[];
  gap_words: Record<string, { zh: string; en: string }>;
  latest_sales_fen: string | null;
  rd_ratio_pct: string | null;
  rd_required_pct: number | null;
  tech_staff_pct: string | null;
  registration_days: number | null;
  valid_inventions: number;
  valid_other_patents: number;
  hnte_valid_to: string | null;
}

const ENTRY_COLUMNS = [
  'campaign_year',
  'enterprise_id',
  'name',
  'uscc',
  'town_code',
  'industry_code',
  'readiness',
  'readiness_order',
  'gap_count',
  'gap_key',
  'unknowns',
  'gap_words',
  'latest_sales_fen',
  'rd_ratio_pct',
  'rd_required_pct',
  'tech_staff_pct',
  'registration_days',
  'valid_inventions',
  'valid_other_patents',
  'hnte_valid_to',
].join(', ');

const BATCH = 1000;

/**
 * Replaces the snapshot of `year`. The header row is written first: its row lock makes a concurrent refresh of the
 * same year wait, so the second one deletes the first one's rows instead of colliding with them.
 */
export async function writeSnapshot(
  tx: Executor,
  header: Omit<SnapshotRow, 'computed_at'> & { computed_at: Date },
  entries: readonly EntryRow[],
): Promise<void> {
  await tx.query(
    `INSERT INTO pipeline_snapshots (campaign_year, as_of, data_version, computed_at, duration_ms, enterprises)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (campaign_year) DO UPDATE SET as_of = EXCLUDED.as_of, data_version = EXCLUDED.data_version,
       computed_at = EXCLUDED.computed_at, duration_ms = EXCLUDED.duration_ms, enterprises = EXCLUDED.enterprises`,
    [
      header.campaign_year,
      header.as_of,
      header.data_version,
      header.computed_at,
      header.duration_ms,
      header.enterprises,
    ],
  );
  await tx.query('DELETE FROM pipeline_entries WHERE campaign_year = $1', [header.campaign_year]);
  for (let start = 0; start < entries.length; start += BATCH) {
    await tx.query(
      `INSERT INTO pipeline_entries (${ENTRY_COLUMNS})
       SELECT ${ENTRY_COLUMNS} FROM json_populate_recordset(null::pipeline_entries, $1::json)`,
      [JSON.stringify(entries.slice(start, start + BATCH))],
    );
  }
}

// ---------------------------------------------------------------- reads of the snapshot

export interface EntryFilter {
  year: number;
  town?: string | undefined;
  /** 小类 codes starting with these digits, or … */
  industryPrefix?: string | undefined;
  /** … the 大类 codes of a 门类. */
  industryDivisions?: string[] | undefined;
  readiness?: string | undefined;
  gapKey?: string | undefined;
}

/** The WHERE clause over `pipeline_entries pe` for the actor's scope and the filters. */
function entryWhere(actor: Actor, f: EntryFilter, p: Params, withListFilters: boolean): string {
  const scope = scopeFilter(actor, { town: 'pe.town_code' }, p.values.length);
  p.values.push(...scope.params);
  const where = [`pe.campaign_year = ${p.add(f.year)}`, scope.sql];
  if (f.town) where.push(`pe.town_code = ${p.add(f.town)}`);
  // Digits only (checked by the contract), so LIKE sees no wildcard from the user.
  if (f.industryPrefix) where.push(`pe.industry_code LIKE ${p.add(`${f.industryPrefix}%`)}`);
  if (f.industryDivisions)
    where.push(`left(pe.industry_code, 2) = ANY(${p.add(f.industryDivisions)}::text[])`);
  if (withListFilters) {
    if (f.readiness) where.push(`pe.readiness = ${p.add(f.readiness)}`);
    if (f.gapKey !== undefined) where.push(`pe.gap_key = ${p.add(f.gapKey)}`);
  }
  return where.join(' AND ');
}

export interface ListedEntry extends EntryRow {
  town_name: string | null;
  hnte_valid_to: string | null;
}

const ORDER_BY: Record<string, (dir: 'ASC' | 'DESC') => string> = {
  readiness: (dir) =>
    `pe.readiness_order ${dir}, pe.latest_sales_fen DESC NULLS LAST, pe.name, pe.enterprise_id`,
  name: (dir) => `pe.name ${dir}, pe.enterprise_id`,
  revenue: (dir) => `pe.latest_sales_fen ${dir} NULLS LAST, pe.name, pe.enterprise_id`,
};

const ENTRY_SELECT = `SELECT pe.enterprise_id, pe.name, pe.uscc, pe.town_code, d.name AS town_name, pe.industry_code,
  pe.readiness, pe.readiness_order, pe.gap_count, pe.gap_key, pe.unknowns, pe.gap_words,
  pe.latest_sales_fen::text AS latest_sales_fen, pe.rd_ratio_pct, pe.rd_required_pct, pe.tech_staff_pct,
  pe.registration_days, pe.valid_inventions, pe.valid_other_patents,
  to_char(pe.hnte_valid_to, 'YYYY-MM-DD') AS hnte_valid_to
  FROM pipeline_entries pe LEFT JOIN divisions d ON d.code = pe.town_code`;

/** One page of the ranked list (all rows when `limit` is null), and the number of matching rows. */
export async function listEntries(
  ex: Executor,
  actor: Actor,
  f: EntryFilter,
  sort: { by: string; dir: 'ASC' | 'DESC' },
  limit: number | null,
  offset: number,
): Promise<{ rows: ListedEntry[]; total: number }> {
  const p = new Params();
  const where = entryWhere(actor, f, p, true);
  const counted = await ex.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pipeline_entries pe WHERE ${where}`,
    p.values,
  );
  const total = counted.rows[0]?.n ?? 0;
  if (total === 0) return { rows: [], total };
  const order = (ORDER_BY[sort.by] ?? ORDER_BY.readiness!)(sort.dir);
  const page = limit === null ? '' : ` LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`;
  const { rows } = await ex.query<ListedEntry>(
    `${ENTRY_SELECT} WHERE ${where} ORDER BY ${order}${page}`,
    p.values,
  );
  return { rows, total };
}

/** Enterprises per readiness class within the scope and the town / industry filters. */
export async function countByReadiness(
  ex: Executor,
  actor: Actor,
  f: EntryFilter,
): Promise<Map<string, number>> {
  const p = new Params();
  const { rows } = await ex.query<{ readiness: string; n: number }>(
    `SELECT pe.readiness, count(*)::int AS n FROM pipeline_entries pe
      WHERE ${entryWhere(actor, f, p, false)} GROUP BY pe.readiness`,
    p.values,
  );
  return new Map(rows.map((r) => [r.readiness, r.n]));
}

/** The sets of failed criteria shared by enterprises one or two criteria short, largest groups first. */
export async function gapGroups(
  ex: Executor,
  actor: Actor,
  f: EntryFilter,
): Promise<{ gap_key: string; n: number }[]> {
  const p = new Params();
  const { rows } = await ex.query<{ gap_key: string; n: number }>(
    `SELECT pe.gap_key, count(*)::int AS n FROM pipeline_entries pe
      WHERE ${entryWhere(actor, f, p, false)} AND pe.gap_count BETWEEN 1 AND 2
      GROUP BY pe.gap_key ORDER BY count(*) DESC, min(pe.gap_count), pe.gap_key`,
    p.values,
  );
  return rows;
}

// ---------------------------------------------------------------- certificates

/** The actor's scope over `enterprises e`, with its parameters appended to `p`. */
function enterpriseScope(actor: Actor, p: Params): string {
  const scope = scopeFilter(actor, { town: 'e.town_code' }, p.values.length);
  p.values.push(...scope.params);
  return scope.sql;
}

/** Enterprises with an HNTE certificate in force on `asOf`, within the actor's scope. */
export async function countValidHnte(ex: Executor, actor: Actor, asOf: string): Promise<number> {
  const p = new Params();
  const day = p.add(asOf);
  const { rows } = await ex.query<{ n: number }>(
    `SELECT count(DISTINCT q.holder_id)::int AS n
       FROM qualifications q JOIN enterprises e ON e.id = q.holder_id
      WHERE q.holder_type = 'enterprise' AND q.kind = 'hnte' AND q.issued_on <= ${day}::date
        AND (q.valid_to IS NULL OR q.valid_to >= ${day}::date) AND ${enterpriseScope(actor, p)}`,
    p.values,
  );
  return rows[0]?.n ?? 0;
}

export interface ExpiringRow {
  enterprise_id: string;
  name: string;
  uscc: string;
  town_name: string | null;
  certificate_no: string | null;
  issued_on: string;
  valid_to: string;
  days_left: number;
  readiness: string | null;
  gap_key: string | null;
}

/**
 * Each enterprise's latest HNTE certificate in force on `asOf` whose last valid day falls on or before `until`
 * (twelve months on), soonest first. An enterprise already re-recognised holds a later certificate and drops out.
 */
export async function expiringCertificates(
  ex: Executor,
  actor: Actor,
  q: { asOf: string; until: string; year: number; town?: string | undefined },
  countOnly: boolean,
): Promise<{ rows: ExpiringRow[]; total: number }> {
  const p = new Params();
  const day = p.add(q.asOf);
  const latest = `SELECT DISTINCT ON (holder_id) holder_id, certificate_no, issued_on, valid_to FROM qualifications
      WHERE holder_type = 'enterprise' AND kind = 'hnte' AND issued_on <= ${day}::date AND valid_to >= ${day}::date
      ORDER BY holder_id, valid_to DESC`;
  const where = [`c.valid_to <= ${p.add(q.until)}::date`, enterpriseScope(actor, p)];
  if (q.town) where.push(`e.town_code = ${p.add(q.town)}`);
  const from = `FROM (${latest}) c JOIN enterprises e ON e.id = c.holder_id WHERE ${where.join(' AND ')}`;
  if (countOnly) {
    const { rows } = await ex.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, p.values);
    return { rows: [], total: rows[0]?.n ?? 0 };
  }
  const year = p.add(q.year);
  const { rows } = await ex.query<ExpiringRow>(
    `SELECT e.id AS enterprise_id, e.name, e.uscc, d.name AS town_name, c.certificate_no,
            to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to,
            (c.valid_to - ${day}::date)::int AS days_left, pe.readiness, pe.gap_key
       FROM (${latest}) c JOIN enterprises e ON e.id = c.holder_id
       LEFT JOIN divisions d ON d.code = e.town_code
       LEFT JOIN pipeline_entries pe ON pe.campaign_year = ${year} AND pe.enterprise_id = e.id
      WHERE ${where.join(' AND ')}
      ORDER BY c.valid_to, e.name, e.id`,
    p.values,
  );
  return { rows, total: rows.length };
}

// ---------------------------------------------------------------- targets

export interface TargetRow {
  year: number;
  target_above: number;
  source: string | null;
}

export async function listTargets(ex: Executor): Promise<TargetRow[]> {
  const { rows } = await ex.query<TargetRow>(
    'SELECT year, target_above, source FROM hnte_targets ORDER BY year',
  );
  return rows;
}

export async function upsertTarget(
  tx: Executor,
  t: TargetRow,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO hnte_targets (year, target_above, source, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET target_above = EXCLUDED.target_above, source = EXCLUDED.source,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [t.year, t.target_above, t.source, actorId, now],
  );
}
