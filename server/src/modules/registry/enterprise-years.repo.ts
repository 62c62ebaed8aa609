/** SQL for an enterprise's yearly figures (one row per enterprise and year). Money in 分 comes back as numbers. */
import type { YearFigures } from '@jinke/core/registry/enterprise-years.contract.ts';
import type { Executor } from '../../platform/db/index.ts';

interface YearRow {
  year: number;
  revenue_fen: string | null;
  rd_fen: string | null;
  staff: number | null;
  tech_staff: number | null;
  net_assets_fen: string | null;
  total_assets_fen: string | null;
  above_scale: boolean;
}

export const EMPTY_FIGURES: YearFigures = {
  revenueFen: null,
  rdFen: null,
  staff: null,
  techStaff: null,
  netAssetsFen: null,
  totalAssetsFen: null,
  aboveScale: false,
};

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function toFigures(r: YearRow): YearFigures {
  return {
    revenueFen: num(r.revenue_fen),
    rdFen: num(r.rd_fen),
    staff: r.staff,
    techStaff: r.tech_staff,
    netAssetsFen: num(r.net_assets_fen),
    totalAssetsFen: num(r.total_assets_fen),
    aboveScale: r.above_scale,
  };
}

const SELECT = `SELECT year, revenue_fen::text AS revenue_fen, rd_fen::text AS rd_fen, staff, tech_staff,
    net_assets_fen::text AS net_assets_fen, total_assets_fen::text AS total_assets_fen, above_scale
  FROM enterprise_years`;

export async function listYears(ex: Executor, enterpriseId: string): Promise<Map<number, YearFigures>> {
  const { rows } = await ex.query<YearRow>(`${SELECT} WHERE enterprise_id = $1 ORDER BY year DESC`, [
    enterpriseId,
  ]);
  return new Map(rows.map((r) => [Number(r.year), toFigures(r)]));
}

export async function findYear(
  ex: Executor,
  enterpriseId: string,
  year: number,
  forUpdate = false,
): Promise<YearFigures | null> {
  const { rows } = await ex.query<YearRow>(
    `${SELECT} WHERE enterprise_id = $1 AND year = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [enterpriseId, year],
  );
  return rows[0] ? toFigures(rows[0]) : null;
}

/** Writes the whole row for the year, creating it when it does not exist. */
export async function upsertYear(
  tx: Executor,
  enterpriseId: string,
  year: number,
  f: YearFigures,
): Promise<void> {
  await tx.query(
    `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, rd_fen, staff, tech_staff, net_assets_fen, total_assets_fen, above_scale)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (enterprise_id, year) DO UPDATE SET revenue_fen = EXCLUDED.revenue_fen, rd_fen = EXCLUDED.rd_fen,
       staff = EXCLUDED.staff, tech_staff = EXCLUDED.tech_staff, net_assets_fen = EXCLUDED.net_assets_fen,
       total_assets_fen = EXCLUDED.total_assets_fen, above_scale = EXCLUDED.above_scale`,
    [
      enterpriseId,
      year,
      f.revenueFen,
      f.rdFen,
      f.staff,
      f.techStaff,
      f.netAssetsFen,
      f.totalAssetsFen,
      f.aboveScale,
    ],
  );
}
