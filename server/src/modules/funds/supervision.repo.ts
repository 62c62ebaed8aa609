/**
 * Supervision storage: each call's budget use, every award with what supervision compares, and the registry's lapsed
 * patents (read-only).
 */
import type { Executor } from '../../platform/db/index.ts';

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export interface BudgetRow {
  call_id: string;
  call_title: string;
  year: number;
  budget_fen: string;
  awarded_fen: string;
  disbursed_fen: string;
  clawed_back_fen: string;
  awards: number;
}

/** Each call's budget and what its awards, disbursements and clawbacks add up to (calls with a budget or an award). */
export async function budgets(ex: Executor, callId?: string): Promise<BudgetRow[]> {
  const { rows } = await ex.query<BudgetRow>(
    `WITH d AS (SELECT application_id, sum(amount_fen) AS s FROM programme_disbursements GROUP BY application_id),
          k AS (SELECT application_id, sum(amount_fen) AS s FROM programme_clawbacks GROUP BY application_id)
     SELECT c.id AS call_id, c.title AS call_title, c.year, c.budget_fen::text AS budget_fen,
       COALESCE(sum(w.approved_fen), 0)::text AS awarded_fen,
       COALESCE(sum(d.s), 0)::text AS disbursed_fen,
       COALESCE(sum(k.s), 0)::text AS clawed_back_fen,
       count(w.application_id)::int AS awards
     FROM programme_calls c
     LEFT JOIN programme_applications a ON a.call_id = c.id
     LEFT JOIN programme_awards w ON w.application_id = a.id
     LEFT JOIN d ON d.application_id = w.application_id
     LEFT JOIN k ON k.application_id = w.application_id
     WHERE c.status <> 'draft' AND ($1::uuid IS NULL OR c.id = $1::uuid)
     GROUP BY c.id
     ORDER BY c.year DESC, c.title`,
    [callId ?? null],
  );
  return rows.map((r) => ({ ...r, year: Number(r.year), awards: Number(r.awards) }));
}

export interface SupervisedAward {
  application_id: string;
  call_id: string;
  call_title: string;
  enterprise_name: string;
  uscc: string;
  programme: string;
  decided_on: string;
  item_keys: string[];
  proposed_fen: string;
  approved_fen: string;
  adjustment_reason: string | null;
  clawback_years: number | null;
}

/** Every award with what supervision compares. */
export async function supervisedAwards(ex: Executor): Promise<SupervisedAward[]> {
  const { rows } = await ex.query<SupervisedAward>(
    `SELECT w.application_id, a.call_id, c.title AS call_title, e.name AS enterprise_name, e.uscc, s.programme,
       ${DAY('w.decided_on')} AS decided_on, w.item_keys, w.proposed_fen::text AS proposed_fen,
       w.approved_fen::text AS approved_fen, w.adjustment_reason, (s.body ->> 'clawbackYears')::int AS clawback_years
     FROM programme_awards w
     JOIN programme_applications a ON a.id = w.application_id
     JOIN programme_calls c ON c.id = a.call_id
     JOIN enterprises e ON e.id = a.enterprise_id
     JOIN policy_standards s ON s.id = w.standard_id
     ORDER BY w.decided_on, w.created_at`,
  );
  return rows;
}

/** Patents among `numbers` that lapsed (未缴年费终止, 放弃, 无效), with the day. */
export async function lapsedPatents(
  ex: Executor,
  numbers: readonly string[],
): Promise<{ application_no: string; lapsed_on: string }[]> {
  if (numbers.length === 0) return [];
  const { rows } = await ex.query<{ application_no: string; lapsed_on: string }>(
    `SELECT application_no, ${DAY('lapsed_on')} AS lapsed_on FROM patents
     WHERE application_no = ANY($1::text[]) AND legal_status = 'lapsed' AND lapsed_on IS NOT NULL`,
    [numbers],
  );
  return rows;
}
