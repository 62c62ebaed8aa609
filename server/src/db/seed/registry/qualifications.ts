/**
 * Qualifications by year of issue. The 2017 issues reproduce the summary's new qualifications exactly (41 高新技术
 * 企业, 41 省级科技型企业, 88 小巨人培育库, 3 省企业重点实验室, 2 省工程研究中心, 2 省新型研发机构, 3 new provincial
 * maker spaces); earlier years give a stock of about 80 valid 高新技术企业 at 2017-12-31 (each certificate valid
 * three years: valid_to = issued_on + 3 years − 1 day); 2018 moves towards the targets. A few certificates expire
 * within six months of today, so the renewal flows have something to show.
 */
import type { SeedContext } from './context.ts';
import type { SeedEnterprise } from './enterprises.ts';
import type { SeedInstitute } from './institutes.ts';
import type { SeedCarrier } from './parties.ts';
import { ruleValidTo, type QualificationKind } from '@jinke/core/registry/qualifications.ts';
import { addYears, dayBetween, dayOf, isoDay, parseDay, Rng, yearOfDay } from './rng.ts';

export interface QualificationRow {
  id: string;
  holder_type: 'enterprise' | 'institute' | 'carrier';
  holder_id: string;
  kind: QualificationKind;
  certificate_no: string | null;
  issued_on: string;
  valid_to: string | null;
  source: string;
}

/** Issues per kind and year for enterprises. 2017 is the summary's `new_qualifications`. */
export const ENTERPRISE_QUALIFICATIONS: Readonly<
  Partial<Record<QualificationKind, Readonly<Record<number, number>>>>
> = {
  hnte: { 2011: 8, 2012: 10, 2013: 12, 2014: 15, 2015: 18, 2016: 24, 2017: 41, 2018: 36 },
  provincial_tech_enterprise: { 2015: 20, 2016: 30, 2017: 41, 2018: 45 },
  little_giant_pool: { 2016: 60, 2017: 88, 2018: 80 },
  provincial_key_lab: { 2014: 2, 2015: 2, 2016: 2, 2017: 3, 2018: 2 },
  provincial_eng_center: { 2015: 1, 2016: 2, 2017: 2, 2018: 2 },
  academician_station: { 2013: 2, 2014: 2, 2015: 3, 2016: 3, 2018: 2 },
  postgraduate_station: { 2014: 3, 2015: 4, 2016: 5, 2018: 5 },
  tsme: { 2018: 160 },
};

export const SUMMARY_QUALIFICATIONS_2017 = {
  hnte: 41,
  provincial_tech_enterprise: 41,
  little_giant_pool: 88,
  provincial_key_lab: 3,
  provincial_eng_center: 2,
  new_rnd_institution: 2,
} as const;

/** The two 省新型研发机构 recognised in 2017, by the summary's names. */
const SUMMARY_RND = ['福建海峡石墨烯产业技术研究院', '福建农林大学晋江研究院'];

/** 高新技术企业 certificates expiring within six months of today (issued three years before). */
const EXPIRING_HNTE = 12;

/** Counts of the summary are kept at any scale of at least 1; smaller demo databases shrink them. */
export function qualificationCount(ctx: SeedContext, n: number): number {
  return ctx.scale >= 1 ? n : Math.max(1, Math.round(n * ctx.scale));
}

interface Holder {
  e: SeedEnterprise;
  score: number;
}

export interface QualificationInput {
  enterprises: readonly SeedEnterprise[];
  institutes: readonly SeedInstitute[];
  carriers: readonly SeedCarrier[];
  /** Granted inventions and utility models per enterprise id, to favour firms with IP. */
  patentsByEnterprise: ReadonlyMap<string, number>;
}

function hnteCertificate(year: number, seq: number): string {
  return `GR${year}35${String(seq).padStart(6, '0')}`;
}

