/** SQL of the patent registry: patents, their applicants and the lookups that link applicants to registry records. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { PatentLegalStatus, PatentKind } from '@jinke/core/registry/patent-status.ts';
import type { Executor } from '../../platform/db/index.ts';
import { SqlParams, scoped } from './parties.shared.ts';
import {
  type SearchCounting,
  countAll,
  countMatches,
  relevancePage,
  walkingMatch,
} from './search-count.repo.ts';

export interface PatentRow {
  id: string;
  application_no: string;
  type: PatentKind;
  title: string;
  ipc_codes: string[];
  filed_on: string;
  published_on: string | null;
  granted_on: string | null;
  legal_status: PatentLegalStatus;
  lapsed_on: string | null;
  expires_on: string;
  applicant_kind: 'enterprise' | 'institute' | 'individual';
  town_code: string | null;
  town_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ApplicantRow {
  patent_id: string;
  position: number;
  holder_type: 'enterprise' | 'institute' | 'person';
  holder_id: string | null;
  name: string;
}

const SELECT = `SELECT p.id, p.application_no, p.type, p.title, p.ipc_codes,
    to_char(p.filed_on, 'YYYY-MM-DD') AS filed_on, to_char(p.published_on, 'YYYY-MM-DD') AS published_on,
    to_char(p.granted_on, 'YYYY-MM-DD') AS granted_on, p.legal_status, to_char(p.lapsed_on, 'YYYY-MM-DD') AS lapsed_on,
    to_char(p.expires_on, 'YYYY-MM-DD') AS expires_on, p.applicant_kind, p.town_code, d.name AS town_name,
    p.created_at, p.updated_at
  FROM patents p LEFT JOIN divisions d ON d.code = p.town_code`;

/**
 * Town users see the patents of their town and those of their town's enterprises; enterprise users the patents
 * their enterprise applied for or holds.
 */
export function patentScope(actor: Actor, p: SqlParams): string {
  const byTown = scoped(actor, { town: 'p.town_code' }, p);
  const byApplicant = scoped(actor, { enterprise: 'e.uscc', town: 'e.town_code' }, p);
  return `(${byTown} OR EXISTS (SELECT 1 FROM patent_applicants pa JOIN enterprises e ON e.id = pa.holder_id
    WHERE pa.patent_id = p.id AND pa.holder_type = 'enterprise' AND ${byApplicant}))`;
}

export interface PatentFilter {
  tsQuery: string | null;
  applicationNo: string | null;
  type?: PatentKind | undefined;
  status?: PatentLegalStatus | undefined;
  validAt?: string | undefined;
  filedYear?: number | undefined;
  grantedYear?: number | undefined;
  town?: string | undefined;
  enterpriseId?: string | undefined;
  /** A LIKE pattern over the IPC symbols. */
  ipcPattern: string | null;
  sort: 'relevance' | 'filedOn' | '-filedOn' | 'grantedOn' | '-grantedOn' | 'applicationNo';
  /** How a text query counts and ranks its matches (search-count.repo.ts). */
  search: SearchCounting;
  limit: number;
  offset: number;
}

function yearRange(column: string, year: number, p: SqlParams): string {
  return `${column} >= ${p.add(`${year}-01-01`)}::date AND ${column} < ${p.add(`${year + 1}-01-01`)}::date`;
}

