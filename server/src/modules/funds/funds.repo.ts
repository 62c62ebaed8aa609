/**
 * Funds storage: parameterised SQL over policy_standards, programme_awards, programme_disbursements,
 * programme_clawbacks and programme_acceptances, and read-only looks at applications, calls, the transition log
 * and the registry's patents.
 */
import type { Executor } from '../../platform/db/index.ts';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export interface StandardRow {
  id: string;
  body: Record<string, unknown>;
  effective_to: string | null;
  created_at: string | null;
}

export async function listStandards(ex: Executor, programme?: string): Promise<StandardRow[]> {
  const { rows } = await ex.query<StandardRow>(
    `SELECT id, body, ${DAY('effective_to')} AS effective_to, ${TS('created_at')} AS created_at
     FROM policy_standards WHERE ($1::text IS NULL OR programme = $1)
     ORDER BY programme, effective_from DESC`,
    [programme ?? null],
  );
  return rows;
}

export async function insertStandard(
  ex: Executor,
  s: { id: string; programme: string; effectiveFrom: string; effectiveTo: string | null; citation: string },
  body: unknown,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const { rows } = await ex.query(
    `INSERT INTO policy_standards (id, programme, effective_from, effective_to, citation, body, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [s.id, s.programme, s.effectiveFrom, s.effectiveTo, s.citation, JSON.stringify(body), by, at],
  );
  return rows.length > 0;
}

/** Ends the open-ended standard of a programme the day before its successor starts. */
export async function endStandard(ex: Executor, id: string, lastDay: string, body: unknown): Promise<void> {
  await ex.query(`UPDATE policy_standards SET effective_to = $2, body = $3 WHERE id = $1`, [
    id,
    lastDay,
    JSON.stringify(body),
  ]);
}

export interface CaseRow {
  id: string;
  call_id: string;
  call_title: string;
  call_year: number;
  kind: string;
  budget_fen: string;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  phase: string;
  form_data: Record<string, unknown>;
  approved_at: string | null;
}

/** An application with its call, enterprise and the instant it was approved (立项); `lock` locks the application. */
export async function caseOf(
  ex: Executor,
  id: string,
  enterpriseId: string | null,
  lock = false,
): Promise<CaseRow | null> {
  const { rows } = await ex.query<CaseRow>(
    `SELECT a.id, a.call_id, c.title AS call_title, c.year AS call_year, c.kind, c.budget_fen::text AS budget_fen,
       a.enterprise_id, e.name AS enterprise_name, e.uscc, a.phase, a.form_data,
       (SELECT ${TS('max(v.at)')} FROM programme_application_events v
         WHERE v.application_id = a.id AND v.to_phase = 'approved') AS approved_at
     FROM programme_applications a
     JOIN programme_calls c ON c.id = a.call_id
     JOIN enterprises e ON e.id = a.enterprise_id
     WHERE a.id = $1::uuid AND ($2::uuid IS NULL OR a.enterprise_id = $2::uuid)
     ${lock ? 'FOR UPDATE OF a' : ''}`,
    [id, enterpriseId],
  );
  return rows[0] ?? null;
}

export async function enterpriseIdByUscc(ex: Executor, uscc: string): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>('SELECT id FROM enterprises WHERE uscc = $1', [uscc]);
  return rows[0]?.id ?? null;
}

/** Locks the call while an award changes, so two officers cannot both spend its last budget. */
export async function lockCall(ex: Executor, callId: string): Promise<void> {
  await ex.query('SELECT id FROM programme_calls WHERE id = $1 FOR UPDATE', [callId]);
}

/** The registry's record of the listed patents held by the enterprise (granted = in force or granted before lapsing). */
export async function patentsOf(
  ex: Executor,
  enterpriseId: string,
  numbers: readonly string[],
): Promise<{ application_no: string; type: 'invention' | 'utility' | 'design'; granted: boolean }[]> {
  if (numbers.length === 0) return [];
  const { rows } = await ex.query<{
    application_no: string;
    type: 'invention' | 'utility' | 'design';
    granted: boolean;
  }>(
    `SELECT p.application_no, p.type, p.granted_on IS NOT NULL AS granted
     FROM patents p
     WHERE p.application_no = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM patent_applicants pa
                   WHERE pa.patent_id = p.id AND pa.holder_type = 'enterprise' AND pa.holder_id = $2::uuid)`,
    [numbers, enterpriseId],
  );
  return rows;
}

/** What the enterprise was already awarded this year under the programme (for caps), other applications only. */
export async function awardedThisYear(
  ex: Executor,
  q: { enterpriseId: string; programme: string; year: number; exceptApplication: string },
): Promise<{ approvedFen: bigint; items: Record<string, number> }> {
  const { rows } = await ex.query<{ approved_fen: string; items: Record<string, number> }>(
    `SELECT w.approved_fen::text AS approved_fen, w.items
     FROM programme_awards w
     JOIN programme_applications a ON a.id = w.application_id
     JOIN policy_standards s ON s.id = w.standard_id
     WHERE a.enterprise_id = $1::uuid AND s.programme = $2 AND extract(year FROM w.decided_on) = $3
       AND w.application_id <> $4::uuid`,
    [q.enterpriseId, q.programme, q.year, q.exceptApplication],
  );
  const items: Record<string, number> = {};
  let approved = 0n;
  for (const r of rows) {
    approved += BigInt(r.approved_fen);
    for (const [k, n] of Object.entries(r.items)) items[k] = (items[k] ?? 0) + Number(n);
  }
  return { approvedFen: approved, items };
}

export interface AwardRow {
  application_id: string;
  standard_id: string;
  decided_on: string;
  items: Record<string, number>;
  item_keys: string[];
  computation: {
    lines: { zh: string; en: string; amountFen: string }[];
    notes: { zh: string; en: string }[];
    grossFen: string;
    capped: boolean;
  };
  proposed_fen: string;
  approved_fen: string;
  adjustment_reason: string | null;
  created_at: string;
  updated_at: string;
}

export async function awardOf(ex: Executor, applicationId: string): Promise<AwardRow | null> {
  const { rows } = await ex.query<AwardRow>(
    `SELECT application_id, standard_id, ${DAY('decided_on')} AS decided_on, items, item_keys, computation,
       proposed_fen::text AS proposed_fen, approved_fen::text AS approved_fen, adjustment_reason,
       ${TS('created_at')} AS created_at, ${TS('updated_at')} AS updated_at
     FROM programme_awards WHERE application_id = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function insertAward(
  ex: Executor,
  a: {
    applicationId: string;
    standardId: string;
    decidedOn: string;
    items: Record<string, number>;
    baseFen: bigint | null;
    itemKeys: string[];
    computation: AwardRow['computation'];
    proposedFen: bigint;
  },
  by: string | null,
  at: Date,
): Promise<void> {
  await ex.query(
    `INSERT INTO programme_awards (application_id, standard_id, decided_on, items, base_fen, item_keys, computation,
       proposed_fen, approved_fen, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $9, $10)`,
    [
      a.applicationId,
      a.standardId,
      a.decidedOn,
      JSON.stringify(a.items),
      a.baseFen === null ? null : a.baseFen.toString(),
      a.itemKeys,
      JSON.stringify(a.computation),
      a.proposedFen.toString(),
      by,
      at,
    ],
  );
}

export async function adjustAward(
  ex: Executor,
  applicationId: string,
  approvedFen: bigint,
  reason: string | null,
  by: string | null,
  at: Date,
): Promise<void> {
  await ex.query(
    `UPDATE programme_awards SET approved_fen = $2, adjustment_reason = $3, updated_by = $4, updated_at = $5
     WHERE application_id = $1`,
    [applicationId, approvedFen.toString(), reason, by, at],
  );
}

/** The approved awards of a call, except one application's. */
export async function awardedInCall(
  ex: Executor,
  callId: string,
  exceptApplication: string,
): Promise<bigint> {
  const { rows } = await ex.query<{ total: string }>(
    `SELECT COALESCE(sum(w.approved_fen), 0)::text AS total
     FROM programme_awards w JOIN programme_applications a ON a.id = w.application_id
     WHERE a.call_id = $1 AND w.application_id <> $2`,
    [callId, exceptApplication],
  );
  return BigInt(rows[0]!.total);
}

export interface DisbursementRow {
  id: string;
  instalment: number;
  budget_line: string;
  amount_fen: string;
  paid_on: string;
  voucher_no: string;
  created_at: string;
}

export async function disbursementsOf(ex: Executor, applicationId: string): Promise<DisbursementRow[]> {
  const { rows } = await ex.query<DisbursementRow>(
    `SELECT id, instalment, budget_line, amount_fen::text AS amount_fen, ${DAY('paid_on')} AS paid_on, voucher_no,
       ${TS('created_at')} AS created_at
     FROM programme_disbursements WHERE application_id = $1 ORDER BY instalment`,
    [applicationId],
  );
  return rows.map((r) => ({ ...r, instalment: Number(r.instalment) }));
}

export async function voucherExists(ex: Executor, voucherNo: string): Promise<boolean> {
  const { rows } = await ex.query('SELECT 1 FROM programme_disbursements WHERE voucher_no = $1', [voucherNo]);
  return rows.length > 0;
}

export async function insertDisbursement(
  ex: Executor,
  d: {
    applicationId: string;
    instalment: number;
    budgetLine: string;
    amountFen: bigint;
    paidOn: string;
    voucherNo: string;
  },
  by: string | null,
  at: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_disbursements (application_id, instalment, budget_line, amount_fen, paid_on, voucher_no,
       created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [d.applicationId, d.instalment, d.budgetLine, d.amountFen.toString(), d.paidOn, d.voucherNo, by, at],
  );
  return rows[0]!.id;
}

export interface ClawbackRow {
  id: string;
  amount_fen: string;
  reason: string;
  recovered_on: string;
  created_at: string;
}

export async function clawbacksOf(ex: Executor, applicationId: string): Promise<ClawbackRow[]> {
  const { rows } = await ex.query<ClawbackRow>(
    `SELECT id, amount_fen::text AS amount_fen, reason, ${DAY('recovered_on')} AS recovered_on,
       ${TS('created_at')} AS created_at
     FROM programme_clawbacks WHERE application_id = $1 ORDER BY recovered_on, created_at`,
    [applicationId],
  );
  return rows;
}

export async function insertClawback(
  ex: Executor,
  c: { applicationId: string; amountFen: bigint; reason: string; recoveredOn: string },
  by: string | null,
  at: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_clawbacks (application_id, amount_fen, reason, recovered_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.applicationId, c.amountFen.toString(), c.reason, c.recoveredOn, by, at],
  );
  return rows[0]!.id;
}

export interface AcceptanceRow {
  id: string;
  conclusion: 'passed' | 'failed';
  comments: string;
  decided_on: string;
  created_at: string;
}

export async function acceptancesOf(ex: Executor, applicationId: string): Promise<AcceptanceRow[]> {
  const { rows } = await ex.query<AcceptanceRow>(
    `SELECT id, conclusion, comments, ${DAY('decided_on')} AS decided_on, ${TS('created_at')} AS created_at
     FROM programme_acceptances WHERE application_id = $1 ORDER BY created_at`,
    [applicationId],
  );
  return rows;
}

export async function insertAcceptance(
  ex: Executor,
  a: { applicationId: string; conclusion: string; comments: string; decidedOn: string },
  by: string | null,
  at: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_acceptances (application_id, conclusion, comments, decided_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.applicationId, a.conclusion, a.comments, a.decidedOn, by, at],
  );
  return rows[0]!.id;
}