/** Issue days of a year's HNTE batches (Fujian's lists come out in the autumn). */
function hnteDay(rng: Rng, year: number): number {
  return rng.chance(0.5)
    ? dayBetween(rng, dayOf(year, 10, 10), dayOf(year, 10, 31))
    : dayBetween(rng, dayOf(year, 11, 15), dayOf(year, 12, 15));
}

export function buildQualifications(ctx: SeedContext, input: QualificationInput): QualificationRow[] {
  const rng = Rng.stream('qualifications');
  const rows: QualificationRow[] = [];
  const add = (
    holderType: QualificationRow['holder_type'],
    holderId: string,
    kind: QualificationKind,
    issued: number,
    validTo: number | null,
    certificate: string | null = null,
  ) =>
    rows.push({
      id: rng.uuid(),
      holder_type: holderType,
      holder_id: holderId,
      kind,
      certificate_no: certificate,
      issued_on: isoDay(issued),
      valid_to: validTo === null ? null : isoDay(validTo),
      source: 'seed',
    });

  const holders: Holder[] = input.enterprises.map((e) => {
    const patents = input.patentsByEnterprise.get(e.row.id) ?? 0;
    const tech = e.tech === 'high' ? 6 : e.tech === 'mid' ? 1 : 0.02;
    return { e, score: tech * Math.sqrt(Math.max(e.revenue2017, 1) / 1_000_000) * (1 + Math.sqrt(patents)) };
  });
  const named = new Map(input.enterprises.filter((e) => e.key).map((e) => [e.key as string, e]));
  /** Fixed issues for the named firms, counted within the year's quota. */
  const reserved: Record<string, [string, QualificationKind, string][]> = {
    2017: [
      ['xunxing', 'provincial_eng_center', '2017-09-18'],
      ['xunxing', 'hnte', '2017-10-23'],
      ['huaxiang', 'provincial_key_lab', '2017-08-30'],
      ['fanggan', 'provincial_tech_enterprise', '2017-07-12'],
      ['fanggan', 'little_giant_pool', '2017-09-05'],
      ['ruisi', 'little_giant_pool', '2017-09-05'],
      ['demo', 'provincial_tech_enterprise', '2017-07-12'],
    ],
    2014: [['xunxing', 'hnte', '2014-10-30']],
    2018: [
      ['demo', 'tsme', '2018-06-20'],
      ['fanggan', 'hnte', '2018-11-30'],
    ],
  };

  const heldBy = new Map<QualificationKind, Set<string>>();
  const hnteSeq = new Map<number, number>();
  const issue = (e: SeedEnterprise, kind: QualificationKind, day: number) => {
    const year = yearOfDay(day);
    let validTo: number | null = null;
    let certificate: string | null = null;
    if (kind === 'hnte' || kind === 'tsme') validTo = parseDay(ruleValidTo(kind, isoDay(day)) as string);
    if (kind === 'hnte') {
      const seq = (hnteSeq.get(year) ?? rng.int(80, 300)) + rng.int(1, 9);
      hnteSeq.set(year, seq);
      certificate = hnteCertificate(year, seq);
    }
    add('enterprise', e.row.id, kind, day, validTo, certificate);
    const set = heldBy.get(kind) ?? new Set<string>();
    set.add(e.row.id);
    heldBy.set(kind, set);
  };

  for (const [kind, byYear] of Object.entries(ENTERPRISE_QUALIFICATIONS) as [
    QualificationKind,
    Record<number, number>,
  ][]) {
    for (const [yearText, planned] of Object.entries(byYear)) {
      const year = Number(yearText);
      let quota = qualificationCount(ctx, planned);
      for (const [key, k, date] of reserved[year] ?? []) {
        const e = named.get(key);
        if (k !== kind || !e || quota === 0) continue;
        issue(e, kind, dayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))));
        quota--;
      }
      const held = heldBy.get(kind) ?? new Set<string>();
      // HNTE renewals: holders of the certificate issued three years earlier come first.
      const renewing =
        kind === 'hnte'
          ? new Set(
              rows
                .filter((r) => r.kind === 'hnte' && r.issued_on.startsWith(String(year - 3)))
                .map((r) => r.holder_id),
            )
          : new Set<string>();
      const heldThisYear = new Set(
        rows.filter((r) => r.kind === kind && r.issued_on.startsWith(String(year))).map((r) => r.holder_id),
      );
      const pool = holders.filter(
        (h) =>
          h.e.key !== 'demo' &&
          yearOfDay(h.e.registeredDay) < year &&
          !heldThisYear.has(h.e.row.id) &&
          (kind === 'hnte' ? !held.has(h.e.row.id) || renewing.has(h.e.row.id) : !held.has(h.e.row.id)),
      );
      const chosen = weightedSample(rng, pool, (h) => h.score * (renewing.has(h.e.row.id) ? 8 : 1), quota);
      for (const h of chosen) {
        const day =
          kind === 'hnte' ? hnteDay(rng, year) : dayBetween(rng, dayOf(year, 3, 1), dayOf(year, 12, 20));
        issue(h.e, kind, day);
      }
    }
  }

  // Platforms of institutes: 省新型研发机构 (2017: the graphene institute and the 农林大学 institute of the summary).
  const rnd = input.institutes.filter((i) => i.local && i.row.kind === 'new_rnd_institution');
  const summaryRnd = rnd.filter((i) => SUMMARY_RND.includes(i.row.name));
  const otherRnd = rnd.filter((i) => !SUMMARY_RND.includes(i.row.name));
  const rndPlan: [number, SeedInstitute[]][] = [
    [2016, otherRnd.slice(0, 1)],
    [2017, summaryRnd.slice(0, qualificationCount(ctx, 2))],
    [2018, otherRnd.slice(1, 2)],
  ];
  for (const [year, list] of rndPlan) {
    for (const i of list)
      add(
        'institute',
        i.row.id,
        'new_rnd_institution',
        dayBetween(rng, dayOf(year, 6, 1), dayOf(year, 12, 20)),
        null,
      );
  }

  // Carriers: provincial maker spaces (1 in 2016, 3 in 2017), the provincial incubator, 星创天地.
  for (const c of input.carriers) {
    if (c.provincial) add('carrier', c.row.id, c.provincial.kind, c.provincial.day, null);
  }

  // Work in progress: certificates that run out within six months of today. Only when their issue date falls
  // after the generated history, so the yearly counts above stay as they are.
  const firstIssue = addYears(ctx.today, -3, 1);
  if (yearOfDay(firstIssue) >= 2019) {
    const demo = named.get('demo');
    const expiring = weightedSample(
      rng,
      holders.filter((h) => h.e.tech === 'high' && h.e.key !== 'demo'),
      (h) => h.score,
      qualificationCount(ctx, EXPIRING_HNTE) - 1,
    );
    const list = demo ? [demo, ...expiring.map((h) => h.e)] : expiring.map((h) => h.e);
    list.forEach((e, i) => {
      const issued = addYears(ctx.today + (e.key === 'demo' ? 75 : rng.int(10, 180)), -3, 1);
      const validTo = parseDay(ruleValidTo('hnte', isoDay(issued)) as string);
      const year = yearOfDay(issued);
      const seq = (hnteSeq.get(year) ?? 500) + i + 1;
      hnteSeq.set(year, seq);
      add('enterprise', e.row.id, 'hnte', issued, validTo, hnteCertificate(year, seq));
    });
  }
  return rows;
}

/** Weighted sampling without replacement (Efraimidis–Spirakis keys), deterministic for a given stream. */
export function weightedSample<T>(
  rng: Rng,
  items: readonly T[],
  weight: (item: T) => number,
  count: number,
): T[] {
  const keyed = items
    .map((item) => ({ item, w: weight(item) }))
    .filter((x) => x.w > 0)
    .map((x) => ({ item: x.item, key: Math.log(1 - rng.next()) / x.w }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, count).map((x) => x.item);
}
