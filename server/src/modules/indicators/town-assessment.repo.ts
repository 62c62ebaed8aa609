/** The town assessment's SQL: the weights of an assessment year (town_assessment_weights). */
import type { Executor } from '../../platform/db/index.ts';

export interface WeightRow {
  indicator_id: string;
  weight: string;
  cap_percent: string;
  /** The display name of who set it; null when seeded or set from the command line. */
  updated_by_name: string | null;
  updated_at: string;
}

export async function listWeights(ex: Executor, year: number): Promise<WeightRow[]> {
  const { rows } = await ex.query<WeightRow>(
    `SELECT w.indicator_id, w.weight::text AS weight, w.cap_percent::text AS cap_percent,
            u.display_name AS updated_by_name,
            to_char(w.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM town_assessment_weights w LEFT JOIN users u ON u.id = w.updated_by
      WHERE w.year = $1 ORDER BY w.position, w.indicator_id`,
    [year],
  );
  return rows;
}

/** Replaces a year's weights with `rows`, in their order. */
export async function replaceWeights(
  ex: Executor,
  year: number,
  rows: readonly { indicator: string; weight: string; capPercent: string }[],
  actorId: string | null,
  now: Date,
): Promise<void> {
  await ex.query('DELETE FROM town_assessment_weights WHERE year = $1', [year]);
  for (const [position, r] of rows.entries()) {
    await ex.query(
      `INSERT INTO town_assessment_weights (year, indicator_id, weight, cap_percent, position, updated_by, updated_at)
       VALUES ($1, $2, $3::numeric, $4::numeric, $5, $6, $7)`,
      [year, r.indicator, r.weight, r.capPercent, position, actorId, now.toISOString()],
    );
  }
}
