/**
 * The named queries behind computed indicators. Each is one row set — the records a figure counts — with the same
 * columns (kind, id, name, code, town_code, date, detail); the figure is the number of its rows, so a drill-down
 * lists exactly what was counted and its total equals the figure by construction. Parameters: $1 the first day
 * of the year, $2 its last day (the day year-end stocks stand at). Counting choices: docs/adr/0007.
 */

/** 12月31日 in force: granted by the day, not lapsed by it, the term's last day not passed (as patentValidAt). */
const VALID_INVENTION = `p.type = 'invention' AND p.granted_on <= $2::date
  AND p.legal_status NOT IN ('rejected', 'withdrawn')
  AND (p.lapsed_on IS NULL OR p.lapsed_on > $2::date) AND p.expires_on >= $2::date`;

/** Qualification kinds that count as an enterprise's R&D institution (研发机构) for the coverage. */
export const RND_PLATFORM_KINDS = [
  'provincial_key_lab',
  'provincial_eng_center',
  'new_rnd_institution',
  'academician_station',
  'postgraduate_station',
] as const;

const patents = (where: string, date: 'filed_on' | 'granted_on') => `
  SELECT 'patent' AS kind, p.id::text AS id, p.title AS name, p.application_no AS code, p.town_code,
         to_char(p.${date}, 'YYYY-MM-DD') AS date, a.name AS detail
    FROM patents p LEFT JOIN patent_applicants a ON a.patent_id = p.id AND a.position = 1
   WHERE ${where}`;

/** Qualifications of `kind` issued in the year, whoever holds them (enterprise, institute or carrier). */
const issued = (kind: string) => `
  SELECT 'qualification' AS kind, q.id::text AS id, COALESCE(e.name, i.name, c.name) AS name, q.certificate_no AS code,
         COALESCE(e.town_code, i.town_code, c.town_code) AS town_code, to_char(q.issued_on, 'YYYY-MM-DD') AS date,
         COALESCE(e.uscc, i.uscc) AS detail
    FROM qualifications q
    LEFT JOIN enterprises e ON q.holder_type = 'enterprise' AND e.id = q.holder_id
    LEFT JOIN institutes i ON q.holder_type = 'institute' AND i.id = q.holder_id
    LEFT JOIN carriers c ON q.holder_type = 'carrier' AND c.id = q.holder_id
   WHERE q.kind = '${kind}' AND q.issued_on BETWEEN $1::date AND $2::date`;

/** Carriers (众创空间, 孵化器, 星创天地) holding a provincial recognition of `kind` in force on 31 December. */
const carriersRecognised = (kind: string) => `
  SELECT 'qualification' AS kind, q.id::text AS id, c.name, q.certificate_no AS code, c.town_code,
         to_char(q.issued_on, 'YYYY-MM-DD') AS date, c.code AS detail
    FROM qualifications q JOIN carriers c ON c.id = q.holder_id
   WHERE q.holder_type = 'carrier' AND q.kind = '${kind}' AND q.issued_on <= $2::date
     AND (q.valid_to IS NULL OR q.valid_to >= $2::date)`;

/** Honours of the year's award round (by the year it is awarded for), optionally of one grade. */
const honours = (award: string, grade?: string) => `
  SELECT 'honour' AS kind, h.id::text AS id, h.holder_name AS name, h.grade AS code,
         COALESCE(e.town_code, i.town_code) AS town_code, NULL::text AS date, h.project_title AS detail
    FROM honours h
    LEFT JOIN enterprises e ON h.holder_type = 'enterprise' AND e.id = h.holder_id
    LEFT JOIN institutes i ON h.holder_type = 'institute' AND i.id = h.holder_id
   WHERE h.award = '${award}' AND h.year = extract(year FROM $2::date)::int
     ${grade ? `AND h.grade = '${grade}'` : ''}`;

/** People and teams selected for a talent programme in the year. */
const talents = (programme: string) => `
  SELECT 'talent' AS kind, t.id::text AS id, t.name, t.programme AS code, e.town_code, NULL::text AS date,
         e.name AS detail
    FROM talents t LEFT JOIN enterprises e ON e.id = t.enterprise_id
   WHERE t.programme = '${programme}' AND t.year = extract(year FROM $2::date)::int`;

/** Above-scale (规上) enterprises of the year, optionally those meeting (or missing) a condition on `e`. */
const aboveScale = (condition = 'TRUE') => `
  SELECT 'enterprise' AS kind, e.id::text AS id, e.name, e.uscc AS code, e.town_code, NULL::text AS date,
         e.industry_code AS detail
    FROM enterprise_years y JOIN enterprises e ON e.id = y.enterprise_id
   WHERE y.year = extract(year FROM $2::date)::int AND y.above_scale AND ${condition}`;

