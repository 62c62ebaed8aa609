/**
 * Reads what the registry holds about enterprises for an assessment, for one enterprise or many at once (the
 * pipeline ranks all of them): profile, yearly figures, patents in force on a day, qualifications and honours.
 * Read-only SQL over the registry tables; amounts come back as bigint 分.
 */
import type { Executor } from '../../platform/db/index.ts';

export interface RegistryEnterprise {
  id: string;
  uscc: string;
  name: string;
  townCode: string | null;
  townName: string | null;
  registeredOn: string | null;
  hitechField: string | null;
  industryCode: string | null;
}

export interface RegistryYear {
  year: number;
  revenueFen: bigint | null;
  rdFen: bigint | null;
  staff: number | null;
  techStaff: number | null;
  netAssetsFen: bigint | null;
  totalAssetsFen: bigint | null;
}

/** Granted patents in force on the day, held by the enterprise, by kind. */
export interface PatentCounts {
  invention: number;
  utility: number;
  design: number;
}

export interface RegistryQualification {
  kind: string;
  certificateNo: string | null;
  issuedOn: string;
  validTo: string | null;
}

export interface RegistryHonour {
  award: string;
  grade: string | null;
  rankAmongUnits: number | null;
  year: number;
  projectTitle: string | null;
}

export interface RegistryFacts {
  enterprise: RegistryEnterprise;
  years: Map<number, RegistryYear>;
  patents: PatentCounts;
  qualifications: RegistryQualification[];
  honours: RegistryHonour[];
}

const big = (v: string | null): bigint | null => (v === null ? null : BigInt(v));