export async function listPatents(
  db: Executor,
  actor: Actor,
  f: PatentFilter,
): Promise<{ rows: PatentRow[]; total: number; totalCapped: boolean }> {
  const p = new SqlParams();
  const where = [patentScope(actor, p)];
  let tsq: string | null = null;
  // The text condition in two forms: for the GIN index, and for walking a sort key's index (search-count.repo.ts).
  const text: string[] = [];
  const walkingText: string[] = [];
  if (f.tsQuery !== null) {
    tsq = `to_tsquery('simple', ${p.add(f.tsQuery)})`;
    text.push(`p.search_vector @@ ${tsq}`);
    walkingText.push(walkingMatch('p.search_vector', tsq));
  }
  if (f.applicationNo !== null) {
    const number = `p.application_no = ${p.add(f.applicationNo)}`;
    text.push(number);
    walkingText.push(number);
  }
  if (f.type) where.push(`p.type = ${p.add(f.type)}`);
  if (f.status) where.push(`p.legal_status = ${p.add(f.status)}`);
  if (f.validAt) {
    // The same test as patentValidAt: granted by the day, not lapsed by it, the term's last day not passed.
    const d = p.add(f.validAt);
    where.push(`p.granted_on <= ${d}::date AND p.legal_status NOT IN ('rejected', 'withdrawn')
      AND (p.lapsed_on IS NULL OR p.lapsed_on > ${d}::date) AND p.expires_on >= ${d}::date`);
  }
  if (f.filedYear) where.push(yearRange('p.filed_on', f.filedYear, p));
  if (f.grantedYear) where.push(yearRange('p.granted_on', f.grantedYear, p));
  if (f.town) where.push(`p.town_code = ${p.add(f.town)}`);
  if (f.enterpriseId) {
    where.push(`EXISTS (SELECT 1 FROM patent_applicants pe WHERE pe.patent_id = p.id AND pe.holder_type = 'enterprise'
      AND pe.holder_id = ${p.add(f.enterpriseId)})`);
  }
  if (f.ipcPattern)
    where.push(
      `EXISTS (SELECT 1 FROM unnest(p.ipc_codes) AS c(code) WHERE c.code LIKE ${p.add(f.ipcPattern)})`,
    );
  const condition = [...where, ...(text.length > 0 ? [`(${text.join(' OR ')})`] : [])].join(' AND ');
  const walkCondition = [...where, ...(text.length > 0 ? [`(${walkingText.join(' OR ')})`] : [])].join(
    ' AND ',
  );
  if (f.sort === 'relevance' && tsq !== null) {
    const ranked = await relevancePage(db, {
      from: 'patents p',
      where: condition,
      params: p.values,
      columns: 'p.id, p.search_vector, p.filed_on, p.application_no',
      order: `ts_rank(m.search_vector, ${tsq}) DESC, m.filed_on DESC, m.application_no`,
      counting: f.search,
      limit: f.limit,
      offset: f.offset,
    });
    const page = { total: ranked.total, totalCapped: ranked.capped };
    if (ranked.total === 0) return { rows: [], ...page };
    if (ranked.ids !== null) return { rows: await patentsInOrder(db, ranked.ids), ...page };
    // A broad search is newest first, read from `patents_filed_idx`: ranking thousands of titles would read them all.
    const limit = p.add(f.limit);
    const offset = p.add(f.offset);
    const { rows } = await db.query<PatentRow>(
      `${SELECT} WHERE ${walkCondition} ORDER BY p.filed_on DESC, p.application_no LIMIT ${limit} OFFSET ${offset}`,
      p.values,
    );
    return { rows, ...page };
  }
  const counted =
    tsq === null
      ? await countAll(db, 'patents p', condition, p.values)
      : await countMatches(db, 'patents p', condition, p.values, f.search);
  if (counted.total === 0) return { rows: [], total: 0, totalCapped: false };
  const order = {
    relevance: 'p.filed_on DESC',
    filedOn: 'p.filed_on ASC',
    '-filedOn': 'p.filed_on DESC',
    grantedOn: 'p.granted_on ASC NULLS LAST',
    '-grantedOn': 'p.granted_on DESC NULLS LAST',
    applicationNo: 'p.application_no ASC',
  }[f.sort];
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  // A broad search walks the index of its sort key (search-count.repo.ts, walkingMatch).
  const { rows } = await db.query<PatentRow>(
    `${SELECT} WHERE ${counted.broad ? walkCondition : condition} ORDER BY ${order}, p.application_no LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: counted.total, totalCapped: counted.capped };
}

async function patentsInOrder(db: Executor, ids: string[]): Promise<PatentRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<PatentRow>(
    `${SELECT} WHERE p.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], p.id)`,
    [ids],
  );
  return rows;
}

/** One patent the actor may see, or null (missing and out of scope look the same). */
export async function findPatent(db: Executor, actor: Actor, id: string): Promise<PatentRow | null> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const { rows } = await db.query<PatentRow>(
    `${SELECT} WHERE p.id = ${idParam} AND ${patentScope(actor, p)}`,
    p.values,
  );
  return rows[0] ?? null;
}

export async function lockPatent(tx: Executor, id: string): Promise<PatentRow | null> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM patents WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) return null;
  const full = await tx.query<PatentRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return full.rows[0] ?? null;
}

export async function findPatentByNumber(
  db: Executor,
  applicationNo: string,
): Promise<{ id: string; title: string } | null> {
  const { rows } = await db.query<{ id: string; title: string }>(
    'SELECT id, title FROM patents WHERE application_no = $1',
    [applicationNo],
  );
  return rows[0] ?? null;
}

export async function listApplicants(db: Executor, patentIds: string[]): Promise<ApplicantRow[]> {
  if (patentIds.length === 0) return [];
  const { rows } = await db.query<ApplicantRow>(
    `SELECT patent_id, position, holder_type, holder_id, name FROM patent_applicants
      WHERE patent_id = ANY($1::uuid[]) ORDER BY patent_id, position`,
    [patentIds],
  );
  return rows;
}

export interface PatentValues {
  applicationNo: string;
  type: PatentKind;
  title: string;
  ipcCodes: string[];
  filedOn: string;
  publishedOn: string | null;
  grantedOn: string | null;
  legalStatus: PatentLegalStatus;
  lapsedOn: string | null;
  expiresOn: string;
  applicantKind: 'enterprise' | 'institute' | 'individual';
  townCode: string | null;
  searchTokens: string;
}

function valueList(v: PatentValues) {
  return [
    v.applicationNo,
    v.type,
    v.title,
    v.ipcCodes,
    v.filedOn,
    v.publishedOn,
    v.grantedOn,
    v.legalStatus,
    v.lapsedOn,
    v.expiresOn,
    v.applicantKind,
    v.townCode,
    v.searchTokens,
  ];
}

export async function insertPatent(tx: Executor, v: PatentValues, now: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO patents (application_no, type, title, ipc_codes, filed_on, published_on, granted_on, legal_status, lapsed_on,
       expires_on, applicant_kind, town_code, search_tokens, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [...valueList(v), now],
  );
  return rows[0]!.id;
}

export async function updatePatent(tx: Executor, id: string, v: PatentValues, now: Date): Promise<void> {
  await tx.query(
    `UPDATE patents SET application_no = $1, type = $2, title = $3, ipc_codes = $4, filed_on = $5, published_on = $6,
       granted_on = $7, legal_status = $8, lapsed_on = $9, expires_on = $10, applicant_kind = $11, town_code = $12,
       search_tokens = $13, updated_at = $14
     WHERE id = $15`,
    [...valueList(v), now, id],
  );
}

export interface ApplicantValues {
  holderType: 'enterprise' | 'institute' | 'person';
  holderId: string | null;
  name: string;
}

export async function replaceApplicants(
  tx: Executor,
  patentId: string,
  applicants: ApplicantValues[],
): Promise<void> {
  await tx.query('DELETE FROM patent_applicants WHERE patent_id = $1', [patentId]);
  for (const [index, a] of applicants.entries()) {
    await tx.query(
      'INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, $2, $3, $4, $5)',
      [patentId, index + 1, a.holderType, a.holderId, a.name],
    );
  }
}

export interface HolderRow {
  id: string;
  name: string;
  town_code: string | null;
}

/** Registry enterprise by id, credit code or exact (current or former) name; a name must be unambiguous. */
export async function findEnterpriseHolder(
  db: Executor,
  by: { id?: string; uscc?: string; name?: string },
): Promise<HolderRow | null> {
  if (by.id) {
    const { rows } = await db.query<HolderRow>('SELECT id, name, town_code FROM enterprises WHERE id = $1', [
      by.id,
    ]);
    return rows[0] ?? null;
  }
  if (by.uscc) {
    const { rows } = await db.query<HolderRow>(
      'SELECT id, name, town_code FROM enterprises WHERE uscc = $1',
      [by.uscc],
    );
    return rows[0] ?? null;
  }
  if (!by.name) return null;
  const { rows } = await db.query<HolderRow>(
    'SELECT id, name, town_code FROM enterprises WHERE name = $1 OR $1 = ANY(former_names) LIMIT 2',
    [by.name],
  );
  return rows.length === 1 ? rows[0]! : null;
}

export async function findInstituteHolder(
  db: Executor,
  by: { id?: string; name?: string },
): Promise<HolderRow | null> {
  const { rows } = by.id
    ? await db.query<HolderRow>('SELECT id, name, town_code FROM institutes WHERE id = $1', [by.id])
    : by.name
      ? await db.query<HolderRow>('SELECT id, name, town_code FROM institutes WHERE name = $1', [by.name])
      : { rows: [] };
  return rows[0] ?? null;
}

export async function findEnterpriseScope(
  db: Executor,
  id: string,
): Promise<{ id: string; uscc: string; town_code: string | null } | null> {
  const { rows } = await db.query<{ id: string; uscc: string; town_code: string | null }>(
    'SELECT id, uscc, town_code FROM enterprises WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