const HAS_INVENTION = `EXISTS (SELECT 1 FROM patent_applicants a JOIN patents p ON p.id = a.patent_id
  WHERE a.holder_type = 'enterprise' AND a.holder_id = e.id AND ${VALID_INVENTION})`;
const HAS_RND_PLATFORM = `EXISTS (SELECT 1 FROM qualifications q
  WHERE q.holder_type = 'enterprise' AND q.holder_id = e.id
    AND q.kind IN (${RND_PLATFORM_KINDS.map((k) => `'${k}'`).join(', ')})
    AND q.issued_on <= $2::date AND (q.valid_to IS NULL OR q.valid_to >= $2::date))`;
const HAS_COOPERATION = `EXISTS (SELECT 1 FROM cooperation_agreements c
  WHERE c.enterprise_id = e.id AND c.signed_on <= $2::date AND (c.valid_to IS NULL OR c.valid_to >= $2::date))`;

export const QUERIES = {
  /** Enterprises holding an HNTE certificate in force on 31 December, each once (its latest certificate). */
  'hnte.valid': `
    SELECT DISTINCT ON (q.holder_id) 'qualification' AS kind, q.id::text AS id, e.name, q.certificate_no AS code,
           e.town_code, to_char(q.issued_on, 'YYYY-MM-DD') AS date, e.uscc AS detail
      FROM qualifications q JOIN enterprises e ON e.id = q.holder_id
     WHERE q.holder_type = 'enterprise' AND q.kind = 'hnte' AND q.issued_on <= $2::date
       AND (q.valid_to IS NULL OR q.valid_to >= $2::date)
     ORDER BY q.holder_id, q.issued_on DESC`,
  'hnte.new': issued('hnte'),
  'platforms.new_key_lab': issued('provincial_key_lab'),
  'platforms.new_eng_center': issued('provincial_eng_center'),
  'platforms.new_rnd_institution': issued('new_rnd_institution'),
  'qualifications.new_provincial_tech_enterprise': issued('provincial_tech_enterprise'),
  'qualifications.new_little_giant': issued('little_giant_pool'),
  'carriers.new_provincial_maker_space': issued('maker_space'),
  'carriers.new_provincial_star_space': issued('star_space'),
  'carriers.provincial_maker_space': carriersRecognised('maker_space'),
  'carriers.provincial_incubator': carriersRecognised('incubator'),
  'honours.china_patent_excellence': honours('china_patent_award', 'excellence'),
  'honours.city_sti': honours('city_sti_award'),
  'honours.city_sti_major_contribution': honours('city_sti_award', 'major_contribution'),
  'honours.city_sti_first': honours('city_sti_award', 'first'),
  'honours.city_sti_second': honours('city_sti_award', 'second'),
  'honours.city_sti_third': honours('city_sti_award', 'third'),
  'honours.city_sti_entrepreneurship': honours('city_sti_award', 'entrepreneurship'),
  'honours.city_sti_enterprise_innovation': honours('city_sti_award', 'enterprise_innovation'),
  'talents.provincial_tech_entrepreneur': talents('provincial_tech_entrepreneur_talent'),
  'talents.maker_angel_teams': talents('maker_angel_plan'),
  'talents.overseas_advisers': talents('overseas_adviser'),
  'patents.applications': patents('p.filed_on BETWEEN $1::date AND $2::date', 'filed_on'),
  'patents.grants': patents('p.granted_on BETWEEN $1::date AND $2::date', 'granted_on'),
  'patents.invention_applications': patents(
    `p.type = 'invention' AND p.filed_on BETWEEN $1::date AND $2::date`,
    'filed_on',
  ),
  'patents.invention_grants': patents(
    `p.type = 'invention' AND p.granted_on BETWEEN $1::date AND $2::date`,
    'granted_on',
  ),
  'patents.valid_invention': patents(VALID_INVENTION, 'granted_on'),
  'above_scale.count': aboveScale(),
  'above_scale.with_invention': aboveScale(HAS_INVENTION),
  'above_scale.without_invention': aboveScale(`NOT ${HAS_INVENTION}`),
  'above_scale.with_rnd_platform': aboveScale(HAS_RND_PLATFORM),
  'above_scale.without_rnd_platform': aboveScale(`NOT ${HAS_RND_PLATFORM}`),
  'above_scale.with_cooperation': aboveScale(HAS_COOPERATION),
  'above_scale.without_cooperation': aboveScale(`NOT ${HAS_COOPERATION}`),
} as const;

export type QueryName = keyof typeof QUERIES;

export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(QUERIES, name);
}
