/** SQL for an enterprise's honours, industry–university cooperation agreements and industry-chain tags. */
import type { CooperationItem, HonourItem } from '@jinke/core/registry/enterprise-relations.contract.ts';
import type { Executor } from '../../platform/db/index.ts';

const HONOUR_SELECT = `SELECT id, award, grade, rank_among_units, year, project_title FROM honours`;

interface HonourRow {
  id: string;
  award: HonourItem['award'];
  grade: HonourItem['grade'];
  rank_among_units: number | null;
  year: number;
  project_title: string | null;
}

const toHonour = (r: HonourRow): HonourItem => ({
  id: r.id,
  award: r.award,
  grade: r.grade,
  rankAmongUnits: r.rank_among_units,
  year: r.year,
  projectTitle: r.project_title,
});

export async function honoursOf(ex: Executor, enterpriseId: string): Promise<HonourItem[]> {
  const { rows } = await ex.query<HonourRow>(
    `${HONOUR_SELECT} WHERE holder_type = 'enterprise' AND holder_id = $1 ORDER BY year DESC, award, id`,
    [enterpriseId],
  );
  return rows.map(toHonour);
}

export async function findHonour(ex: Executor, enterpriseId: string, id: string): Promise<HonourItem | null> {
  const { rows } = await ex.query<HonourRow>(
    `${HONOUR_SELECT} WHERE holder_type = 'enterprise' AND holder_id = $1 AND id = $2`,
    [enterpriseId, id],
  );
  return rows[0] ? toHonour(rows[0]) : null;
}

export async function insertHonour(
  tx: Executor,
  enterprise: { id: string; name: string },
  h: Omit<HonourItem, 'id'>,
  now: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO honours (holder_type, holder_id, holder_name, award, grade, rank_among_units, year, project_title, created_at)
     VALUES ('enterprise', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [enterprise.id, enterprise.name, h.award, h.grade, h.rankAmongUnits, h.year, h.projectTitle, now],
  );
  return rows[0]!.id;
}

export async function deleteHonour(tx: Executor, id: string): Promise<void> {
  await tx.query('DELETE FROM honours WHERE id = $1', [id]);
}

interface CooperationRow {
  id: string;
  institute_id: string;
  institute_name: string;
  subject: string;
  signed_on: string;
  valid_to: string | null;
}

const COOPERATION_SELECT = `SELECT c.id, c.institute_id, i.name AS institute_name, c.subject,
    to_char(c.signed_on, 'YYYY-MM-DD') AS signed_on, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to
  FROM cooperation_agreements c JOIN institutes i ON i.id = c.institute_id`;

const toCooperation = (r: CooperationRow): CooperationItem => ({
  id: r.id,
  instituteId: r.institute_id,
  instituteName: r.institute_name,
  subject: r.subject,
  signedOn: r.signed_on,
  validTo: r.valid_to,
});

export async function cooperationOf(ex: Executor, enterpriseId: string): Promise<CooperationItem[]> {
  const { rows } = await ex.query<CooperationRow>(
    `${COOPERATION_SELECT} WHERE c.enterprise_id = $1 ORDER BY c.signed_on DESC, c.id`,
    [enterpriseId],
  );
  return rows.map(toCooperation);
}

export async function findCooperation(
  ex: Executor,
  enterpriseId: string,
  id: string,
): Promise<CooperationItem | null> {
  const { rows } = await ex.query<CooperationRow>(
    `${COOPERATION_SELECT} WHERE c.enterprise_id = $1 AND c.id = $2`,
    [enterpriseId, id],
  );
  return rows[0] ? toCooperation(rows[0]) : null;
}

export async function instituteName(ex: Executor, id: string): Promise<string | null> {
  const { rows } = await ex.query<{ name: string }>('SELECT name FROM institutes WHERE id = $1', [id]);
  return rows[0]?.name ?? null;
}

export async function insertCooperation(
  tx: Executor,
  enterpriseId: string,
  c: { instituteId: string; subject: string; signedOn: string; validTo: string | null },
  now: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO cooperation_agreements (enterprise_id, institute_id, subject, signed_on, valid_to, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [enterpriseId, c.instituteId, c.subject, c.signedOn, c.validTo, now],
  );
  return rows[0]!.id;
}

export async function deleteCooperation(tx: Executor, id: string): Promise<void> {
  await tx.query('DELETE FROM cooperation_agreements WHERE id = $1', [id]);
}

export async function chainTagsOf(
  ex: Executor,
  enterpriseId: string,
): Promise<{ chain: string; segment: string }[]> {
  const { rows } = await ex.query<{ chain: string; segment: string }>(
    "SELECT chain, segment FROM chain_tags WHERE holder_type = 'enterprise' AND holder_id = $1 ORDER BY chain, segment",
    [enterpriseId],
  );
  return rows;
}

/** True when the tag was added, false when the enterprise already had it. */
export async function insertChainTag(
  tx: Executor,
  enterpriseId: string,
  chain: string,
  segment: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO chain_tags (holder_type, holder_id, chain, segment) VALUES ('enterprise', $1, $2, $3) ON CONFLICT DO NOTHING`,
    [enterpriseId, chain, segment],
  );
  return rowCount > 0;
}

export async function deleteChainTag(
  tx: Executor,
  enterpriseId: string,
  chain: string,
  segment: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    "DELETE FROM chain_tags WHERE holder_type = 'enterprise' AND holder_id = $1 AND chain = $2 AND segment = $3",
    [enterpriseId, chain, segment],
  );
  return rowCount > 0;
}
