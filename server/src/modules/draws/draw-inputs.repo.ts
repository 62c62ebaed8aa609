/**
 * What a draw reads from the registry: every expert with the facts the pool rules check, the parties under review
 * with their partner institutes, co-applications on their patents, and names for the officer view.
 */
import type { Executor } from '../../platform/db/index.ts';

/** One expert as the pool rules see them: code, kind, available, fields, IPC classes, employer, institute id,
 * institute credit code, declared relations (null when none) and load. */
export type CandidateTuple = [
  code: string,
  kind: string,
  available: boolean,
  fields: string[] | null,
  ipcClasses: string[] | null,
  employerUscc: string | null,
  instituteId: string | null,
  instituteUscc: string | null,
  relations: { kind: string; uscc?: string; until?: string }[] | null,
  load: number,
];

const SEATS = `seats AS (
  SELECT s.code, count(*)::int AS n
  FROM draws d CROSS JOIN LATERAL jsonb_array_elements_text(d.current_panel) AS s(code)
  WHERE d.status = 'drawn' GROUP BY s.code
)`;

const TUPLE = `json_build_array(x.code, x.panel_kind, x.available, x.fields, x.ipc_classes, x.employer_uscc,
  x.institute_id, x.institute_uscc, CASE WHEN x.relations = '[]'::jsonb THEN NULL ELSE x.relations END, x.load)`;

/**
 * Every expert in full, with their load: the seats they hold on the current panels of drawn draws (a draw is open
 * until the review workflow closes it, so every drawn panel counts). The reference `screenCandidates` is tested
 * against (draws-screening.test.ts); the draw itself reads only what `screenCandidates` returns.
 */
export async function candidateRows(db: Executor): Promise<CandidateTuple[]> {
  const { rows } = await db.query<{ rows: string }>(
    `WITH ${SEATS}, x AS (
       SELECT x.*, i.uscc AS institute_uscc, coalesce(s.n, 0) AS load
       FROM experts x LEFT JOIN institutes i ON i.id = x.institute_id LEFT JOIN seats s ON s.code = x.code
     )
     SELECT coalesce(json_agg(${TUPLE})::text, '[]') AS rows FROM x`,
  );
  return JSON.parse(rows[0]?.rows ?? '[]') as CandidateTuple[];
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator), as a PostgreSQL bracket expression: IPC classes are compared
 * without it, exactly as pool.ts does. */
const JS_WHITESPACE = `[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+`;

export interface ScreenFilter {
  /** The asked-for field codes and every code below them; empty means any field. */
  fieldCodes: string[];
  ipcPrefixes: string[];
  maxLoad: number | null;
  /** Applicant credit codes and their institutes' ids: an expert employed by one may conflict. */
  partyKeys: string[];
  applicantUsccs: string[];
  coApplicantCodes: string[];
}

export interface Screened {
  counts: { candidates: number; available: number; field: number; load: number };
  /** The eligible experts that cannot conflict, one `code<TAB>kind` line each, in no set order ('' when none). */
  clearLines: string;
  clearCount: number;
  suspects: CandidateTuple[];
}

/**
 * The eligibility stages of pool.ts applied in the database: counts, clear experts and possible conflicts. The
 * possible conflicts are found set-wise, by index (migration 0016): employed by a party key (applicant credit code or
 * institute id) or by an institute holding one, a declared relation naming an applicant, a co-applicant code; each
 * expert is then only looked up in that small set. The clear experts come back as one text of pool lines (the
 * canonical order is set by `freezeScreenedPool`).
 */
export async function screenCandidates(db: Executor, f: ScreenFilter): Promise<Screened> {
  const { rows } = await db.query<{
    candidates: number;
    available: number;
    field: number;
    load: number;
    clear_lines: string | null;
    suspects: string;
  }>(
    `WITH ${SEATS}, suspect AS MATERIALIZED (
       SELECT code FROM experts WHERE employer_uscc = ANY($5::text[])
       UNION
       SELECT code FROM experts
       WHERE institute_id IN (SELECT id FROM institutes WHERE id::text = ANY($5::text[]) OR uscc = ANY($5::text[]))
       UNION
       SELECT x.code FROM unnest($6::text[]) AS a(uscc)
         JOIN experts x ON x.relations @> jsonb_build_array(jsonb_build_object('uscc', a.uscc))
       UNION
       SELECT code FROM unnest($7::text[]) AS c(code)
     ), x AS (
       SELECT x.code, x.panel_kind, x.available, x.fields, x.ipc_classes, x.employer_uscc, x.institute_id,
         i.uscc AS institute_uscc, x.relations, coalesce(s.n, 0) AS load,
         x.available
           AND (cardinality($1::text[]) = 0 OR x.fields && $1::text[])
           AND (cardinality($2::text[]) = 0 OR EXISTS (
             SELECT 1 FROM unnest(x.ipc_classes) AS c(v), unnest($2::text[]) AS p(v)
             WHERE starts_with(regexp_replace(c.v, $3::text, '', 'g'), p.v))) AS fits,
         x.code IN (SELECT code FROM suspect) AS suspect
       FROM experts x LEFT JOIN institutes i ON i.id = x.institute_id LEFT JOIN seats s ON s.code = x.code
     ), e AS (
       SELECT x.*, x.fits AND ($4::int IS NULL OR x.load < $4::int) AS eligible FROM x
     )
     SELECT count(*)::int AS candidates,
       (count(*) FILTER (WHERE x.available))::int AS available,
       (count(*) FILTER (WHERE x.fits))::int AS field,
       (count(*) FILTER (WHERE x.eligible))::int AS load,
       string_agg(x.code || E'\t' || x.panel_kind, E'\n') FILTER (WHERE x.eligible AND NOT x.suspect) AS clear_lines,
       coalesce((json_agg(${TUPLE}) FILTER (WHERE x.eligible AND x.suspect))::text, '[]') AS suspects
     FROM e AS x`,
    [
      f.fieldCodes,
      f.ipcPrefixes,
      JS_WHITESPACE,
      f.maxLoad,
      f.partyKeys,
      f.applicantUsccs,
      f.coApplicantCodes,
    ],
  );
  const r = rows[0]!;
  const suspects = JSON.parse(r.suspects) as CandidateTuple[];
  return {
    counts: { candidates: r.candidates, available: r.available, field: r.field, load: r.load },
    clearLines: r.clear_lines ?? '',
    // Every eligible expert is clear or a suspect.
    clearCount: r.load - suspects.length,
    suspects,
  };
}

