/**
 * The whole demo registry as rows, built in memory without a database: the same towns, scale and today give the
 * same rows (ids included), which the loader then inserts. Parts are built in dependency order, each from its
 * own random stream.
 */
import { createContext, type Town } from './context.ts';
import {
  buildEnterprises,
  type EnterpriseRow,
  type EnterpriseYearRow,
  type SeedEnterprise,
} from './enterprises.ts';
import { buildExperts, type ExpertRow } from './experts.ts';
import {
  buildChainTags,
  buildCooperation,
  buildHonours,
  type ChainTagRow,
  type CooperationRow,
  type HonourRow,
} from './honours.ts';
import { buildInstitutes, type InstituteRow } from './institutes.ts';
import { buildParties, type BankRow, type CarrierRow, type TalentRow } from './parties.ts';
import {
  assignPatent,
  buildPatents,
  type PatentApplicantRow,
  type PatentRow,
  type SeedPatent,
} from './patents.ts';
import { buildQualifications, type QualificationRow } from './qualifications.ts';
import { HISTORY_END } from './context.ts';
import { Rng } from './rng.ts';

export interface ProvenanceRow {
  entity_type: string;
  entity_id: string;
  field: string;
  source: 'seed';
  recorded_at: string;
}

export interface RegistryData {
  enterprises: EnterpriseRow[];
  enterpriseYears: EnterpriseYearRow[];
  institutes: InstituteRow[];
  experts: ExpertRow[];
  talents: TalentRow[];
  carriers: CarrierRow[];
  banks: BankRow[];
  qualifications: QualificationRow[];
  honours: HonourRow[];
  cooperation: CooperationRow[];
  chainTags: ChainTagRow[];
  patents: PatentRow[];
  patentApplicants: PatentApplicantRow[];
  provenance: ProvenanceRow[];
}

export interface BuildOptions {
  towns: readonly Town[];
  scale: number;
  /** Today as a day number (days since 1970-01-01). */
  today: number;
}

/** Fields of the named firms whose origin is recorded (the rest of the registry has no provenance rows). */
const PROVENANCE_FIELDS = [
  'name',
  'legal_rep',
  'registered_on',
  'address',
  'town_code',
  'industry_code',
  'hitech_field',
  'staff',
  'revenue_fen',
];
/** The demo's records are as of the day the 2017 summary was issued. */
const PROVENANCE_AT = '2018-03-18T09:00:00+08:00';

/** Patents the demo enterprise holds: [type, granted?] per patent. */
const DEMO_PATENTS: readonly (readonly ['invention' | 'utility' | 'design', boolean])[] = [
  ['invention', true],
  ['invention', true],
  ['invention', false],
  ['invention', false],
  ['utility', true],
  ['utility', true],
  ['utility', true],
  ['utility', true],
  ['utility', true],
  ['utility', false],
  ['design', true],
  ['design', true],
];

function giveDemoPatents(
  ctx: ReturnType<typeof createContext>,
  patents: SeedPatent[],
  demo: SeedEnterprise,
): void {
  const rng = Rng.stream('demo-patents');
  const taken = new Set<SeedPatent>();
  for (const [type, granted] of DEMO_PATENTS) {
    const candidates = patents.filter(
      (p) =>
        !taken.has(p) &&
        p.row.type === type &&
        p.enterprise !== null &&
        p.enterprise.key === undefined &&
        p.filedDay >= demo.registeredDay + 60 &&
        (granted ? p.grantedDay !== null && p.lapsedDay === null : p.row.legal_status === 'pending') &&
        (p.grantedDay ?? 0) <= HISTORY_END,
    );
    if (candidates.length === 0) continue;
    const p = rng.pick(candidates);
    taken.add(p);
    assignPatent(ctx, rng, p, demo, ['software', 'electronics']);
  }
}

/**
 * 浔兴 makes zips, and the title table has no zip patents: its inventions and utility models get zip titles
 * (IPC A44B19/00 拉链, with the machine's group for production equipment). Dates and numbers stay.
 */