async function enterprisesOf(ex: Executor, ids: readonly string[]): Promise<RegistryEnterprise[]> {
  const { rows } = await ex.query<{
    id: string;
    uscc: string;
    name: string;
    town_code: string | null;
    town_name: string | null;
    registered_on: string | null;
    hitech_field: string | null;
    industry_code: string | null;
  }>(
    `SELECT e.id, e.uscc, e.name, e.town_code, d.name AS town_name, to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on,
       e.hitech_field, e.industry_code
     FROM enterprises e LEFT JOIN divisions d ON d.code = e.town_code
     WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    townCode: r.town_code,
    townName: r.town_name,
    registeredOn: r.registered_on,
    hitechField: r.hitech_field,
    industryCode: r.industry_code,
  }));
}

async function yearsOf(
  ex: Executor,
  ids: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, Map<number, RegistryYear>>> {
  const { rows } = await ex.query<{
    enterprise_id: string;
    year: number;
    revenue_fen: string | null;
    rd_fen: string | null;
    staff: number | null;
    tech_staff: number | null;
    net_assets_fen: string | null;
    total_assets_fen: string | null;
  }>(
    `SELECT enterprise_id, year, revenue_fen::text AS revenue_fen, rd_fen::text AS rd_fen, staff, tech_staff,
       net_assets_fen::text AS net_assets_fen, total_assets_fen::text AS total_assets_fen
     FROM enterprise_years WHERE enterprise_id = ANY($1::uuid[]) AND year BETWEEN $2 AND $3`,
    [ids, fromYear, toYear],
  );
  const out = new Map<string, Map<number, RegistryYear>>();
  for (const r of rows) {
    let years = out.get(r.enterprise_id);
    if (!years) out.set(r.enterprise_id, (years = new Map<number, RegistryYear>()));
    years.set(Number(r.year), {
      year: Number(r.year),
      revenueFen: big(r.revenue_fen),
      rdFen: big(r.rd_fen),
      staff: r.staff,
      techStaff: r.tech_staff,
      netAssetsFen: big(r.net_assets_fen),
      totalAssetsFen: big(r.total_assets_fen),
    });
  }
  return out;
}

/**
 * Patents in force on `day` with the enterprise among their holders: the same test as the registry's
 * "valid at" filter and `patentValidAt` (granted by the day, not lapsed by it, the statutory term not over).
 */
async function patentCountsOf(
  ex: Executor,
  ids: readonly string[],
  day: string,
): Promise<Map<string, PatentCounts>> {
  const { rows } = await ex.query<{ enterprise_id: string; type: keyof PatentCounts; n: number }>(
    `SELECT pa.holder_id AS enterprise_id, p.type, count(DISTINCT p.id)::int AS n
     FROM patents p JOIN patent_applicants pa ON pa.patent_id = p.id AND pa.holder_type = 'enterprise'
     WHERE pa.holder_id = ANY($1::uuid[]) AND p.granted_on <= $2::date AND p.legal_status NOT IN ('rejected', 'withdrawn')
       AND (p.lapsed_on IS NULL OR p.lapsed_on > $2::date) AND p.expires_on >= $2::date
     GROUP BY pa.holder_id, p.type`,
    [ids, day],
  );
  const out = new Map<string, PatentCounts>();
  for (const r of rows) {
    let counts = out.get(r.enterprise_id);
    if (!counts) out.set(r.enterprise_id, (counts = { invention: 0, utility: 0, design: 0 }));
    counts[r.type] = Number(r.n);
  }
  return out;
}

async function qualificationsOf(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, RegistryQualification[]>> {
  const { rows } = await ex.query<{
    holder_id: string;
    kind: string;
    certificate_no: string | null;
    issued_on: string;
    valid_to: string | null;
  }>(
    `SELECT holder_id, kind, certificate_no, to_char(issued_on, 'YYYY-MM-DD') AS issued_on,
       to_char(valid_to, 'YYYY-MM-DD') AS valid_to
     FROM qualifications WHERE holder_type = 'enterprise' AND holder_id = ANY($1::uuid[])
     ORDER BY issued_on DESC, kind`,
    [ids],
  );
  const out = new Map<string, RegistryQualification[]>();
  for (const r of rows) {
    const list = out.get(r.holder_id) ?? [];
    list.push({ kind: r.kind, certificateNo: r.certificate_no, issuedOn: r.issued_on, validTo: r.valid_to });
    out.set(r.holder_id, list);
  }
  return out;
}

async function honoursOf(ex: Executor, ids: readonly string[]): Promise<Map<string, RegistryHonour[]>> {
  const { rows } = await ex.query<{
    holder_id: string;
    award: string;
    grade: string | null;
    rank_among_units: number | null;
    year: number;
    project_title: string | null;
  }>(
    `SELECT holder_id, award, grade, rank_among_units, year, project_title
     FROM honours WHERE holder_type = 'enterprise' AND holder_id = ANY($1::uuid[])
     ORDER BY year DESC, award`,
    [ids],
  );
  const out = new Map<string, RegistryHonour[]>();
  for (const r of rows) {
    const list = out.get(r.holder_id) ?? [];
    list.push({
      award: r.award,
      grade: r.grade,
      rankAmongUnits: r.rank_among_units,
      year: Number(r.year),
      projectTitle: r.project_title,
    });
    out.set(r.holder_id, list);
  }
  return out;
}

/**
 * Everything an assessment on `day` reads from the registry, for each enterprise that exists; five queries
 * whatever the number of enterprises. Years from `fromYear` to `toYear` are loaded.
 */
export async function loadRegistryFacts(
  ex: Executor,
  ids: readonly string[],
  day: string,
  fromYear: number,
  toYear: number,
): Promise<Map<string, RegistryFacts>> {
  if (ids.length === 0) return new Map();
  const [enterprises, years, patents, qualifications, honours] = await Promise.all([
    enterprisesOf(ex, ids),
    yearsOf(ex, ids, fromYear, toYear),
    patentCountsOf(ex, ids, day),
    qualificationsOf(ex, ids),
    honoursOf(ex, ids),
  ]);
  const out = new Map<string, RegistryFacts>();
  for (const enterprise of enterprises) {
    out.set(enterprise.id, {
      enterprise,
      years: years.get(enterprise.id) ?? new Map<number, RegistryYear>(),
      patents: patents.get(enterprise.id) ?? { invention: 0, utility: 0, design: 0 },
      qualifications: qualifications.get(enterprise.id) ?? [],
      honours: honours.get(enterprise.id) ?? [],
    });
  }
  return out;
}

/** The registry id of an enterprise by its credit code (an enterprise user's scope). */
export async function enterpriseIdByUscc(ex: Executor, uscc: string): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>('SELECT id FROM enterprises WHERE uscc = $1', [uscc]);
  return rows[0]?.id ?? null;
}
