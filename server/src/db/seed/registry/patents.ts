/**
 * Demo patents of the county, cohort by cohort from the plan (patent-plan.ts): each filing year's applications
 * get their fate (granted in a given year, pending, rejected or withdrawn), dates that respect examination lags,
 * a valid application number whose serial grows through the year, an applicant (mostly enterprises registered
 * by the filing day, some individuals, a few institutes in 晋江) and a title of the applicant's field.
 */
import { generatePatentApplicationNumber } from '@jinke/core/common/ids/patent-number.ts';
import { patentTermLastDay } from '@jinke/core/registry/patent-status.ts';
import { HISTORY_END, type SeedContext } from './context.ts';
import type { SeedEnterprise } from './enterprises.ts';
import { FAMILIES, type DesignFamily, type TitleFamily } from './industries.data.ts';
import type { SeedInstitute } from './institutes.ts';
import { personName } from './names.ts';
import { applyLapses } from './patent-fates.ts';
import { typeQuota, type SeedPatentType } from './patent-plan.ts';
import { designTitle, titleBook, type SourceTitle } from './patent-titles.ts';
import { dayBetween, dayOf, isoDay, Rng, scaled, WeightedPicker } from './rng.ts';

export interface PatentRow {
  id: string;
  application_no: string;
  type: SeedPatentType;
  title: string;
  ipc_codes: string[];
  filed_on: string;
  published_on: string | null;
  granted_on: string | null;
  legal_status: 'pending' | 'granted' | 'rejected' | 'withdrawn' | 'lapsed' | 'expired';
  lapsed_on: string | null;
  /** Last day of the statutory term (专利法 第四十二条), as the registry writes it. */
  expires_on: string;
  applicant_kind: 'enterprise' | 'institute' | 'individual';
  town_code: string | null;
  search_tokens: string;
}

export interface PatentApplicantRow {
  patent_id: string;
  position: number;
  holder_type: 'enterprise' | 'institute' | 'person';
  holder_id: string | null;
  name: string;
}

export interface SeedPatent {
  row: PatentRow;
  filedDay: number;
  grantedDay: number | null;
  lapsedDay: number | null;
  applicants: PatentApplicantRow[];
  /** The first applicant when it is an enterprise. */
  enterprise: SeedEnterprise | null;
}

/** Minimum days from filing to grant: 实用新型 and 外观设计 are examined formally, 发明 substantively. */
const MIN_LAG: Record<SeedPatentType, number> = { invention: 300, utility: 110, design: 70 };

/** Who applies, by type (2017 subsidy split: 2,578 enterprise and 1,292 individual patents). */
const APPLICANT_SHARES: Record<
  SeedPatentType,
  readonly (readonly ['enterprise' | 'individual' | 'institute', number])[]
> = {
  invention: [
    ['enterprise', 0.7],
    ['individual', 0.22],
    ['institute', 0.08],
  ],
  utility: [
    ['enterprise', 0.63],
    ['individual', 0.34],
    ['institute', 0.03],
  ],
  design: [
    ['enterprise', 0.65],
    ['individual', 0.35],
  ],
};

/** National application volumes set the width of each year's serial range (approximate, growing). */
function serialRange(year: number, type: SeedPatentType): number {
  const base = { invention: 300_000, utility: 250_000, design: 380_000 }[type];
  const step = { invention: 95_000, utility: 115_000, design: 22_000 }[type];
  return Math.min(9_999_000, base + (year - 2004) * step);
}

const INDIVIDUAL_TITLES = WeightedPicker.of<TitleFamily>([
  ['machinery', 4],
  ['footwear', 2],
  ['materials', 2],
  ['food', 1],
  ['building', 1],
  ['electronics', 2],
  ['software', 1],
  ['energy', 1],
  ['textile', 1],
  ['paper', 1],
]);
const INDIVIDUAL_DESIGNS = WeightedPicker.of<DesignFamily>([
  ['shoes', 4],
  ['apparel', 3],
  ['goods', 3],
  ['food', 1],
  ['ceramics', 1],
  ['fabric', 1],
  ['paper', 1],
  ['electronics', 1],
]);

class Numbering {
  private readonly used = new Map<string, Set<number>>();
  constructor(private readonly rng: Rng) {}
  /** An unused serial placed by the day of the year, so numbers grow with filing dates as real ones do. */
  next(type: SeedPatentType, filedDay: number, year: number): string {
    const key = `${year}${type}`;
    const used = this.used.get(key) ?? new Set<number>();
    this.used.set(key, used);
    const range = serialRange(year, type);
    const fraction = (filedDay - dayOf(year, 1, 1)) / 366;
    let serial = Math.max(1, Math.floor(fraction * range) + this.rng.int(0, 900));
    while (used.has(serial)) serial++;
    used.add(serial);
    return generatePatentApplicationNumber(year, type, serial);
  }
}

interface Pickers {
  enterprise: Record<SeedPatentType, WeightedPicker<SeedEnterprise>>;
  registered: number[];
  institutes: SeedInstitute[];
  /** Individual applicants: a pool of inventors, a few of whom file often (Zipf-like weights). */
  inventors: WeightedPicker<string>;
}

