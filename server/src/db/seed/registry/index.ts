/**
 * The Jinjiang demo registry (主体库): `seedRegistry(db, { scale, today })` fills an empty registry with
 * deterministic demo data — enterprises with yearly figures, institutes, experts, carriers, banks, talents,
 * qualifications, honours, cooperation agreements, chain tags and patents — whose 2017 figures reproduce the
 * bureau's 2017 summary. One transaction, one audit entry (`demo.seeded`), then statistics are refreshed.
 * A registry that already has enterprises is left alone.
 */
import { writeAudit } from '../../../platform/audit.ts';
import { systemContext, type RequestContext } from '../../../platform/context.ts';
import { analyse, type Database } from '../../../platform/db/index.ts';
import { buildRegistry, registryCounts, type RegistryData } from './build.ts';
import type { Town } from './context.ts';
import { insertRows, withDeferredIndexesAndKeys } from './insert.ts';
import { parseDay } from './rng.ts';

export { buildRegistry, registryCounts, type RegistryData } from './build.ts';

export interface RegistrySeedOptions {
  /** Multiplies enterprises, experts and patents; fractions (e.g. 0.05) make small test databases. Default 1. */
  scale?: number;
  /** Today, for work-in-progress dates (certificates about to expire): a Date or `YYYY-MM-DD` (China time). */
  today: Date | string;
  /** Who seeds, for the audit entry; a system context by default. */
  ctx?: RequestContext;
}

export interface RegistrySeedResult {
  /** False when the registry already had enterprises and nothing was written. */
  seeded: boolean;
  counts: Record<string, number>;
}

const LOADED_TABLES = [
  'institutes',
  'enterprises',
  'enterprise_years',
  'experts',
  'talents',
  'carriers',
  'banks',
  'qualifications',
  'honours',
  'cooperation_agreements',
  'chain_tags',
  'patents',
  'patent_applicants',
  'field_provenance',
];

/** The calendar day in China (UTC+8, no daylight saving) of an instant, or the given YYYY-MM-DD. */
export function chinaDay(today: Date | string): number {
  if (typeof today === 'string') return parseDay(today);
  return parseDay(new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
}

async function countyTowns(db: Database): Promise<Town[]> {
  const { rows } = await db.query<Town>(
    `SELECT code, name, kind FROM divisions WHERE kind IN ('street', 'town', 'zone') AND code LIKE '350582%' ORDER BY sort_order, code`,
  );
  return rows;
}

async function load(db: Database, data: RegistryData, ctx: RequestContext, scale: number): Promise<void> {
  const counts = registryCounts(data);
  await db.transaction(async (tx) => {
    await withDeferredIndexesAndKeys(tx, LOADED_TABLES, async () => {
      await insertRows(
        tx,
        'institutes',
        ['id', 'name', 'kind', 'uscc', 'address', 'town_code', 'search_tokens'],
        data.institutes,
      );
      await insertRows(
        tx,
        'enterprises',
        [
          'id',
          'uscc',
          'name',
          'former_names',
          'legal_rep',
          'registered_on',
          'address',
          'town_code',
          'industry_code',
          'hitech_field',
          'staff',
          'revenue_fen',
          'contact_name',
          'search_tokens',
        ],
        data.enterprises,
      );
      await insertRows(
        tx,
        'enterprise_years',
        [
          'enterprise_id',
          'year',
          'revenue_fen',
          'rd_fen',
          'staff',
          'tech_staff',
          'net_assets_fen',
          'total_assets_fen',
          'above_scale',
        ],
        data.enterpriseYears,
        { batchSize: 2000 },
      );
      await insertRows(
        tx,
        'experts',
        [
          'id',
          'code',
          'name',
          'title',
          'employer_uscc',
          'institute_id',
          'fields',
          'ipc_classes',
          'expertise',
          'relations',
          'available',
          'search_tokens',
        ],
        data.experts,
      );
      await insertRows(
        tx,
        'talents',
        ['id', 'kind', 'name', 'leader_name', 'enterprise_id', 'programme', 'year', 'field'],
        data.talents,
      );
      await insertRows(
        tx,
        'carriers',
        ['id', 'code', 'name', 'kind', 'operator_uscc', 'town_code', 'area_m2', 'tenants'],
        data.carriers,
      );
      await insertRows(tx, 'banks', ['id', 'code', 'name', 'kind', 'uscc'], data.banks);
      await insertRows(
        tx,
        'qualifications',
        ['id', 'holder_type', 'holder_id', 'kind', 'certificate_no', 'issued_on', 'valid_to', 'source'],
        data.qualifications,
      );
      await insertRows(
        tx,
        'honours',
        [
          'id',
          'holder_type',
          'holder_id',
          'holder_name',
          'award',
          'grade',
          'rank_among_units',
          'year',
          'project_title',
        ],
        data.honours,
      );
      await insertRows(
        tx,
        'cooperation_agreements',
        ['id', 'enterprise_id', 'institute_id', 'subject', 'signed_on', 'valid_to'],
        data.cooperation,
      );
      await insertRows(tx, 'chain_tags', ['holder_type', 'holder_id', 'chain', 'segment'], data.chainTags);
      await insertRows(
        tx,
        'patents',
        [
          'id',
          'application_no',
          'type',
          'title',
          'ipc_codes',
          'filed_on',
          'published_on',
          'granted_on',
          'legal_status',
          'lapsed_on',
          'expires_on',
          'applicant_kind',
          'town_code',
          'search_tokens',
        ],
        data.patents,
        { optional: ['expires_on'] },
      );
      await insertRows(
        tx,
        'patent_applicants',
        ['patent_id', 'position', 'holder_type', 'holder_id', 'name'],
        data.patentApplicants,
        { batchSize: 2000 },
      );
      await insertRows(
        tx,
        'field_provenance',
        ['entity_type', 'entity_id', 'field', 'source', 'recorded_at'],
        data.provenance,
      );
    });
    await writeAudit(tx, ctx, { action: 'demo.seeded', entityType: 'registry', changes: { scale, counts } });
  });
}

export async function seedRegistry(db: Database, options: RegistrySeedOptions): Promise<RegistrySeedResult> {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0)
    throw new RangeError(`the registry scale must be a positive number, got ${scale}`);
  const existing = await db.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM enterprises) AS present',
  );
  if (existing.rows[0]?.present) return { seeded: false, counts: {} };
  const towns = await countyTowns(db);
  const data = buildRegistry({ towns, scale, today: chinaDay(options.today) });
  await load(db, data, options.ctx ?? systemContext('seed-registry'), scale);
  await analyse(db);
  return { seeded: true, counts: registryCounts(data) };
}