export interface PartyRow {
  uscc: string;
  kind: 'enterprise' | 'institute';
  id: string;
  name: string;
}

/** The registered enterprises and institutes holding these credit codes. */
export async function partiesByUscc(db: Executor, usccs: readonly string[]): Promise<PartyRow[]> {
  const { rows } = await db.query<PartyRow>(
    `SELECT uscc, 'enterprise' AS kind, id, name FROM enterprises WHERE uscc = ANY($1::text[])
     UNION ALL
     SELECT uscc, 'institute' AS kind, id, name FROM institutes WHERE uscc = ANY($1::text[])`,
    [usccs],
  );
  return rows;
}

/**
 * Institutes an applicant enterprise co-operates with under an agreement that held at some time in the avoidance
 * window (signed by `asOf`, not ended before `since`): their staff are avoided like the applicant's own.
 */
export async function partnerInstitutes(
  db: Executor,
  enterpriseIds: readonly string[],
  since: string,
  asOf: string,
): Promise<{ enterprise_id: string; institute_id: string }[]> {
  if (enterpriseIds.length === 0) return [];
  const { rows } = await db.query<{ enterprise_id: string; institute_id: string }>(
    `SELECT DISTINCT enterprise_id, institute_id FROM cooperation_agreements
     WHERE enterprise_id = ANY($1::uuid[]) AND signed_on <= $3::date AND (valid_to IS NULL OR valid_to >= $2::date)
     ORDER BY enterprise_id, institute_id`,
    [enterpriseIds, since, asOf],
  );
  return rows;
}

export interface CoApplicationRow {
  uscc: string;
  code: string;
  date: string;
}

/**
 * Experts named as a person co-applicant on a patent of an applicant filed in [since, asOf]. The registry has no
 * person identifier on patents, so the match is by the expert's name (ADR 0005); a false match is what an officer's
 * override is for. The date is the filing day of the latest such patent.
 */
export async function coApplications(
  db: Executor,
  parties: readonly PartyRow[],
  since: string,
  asOf: string,
): Promise<CoApplicationRow[]> {
  if (parties.length === 0) return [];
  const { rows } = await db.query<CoApplicationRow>(
    `WITH parties AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) AS t(uscc, holder_type, holder_id)
     )
     SELECT pt.uscc, x.code, to_char(max(p.filed_on), 'YYYY-MM-DD') AS date
     FROM parties pt
     JOIN patent_applicants pa ON pa.holder_type = pt.holder_type AND pa.holder_id = pt.holder_id
     JOIN patents p ON p.id = pa.patent_id AND p.filed_on BETWEEN $4::date AND $5::date
     JOIN patent_applicants pp ON pp.patent_id = p.id AND pp.holder_type = 'person'
     JOIN experts x ON x.name = pp.name
     GROUP BY pt.uscc, x.code
     ORDER BY pt.uscc, x.code`,
    [parties.map((p) => p.uscc), parties.map((p) => p.kind), parties.map((p) => p.id), since, asOf],
  );
  return rows;
}

export interface ExpertNameRow {
  code: string;
  name: string;
  title: string | null;
  panel_kind: string;
}

export async function expertNames(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, ExpertNameRow>> {
  if (codes.length === 0) return new Map();
  const { rows } = await db.query<ExpertNameRow>(
    'SELECT code, name, title, panel_kind FROM experts WHERE code = ANY($1::text[])',
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export async function instituteNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM institutes WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Demo data: about one expert in six becomes a financial expert (codes whose number is a multiple of six), once —
 * when every expert is still technical. Returns how many changed.
 */
export async function assignDemoKinds(tx: Executor): Promise<number> {
  const { rows } = await tx.query<{ any_kind: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM experts WHERE panel_kind <> 'technical') AS any_kind",
  );
  if (rows[0]?.any_kind) return 0;
  const { rowCount } = await tx.query(
    `UPDATE experts SET panel_kind = 'financial'
     WHERE code ~ '^EXP-[0-9]{1,12}$' AND substring(code FROM 5)::bigint % 6 = 0`,
  );
  return rowCount;
}