export const INVENTORS_AT_SCALE_1 = 3000;

function buildPickers(
  ctx: SeedContext,
  enterprises: readonly SeedEnterprise[],
  institutes: readonly SeedInstitute[],
): Pickers {
  const rng = Rng.stream('inventors');
  const inventors = Array.from({ length: scaled(INVENTORS_AT_SCALE_1, ctx.scale, 20) }, () =>
    personName(rng),
  );
  const sorted = [...enterprises].sort((a, b) => a.registeredDay - b.registeredDay);
  const picker = (type: SeedPatentType) =>
    new WeightedPicker(
      sorted,
      sorted.map((e) => e.patentWeight * FAMILIES[e.family].mix[type]),
    );
  return {
    enterprise: { invention: picker('invention'), utility: picker('utility'), design: picker('design') },
    registered: sorted.map((e) => e.registeredDay),
    institutes: institutes.filter((i) => i.local),
    inventors: new WeightedPicker(
      inventors,
      inventors.map((_, i) => 1 / (i + 10)),
    ),
  };
}

/** How many enterprises were registered on or before `day` (they are sorted by registration). */
function registeredBy(registered: readonly number[], day: number): number {
  let lo = 0;
  let hi = registered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((registered[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Filing day in the cohort year and grant day in `grantYear`, at least the examination lag apart. */
function grantDays(rng: Rng, type: SeedPatentType, cohort: number, grantYear: number): [number, number] {
  const min = MIN_LAG[type];
  const yearEnd = dayOf(grantYear, 12, 31);
  const filed =
    grantYear === cohort
      ? dayBetween(rng, dayOf(cohort, 1, 1), yearEnd - min)
      : dayBetween(rng, dayOf(cohort, 1, 1), dayOf(cohort, 12, 31));
  const granted = dayBetween(rng, Math.max(dayOf(grantYear, 1, 1), filed + min), yearEnd);
  return [filed, granted];
}

function sourceTitle(rng: Rng, families: readonly TitleFamily[], type: 'invention' | 'utility'): SourceTitle {
  const book = titleBook();
  // The first family of the applicant's industry is the most likely; the others add variety.
  const u = rng.next();
  const family = families.length === 1 || u < 0.55 ? families[0] : u < 0.8 ? families[1] : rng.pick(families);
  return rng.pick(book.get(family as TitleFamily)?.[type] ?? []);
}

export interface PatentSet {
  patents: SeedPatent[];
}

export function buildPatents(
  ctx: SeedContext,
  enterprises: readonly SeedEnterprise[],
  institutes: readonly SeedInstitute[],
): PatentSet {
  const rng = Rng.stream('patents');
  const numbering = new Numbering(Rng.stream('patent-numbers'));
  const pickers = buildPickers(ctx, enterprises, institutes);
  const patents: SeedPatent[] = [];
  for (const type of ['invention', 'utility', 'design'] as const) {
    const quota = typeQuota(type, ctx.scale);
    const kinds = WeightedPicker.of(APPLICANT_SHARES[type]);
    for (const [cohort, filedCount] of quota.filed) {
      const fates: (number | null)[] = [];
      for (const [grantYear, n] of quota.grants.get(cohort) ?? [])
        for (let i = 0; i < n; i++) fates.push(grantYear);
      if (fates.length > filedCount)
        throw new Error(`patent plan grants ${fates.length} of ${filedCount} ${type} filed in ${cohort}`);
      while (fates.length < filedCount) fates.push(null);
      for (const grantYear of fates) {
        let filedDay: number;
        let grantedDay: number | null = null;
        if (grantYear !== null) [filedDay, grantedDay] = grantDays(rng, type, cohort, grantYear);
        else if (cohort === 2018 && type !== 'invention')
          filedDay = dayBetween(rng, dayOf(2018, 4, 1), dayOf(2018, 12, 31));
        else filedDay = dayBetween(rng, dayOf(cohort, 1, 1), dayOf(cohort, 12, 31));
        patents.push(
          makePatent(ctx, rng, pickers, numbering, type, kinds.pick(rng), cohort, filedDay, grantedDay),
        );
      }
    }
  }
  applyLapses(ctx, Rng.stream('patent-lapses'), patents);
  return { patents };
}

function makePatent(
  ctx: SeedContext,
  rng: Rng,
  pickers: Pickers,
  numbering: Numbering,
  type: SeedPatentType,
  kind: 'enterprise' | 'individual' | 'institute',
  cohort: number,
  filedDay: number,
  grantedDay: number | null,
): SeedPatent {
  const id = rng.uuid();
  const applicants: PatentApplicantRow[] = [];
  let enterprise: SeedEnterprise | null = null;
  let townCode: string | null;
  let titleFamilies: readonly TitleFamily[];
  let designFamily: DesignFamily;
  const eligible = registeredBy(pickers.registered, filedDay);
  if (kind === 'institute' && pickers.institutes.length === 0) kind = 'enterprise';
  if (kind === 'enterprise' && (eligible === 0 || pickers.enterprise[type].total <= 0)) kind = 'individual';
  if (kind === 'enterprise') {
    enterprise = pickers.enterprise[type].pick(rng, eligible);
    const spec = FAMILIES[enterprise.family];
    titleFamilies = spec.titles;
    designFamily = spec.design;
    townCode = enterprise.row.town_code;
    applicants.push({
      patent_id: id,
      position: 1,
      holder_type: 'enterprise',
      holder_id: enterprise.row.id,
      name: enterprise.row.name,
    });
    if (rng.chance(0.05)) {
      applicants.push({
        patent_id: id,
        position: 2,
        holder_type: 'person',
        holder_id: null,
        name: enterprise.row.legal_rep,
      });
    } else if (type !== 'design' && rng.chance(0.03) && pickers.institutes.length > 0) {
      const partner = rng.pick(pickers.institutes);
      applicants.push({
        patent_id: id,
        position: 2,
        holder_type: 'institute',
        holder_id: partner.row.id,
        name: partner.row.name,
      });
    }
  } else if (kind === 'institute') {
    const institute = rng.pick(pickers.institutes);
    titleFamilies = [institute.family];
    designFamily = 'goods';
    townCode = institute.row.town_code;
    applicants.push({
      patent_id: id,
      position: 1,
      holder_type: 'institute',
      holder_id: institute.row.id,
      name: institute.row.name,
    });
  } else {
    titleFamilies = [INDIVIDUAL_TITLES.pick(rng)];
    designFamily = INDIVIDUAL_DESIGNS.pick(rng);
    townCode = ctx.townPicker.pick(rng).code;
    const first = pickers.inventors.pick(rng);
    applicants.push({ patent_id: id, position: 1, holder_type: 'person', holder_id: null, name: first });
    const second = pickers.inventors.pick(rng);
    if (rng.chance(0.06) && second !== first)
      applicants.push({ patent_id: id, position: 2, holder_type: 'person', holder_id: null, name: second });
  }

  let title: string;
  let ipc: string[];
  if (type === 'design') {
    title = designTitle(rng, designFamily, cohort).title;
    ipc = [];
  } else {
    const s = sourceTitle(rng, titleFamilies, type);
    title = s.title;
    ipc = s.ipc;
  }

  let publishedDay: number | null;
  if (type === 'invention') {
    // 发明 applications are published about 18 months after filing (earlier on request), before any grant.
    publishedDay = filedDay + rng.int(150, 548);
    if (grantedDay !== null) publishedDay = Math.min(publishedDay, grantedDay - 60);
  } else {
    publishedDay = grantedDay;
  }
  if (publishedDay !== null && publishedDay > HISTORY_END) publishedDay = null;

  let status: PatentRow['legal_status'] = 'granted';
  if (grantedDay === null) {
    const stillOpen = type === 'invention' ? cohort >= 2015 : cohort === 2018;
    status = stillOpen ? 'pending' : rng.chance(0.35) ? 'rejected' : 'withdrawn';
  }
  const applicantKind =
    applicants[0]?.holder_type === 'person' ? 'individual' : (applicants[0]?.holder_type ?? 'individual');
  return {
    row: {
      id,
      application_no: numbering.next(type, filedDay, cohort),
      type,
      title,
      ipc_codes: ipc,
      filed_on: isoDay(filedDay),
      published_on: publishedDay === null ? null : isoDay(publishedDay),
      granted_on: grantedDay === null ? null : isoDay(grantedDay),
      legal_status: status,
      lapsed_on: null,
      expires_on: patentTermLastDay(type, isoDay(filedDay)),
      applicant_kind: applicantKind,
      town_code: townCode,
      // The registry indexes a patent by its title (patents.service, import-patents).
      search_tokens: ctx.tokens.index(title),
    },
    filedDay,
    grantedDay,
    lapsedDay: null,
    applicants,
    enterprise,
  };
}

/** Re-points a patent to `enterprise` as sole applicant, with a title of `families` (dates and numbers stay). */
export function assignPatent(
  ctx: SeedContext,
  rng: Rng,
  patent: SeedPatent,
  enterprise: SeedEnterprise,
  families: readonly TitleFamily[],
): void {
  const id = patent.row.id;
  patent.applicants = [
    {
      patent_id: id,
      position: 1,
      holder_type: 'enterprise',
      holder_id: enterprise.row.id,
      name: enterprise.row.name,
    },
  ];
  patent.enterprise = enterprise;
  if (patent.row.type !== 'design') {
    const s = sourceTitle(rng, families, patent.row.type === 'invention' ? 'invention' : 'utility');
    patent.row.title = s.title;
    patent.row.ipc_codes = s.ipc;
  } else {
    patent.row.title = designTitle(
      rng,
      FAMILIES[enterprise.family].design,
      Number(patent.row.filed_on.slice(0, 4)),
    ).title;
  }
  patent.row.applicant_kind = 'enterprise';
  patent.row.town_code = enterprise.row.town_code;
  patent.row.search_tokens = ctx.tokens.index(patent.row.title);
}