const ZIP_TITLES: readonly (readonly [string, readonly string[]])[] = [
  ['一种拉链头自动装配机', ['A44B19/00', 'B23P19/00']],
  ['一种防水拉链', ['A44B19/00']],
  ['一种隐形拉链及其拉头', ['A44B19/00']],
  ['一种金属拉链链牙排列机构', ['A44B19/00', 'B21D53/00']],
  ['一种双开尾拉链', ['A44B19/00']],
  ['一种拉链布带染色装置', ['A44B19/00', 'D06B3/00']],
  ['一种树脂拉链注塑成型模具', ['A44B19/00', 'B29C45/00']],
  ['一种自锁式拉链拉头', ['A44B19/00']],
  ['一种尼龙拉链链牙的定型方法', ['A44B19/00']],
  ['一种拉链上止码自动安装装置', ['A44B19/00', 'B23P19/00']],
];

function giveZipTitles(ctx: ReturnType<typeof createContext>, patents: readonly SeedPatent[]): void {
  let i = 0;
  for (const p of patents) {
    if (p.enterprise?.key !== 'xunxing' || p.row.type === 'design') continue;
    const [title, ipc] = ZIP_TITLES[i++ % ZIP_TITLES.length] as (typeof ZIP_TITLES)[number];
    p.row.title = title;
    p.row.ipc_codes = [...ipc];
    p.row.search_tokens = ctx.tokens.index(title);
  }
}

export function buildRegistry(options: BuildOptions): RegistryData {
  const ctx = createContext(options.towns, options.scale, options.today);
  const institutes = buildInstitutes(ctx);
  const { enterprises, years, byKey } = buildEnterprises(ctx);
  const { patents } = buildPatents(ctx, enterprises, institutes);
  const demo = byKey.get('demo');
  if (demo) giveDemoPatents(ctx, patents, demo);
  giveZipTitles(ctx, patents);

  const patentsByEnterprise = new Map<string, number>();
  for (const p of patents) {
    if (p.enterprise && p.row.type !== 'design' && p.grantedDay !== null) {
      patentsByEnterprise.set(p.enterprise.row.id, (patentsByEnterprise.get(p.enterprise.row.id) ?? 0) + 1);
    }
  }
  const parties = buildParties(ctx, enterprises);
  const qualifications = buildQualifications(ctx, {
    enterprises,
    institutes,
    carriers: parties.carriers,
    patentsByEnterprise,
  });
  const honours = buildHonours(ctx, { enterprises, institutes, patents });
  const cooperation = buildCooperation(ctx, enterprises, institutes);
  const chainTags = buildChainTags(enterprises, institutes);
  const experts = buildExperts(ctx, enterprises, institutes);

  const provenance: ProvenanceRow[] = [];
  for (const e of byKey.values()) {
    for (const field of PROVENANCE_FIELDS) {
      provenance.push({
        entity_type: 'enterprise',
        entity_id: e.row.id,
        field,
        source: 'seed',
        recorded_at: PROVENANCE_AT,
      });
    }
  }

  return {
    enterprises: enterprises.map((e) => e.row),
    enterpriseYears: years,
    institutes: institutes.map((i) => i.row),
    experts,
    talents: parties.talents,
    carriers: parties.carriers.map((c) => c.row),
    banks: parties.banks,
    qualifications,
    honours,
    cooperation,
    chainTags,
    patents: patents.map((p) => p.row),
    patentApplicants: patents.flatMap((p) => p.applicants),
    provenance,
  };
}

/** Row counts per table, for the audit entry and the command line. */
export function registryCounts(data: RegistryData): Record<string, number> {
  return {
    enterprises: data.enterprises.length,
    enterprise_years: data.enterpriseYears.length,
    institutes: data.institutes.length,
    experts: data.experts.length,
    talents: data.talents.length,
    carriers: data.carriers.length,
    banks: data.banks.length,
    qualifications: data.qualifications.length,
    honours: data.honours.length,
    cooperation_agreements: data.cooperation.length,
    chain_tags: data.chainTags.length,
    patents: data.patents.length,
    patent_applicants: data.patentApplicants.length,
    field_provenance: data.provenance.length,
  };
}
