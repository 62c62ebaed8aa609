/** SQL for the qualifications an enterprise holds. Status is never stored: callers derive it from the dates. */
import type { QualificationKind } from '@jinke/core/registry/qualifications.ts';
import type { Executor } from '../../platform/db/index.ts';

export interface QualificationRow {
  id: string;
  holder_id: string;
  kind: QualificationKind;
  certificate_no: string | null;
  issued_on: string;
  valid_to: string | null;
  source: string;
  created_at: string;
}

const SELECT = `SELECT q.id, q.holder_id, q.kind, q.certificate_no, to_char(q.issued_on, 'YYYY-MM-DD') AS issued_on,
    to_char(q.valid_to, 'YYYY-MM-DD') AS valid_to, q.source, q.created_at
  FROM qualifications q`;

function toRow(r: QualificationRow): QualificationRow {
  return { ...r, created_at: new Date(r.created_at).toISOString() };
}

/** Qualifications of the given enterprises, newest issue first. */
export async function qualificationsOf(
  ex: Executor,
  enterpriseIds: readonly string[],
): Promise<QualificationRow[]> {
  if (enterpriseIds.length === 0) return [];
  const { rows } = await ex.query<QualificationRow>(
    `${SELECT} WHERE q.holder_type = 'enterprise' AND q.holder_id = ANY($1::uuid[]) ORDER BY q.issued_on DESC, q.kind, q.id`,
    [enterpriseIds],
  );
  return rows.map(toRow);
}

export async function findQualification(
  ex: Executor,
  enterpriseId: string,
  id: string,
  forUpdate = false,
): Promise<QualificationRow | null> {
  const { rows } = await ex.query<QualificationRow>(
    `${SELECT} WHERE q.holder_type = 'enterprise' AND q.holder_id = $1 AND q.id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [enterpriseId, id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export interface QualificationValues {
  kind: QualificationKind;
  certificateNo: string | null;
  issuedOn: string;
  validTo: string | null;
}

export async function insertQualification(
  tx: Executor,
  enterpriseId: string,
  v: QualificationValues,
  source: string,
  now: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to, source, created_at, updated_at)
     VALUES ('enterprise', $1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [enterpriseId, v.kind, v.certificateNo, v.issuedOn, v.validTo, source, now],
  );
  return rows[0]!.id;
}

export async function updateQualification(
  tx: Executor,
  id: string,
  v: QualificationValues,
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE qualifications SET kind = $2, certificate_no = $3, issued_on = $4, valid_to = $5, updated_at = $6 WHERE id = $1',
    [id, v.kind, v.certificateNo, v.issuedOn, v.validTo, now],
  );
}

export async function deleteQualification(tx: Executor, id: string): Promise<void> {
  await tx.query('DELETE FROM qualifications WHERE id = $1', [id]);
}
