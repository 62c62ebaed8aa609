/** SQL of the expert pool. Personal data columns hold SM4 ciphertext only. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { ExpertRelation } from '@jinke/core/registry/experts.contract.ts';
import type { Executor } from '../../platform/db/index.ts';
import { SqlParams, scoped } from './parties.shared.ts';

export interface ExpertRow {
  id: string;
  code: string;
  name: string;
  title: string | null;
  employer_uscc: string | null;
  institute_id: string | null;
  institute_name: string | null;
  fields: string[];
  ipc_classes: string[];
  expertise: string | null;
  phone_enc: string | null;
  id_card_enc: string | null;
  relations: ExpertRelation[];
  available: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT x.id, x.code, x.name, x.title, x.employer_uscc, x.institute_id, i.name AS institute_name, x.fields,
    x.ipc_classes, x.expertise, x.phone_enc, x.id_card_enc, x.relations, x.available, x.created_at, x.updated_at
  FROM experts x LEFT JOIN institutes i ON i.id = x.institute_id`;

/** An expert user sees their own record (scope id = expert code); towns, enterprises and others none. */
function expertScope(actor: Actor, p: SqlParams): string {
  return scoped(actor, { expert: 'x.code' }, p);
}

export interface ExpertFilter {
  tsQuery: string | null;
  /** The field code and every code below it. */
  fieldCodes: string[] | null;
  ipcPattern: string | null;
  available?: boolean | undefined;
  instituteId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listExperts(
  db: Executor,
  actor: Actor,
  f: ExpertFilter,
): Promise<{ rows: ExpertRow[]; total: number }> {
  const p = new SqlParams();
  const where = [expertScope(actor, p)];
  let order = 'x.code';
  if (f.tsQuery !== null) {
    const q = p.add(f.tsQuery);
    where.push(`x.search_vector @@ to_tsquery('simple', ${q})`);
    order = `ts_rank(x.search_vector, to_tsquery('simple', ${q})) DESC, x.code`;
  }
  if (f.fieldCodes) where.push(`x.fields && ${p.add(f.fieldCodes)}::text[]`);
  if (f.ipcPattern)
    where.push(
      `EXISTS (SELECT 1 FROM unnest(x.ipc_classes) AS c(code) WHERE c.code LIKE ${p.add(f.ipcPattern)})`,
    );
  if (f.available !== undefined) where.push(`x.available = ${p.add(f.available)}`);
  if (f.instituteId) where.push(`x.institute_id = ${p.add(f.instituteId)}`);
  const condition = where.join(' AND ');
  const count = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM experts x WHERE ${condition}`,
    p.values,
  );
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  const { rows } = await db.query<ExpertRow>(
    `${SELECT} WHERE ${condition} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: Number(count.rows[0]?.total ?? 0) };
}

/** One expert the actor may see (with no actor, any expert), optionally locked for an update. */
export async function findExpert(
  db: Executor,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<ExpertRow | null> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const scope = actor ? expertScope(actor, p) : 'TRUE';
  if (lock) await db.query('SELECT 1 FROM experts WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<ExpertRow>(`${SELECT} WHERE x.id = ${idParam} AND ${scope}`, p.values);
  return rows[0] ?? null;
}

export async function expertCodeExists(db: Executor, code: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM experts WHERE code = $1', [code]);
  return rows.length > 0;
}

export async function instituteExists(db: Executor, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM institutes WHERE id = $1', [id]);
  return rows.length > 0;
}

export interface ExpertValues {
  name: string;
  title: string | null;
  employerUscc: string | null;
  instituteId: string | null;
  fields: string[];
  ipcClasses: string[];
  expertise: string | null;
  phoneEnc: string | null;
  idCardEnc: string | null;
  relations: ExpertRelation[];
  available: boolean;
  searchTokens: string;
}

function valueList(v: ExpertValues) {
  return [
    v.name,
    v.title,
    v.employerUscc,
    v.instituteId,
    v.fields,
    v.ipcClasses,
    v.expertise,
    v.phoneEnc,
    v.idCardEnc,
    JSON.stringify(v.relations),
    v.available,
    v.searchTokens,
  ];
}

export async function insertExpert(tx: Executor, code: string, v: ExpertValues, now: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO experts (name, title, employer_uscc, institute_id, fields, ipc_classes, expertise, phone_enc, id_card_enc,
       relations, available, search_tokens, code, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $14) RETURNING id`,
    [...valueList(v), code, now],
  );
  return rows[0]!.id;
}

export async function updateExpert(tx: Executor, id: string, v: ExpertValues, now: Date): Promise<void> {
  await tx.query(
    `UPDATE experts SET name = $1, title = $2, employer_uscc = $3, institute_id = $4, fields = $5, ipc_classes = $6,
       expertise = $7, phone_enc = $8, id_card_enc = $9, relations = $10::jsonb, available = $11, search_tokens = $12,
       updated_at = $13
     WHERE id = $14`,
    [...valueList(v), now, id],
  );
}
