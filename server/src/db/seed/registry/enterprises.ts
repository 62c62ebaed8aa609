/**
 * Demo enterprises (about 8,000 × scale) and their yearly figures 2015–2018. Named firms of the 2017 summary
 * and the demo enterprise account's firm come first with fixed profiles; the rest are drawn town by town with
 * Jinjiang's industry mix, long-tailed sizes (log-normal revenue, so about one in six is 规上 at 2000万元)
 * and figures that hold together: R&D ≤ revenue, tech staff ≤ staff, net assets ≤ total assets.
 */
import { computeOrgCodeCheckDigit } from '@jinke/core/common/ids/org-code.ts';
import { generateUscc, makeUscc } from '@jinke/core/common/ids/uscc.ts';
import type { SeedContext, Town } from './context.ts';
import { FAMILIES, TOWN_BIAS, type IndustryFamily } from './industries.data.ts';
import { addressIn, personName, uniqueCompanyName } from './names.ts';
import { NAMED_ENTERPRISES, type NamedKey, type NamedSpec } from './named.data.ts';
import { dayBetween, dayOf, isoDay, parseDay, Rng, scaled, WeightedPicker } from './rng.ts';

export const ENTERPRISES_AT_SCALE_1 = 8000;
export { DEMO_ENTERPRISE_USCC, NAMED_ENTERPRISES, type NamedKey } from './named.data.ts';
export const FIGURE_YEARS = [2015, 2016, 2017, 2018] as const;
/** 规模以上工业企业: 主营业务收入 2000万元 and above (国家统计局, since 2011), in 分. */
export const ABOVE_SCALE_FEN = 2_000_000_000;

export interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  former_names: string[];
  legal_rep: string;
  registered_on: string;
  address: string;
  town_code: string;
  industry_code: string;
  hitech_field: string | null;
  staff: number;
  revenue_fen: number;
  contact_name: string;
  search_tokens: string;
}

export interface EnterpriseYearRow {
  enterprise_id: string;
  year: number;
  revenue_fen: number;
  rd_fen: number;
  staff: number;
  tech_staff: number;
  net_assets_fen: number;
  total_assets_fen: number;
  above_scale: boolean;
}

export type TechLevel = 'low' | 'mid' | 'high';

export interface SeedEnterprise {
  row: EnterpriseRow;
  family: IndustryFamily;
  registeredDay: number;
  tech: TechLevel;
  /** Revenue of 2017 in 元 (0 when registered after 2017). */
  revenue2017: number;
  /** Relative chance of being an applicant, by industry, size and technology level. */
  patentWeight: number;
  /** Set for the firms named in the 2017 summary and the demo account's firm. */
  key?: NamedKey;
}

const TECH_SHARES: Record<IndustryFamily, readonly [high: number, mid: number]> = {
  ic: [0.35, 0.4],
  software: [0.3, 0.4],
  energy: [0.35, 0.4],
  chemicals: [0.12, 0.33],
  machinery: [0.12, 0.33],
  services: [0.15, 0.3],
  shoes: [0.06, 0.22],
  apparel: [0.05, 0.2],
  textile: [0.07, 0.24],
  food: [0.06, 0.22],
  paper: [0.08, 0.25],
  building: [0.05, 0.2],
  plastics: [0.08, 0.25],
  other_mfg: [0.06, 0.22],
  trade: [0.01, 0.05],
};

/** Median 2017 revenue (元) of an established firm of the family. */
const MEDIAN_REVENUE: Partial<Record<IndustryFamily, number>> = {
  trade: 3_000_000,
  software: 2_200_000,
  services: 1_600_000,
};
const MANUFACTURING_MEDIAN = 7_600_000;

/** Registration years 1985–2017, more firms each year (the 1990s boom of 晋江 private firms, the 2010s start-ups). */
const YEARS = Array.from({ length: 2017 - 1985 + 1 }, (_, i) => 1985 + i);
const yearPicker = new WeightedPicker(
  YEARS,
  YEARS.map((y) => 1 + (y - 1985) * 0.45),
);

/** A USCC for a firm registered on `day`: a converted old 组织机构代码 before the 2015-10 reform, an MA… code after. */
function usccFor(rng: Rng, day: number, taken: Set<string>): string {
  for (;;) {
    let code: string;
    if (day < dayOf(2015, 10, 1)) {
      let body = rng.pick(['1', '5', '6', '7']);
      for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
      code = makeUscc(`91350582${body}${computeOrgCodeCheckDigit(body)}`);
    } else {
      code = generateUscc(rng.fn, '350582');
    }
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function familyPickerFor(town: Town): WeightedPicker<IndustryFamily> {
  const bias = TOWN_BIAS[town.code] ?? {};
  const entries = (Object.keys(FAMILIES) as IndustryFamily[]).map(
    (f) => [f, FAMILIES[f].weight * (bias[f] ?? 1)] as const,
  );
  return WeightedPicker.of(entries);
}

const classPickers = new Map(
  (Object.keys(FAMILIES) as IndustryFamily[]).map((f) => [
    f,
    WeightedPicker.of(FAMILIES[f].classes.map((c) => [c, c[1]] as const)),
  ]),
);

function techLevel(rng: Rng, family: IndustryFamily): TechLevel {
  const [high, mid] = TECH_SHARES[family];
  const u = rng.next();
  return u < high ? 'high' : u < high + mid ? 'mid' : 'low';
}

const RD_RATIO: Record<TechLevel, readonly [number, number]> = {
  low: [0, 0.012],
  mid: [0.012, 0.032],
  high: [0.034, 0.085],
};
const TECH_RATIO: Record<TechLevel, readonly [number, number]> = {
  low: [0.02, 0.08],
  mid: [0.08, 0.2],
  high: [0.14, 0.42],
};

interface Profile {
  rdRatio: number;
  techRatio: number;
  assetTurnover: number;
  equityRatio: number;
}

function profile(rng: Rng, tech: TechLevel): Profile {
  const [rdLo, rdHi] = RD_RATIO[tech];
  const [tLo, tHi] = TECH_RATIO[tech];
  return {
    rdRatio: tech === 'low' && rng.chance(0.35) ? 0 : rdLo + rng.next() * (rdHi - rdLo),
    techRatio: tLo + rng.next() * (tHi - tLo),
    assetTurnover: rng.logNormal(0.9, 0.3),
    equityRatio: 0.35 + rng.next() * 0.35,
  };
}

function yearRow(
  id: string,
  year: number,
  revenueYuan: number,
  rdYuan: number,
  staff: number,
  techStaff: number,
  p: Profile,
): EnterpriseYearRow {
  const revenueFen = Math.round(revenueYuan) * 100;
  const totalAssetsFen = Math.round(revenueYuan * p.assetTurnover) * 100;
  return {
    enterprise_id: id,
    year,
    revenue_fen: revenueFen,
    rd_fen: Math.min(revenueFen, Math.round(rdYuan) * 100),
    staff,
    tech_staff: Math.min(staff, techStaff),
    net_assets_fen: Math.round((totalAssetsFen * p.equityRatio) / 100) * 100,
    total_assets_fen: totalAssetsFen,
    above_scale: revenueFen >= ABOVE_SCALE_FEN,
  };
}

export interface EnterpriseSet {
  enterprises: SeedEnterprise[];
  years: EnterpriseYearRow[];
  byKey: Map<NamedKey, SeedEnterprise>;
}

function namedEnterprise(
  ctx: SeedContext,
  rng: Rng,
  spec: NamedSpec,
  usccs: Set<string>,
): { e: SeedEnterprise; years: EnterpriseYearRow[] } {
  const town = ctx.townByCode.get(spec.town);
  if (!town) throw new Error(`division ${spec.town} is missing`);
  const registeredDay = parseDay(spec.registered);
  const uscc = spec.uscc ?? usccFor(rng, registeredDay, usccs);
  usccs.add(uscc);
  const id = rng.uuid();
  const p = profile(rng, spec.tech);
  const years: EnterpriseYearRow[] = [];
  for (const year of FIGURE_YEARS) {
    const f = spec.figures[year];
    if (f) years.push(yearRow(id, year, f[0] * 10_000, f[1] * 10_000, f[2], f[3], p));
  }
  const last = years[years.length - 1];
  const legalRep = personName(rng);
  const address = addressIn(rng, town.code, town.name);
  const row: EnterpriseRow = {
    id,
    uscc,
    name: spec.name,
    former_names: [],
    legal_rep: legalRep,
    registered_on: spec.registered,
    address,
    town_code: town.code,
    industry_code: spec.industry,
    hitech_field: spec.hitech,
    staff: last?.staff ?? 0,
    revenue_fen: last?.revenue_fen ?? 0,
    contact_name: personName(rng),
    search_tokens: ctx.tokens.index(spec.name, address),
  };
  const revenue2017 = (spec.figures[2017]?.[0] ?? 0) * 10_000;
  return {
    e: {
      row,
      family: spec.family,
      registeredDay,
      tech: spec.tech,
      revenue2017,
      patentWeight: spec.patentWeight,
      key: spec.key,
    },
    years,
  };
}

export function buildEnterprises(ctx: SeedContext): EnterpriseSet {
  const rng = Rng.stream('enterprises');
  const usccs = new Set<string>();
  const names = new Set<string>(NAMED_ENTERPRISES.map((n) => n.name));
  const enterprises: SeedEnterprise[] = [];
  const years: EnterpriseYearRow[] = [];
  const byKey = new Map<NamedKey, SeedEnterprise>();
  for (const spec of NAMED_ENTERPRISES) {
    const { e, years: y } = namedEnterprise(ctx, rng, spec, usccs);
    enterprises.push(e);
    years.push(...y);
    byKey.set(spec.key, e);
  }
  const familyPickers = new Map(ctx.towns.map((t) => [t.code, familyPickerFor(t)]));
  const total = scaled(ENTERPRISES_AT_SCALE_1, ctx.scale, 20) - NAMED_ENTERPRISES.length;
  for (let i = 0; i < total; i++) {
    const town = ctx.townPicker.pick(rng);
    const family = (familyPickers.get(town.code) as WeightedPicker<IndustryFamily>).pick(rng);
    const spec = FAMILIES[family];
    const [industryCode, , words] = (
      classPickers.get(family) as WeightedPicker<(typeof spec.classes)[number]>
    ).pick(rng);
    const regYear = yearPicker.pick(rng);
    const registeredDay = dayBetween(rng, dayOf(regYear, 1, 1), dayOf(regYear, 12, 31));
    const tech = techLevel(rng, family);
    const uscc = usccFor(rng, registeredDay, usccs);
    const name = uniqueCompanyName(rng, words, names);
    const formerNames = rng.chance(0.05) ? [uniqueCompanyName(rng, words, names)] : [];
    const legalRep = personName(rng);
    const id = rng.uuid();
    const p = profile(rng, tech);
    const address = addressIn(rng, town.code, town.name);

    // Size: log-normal around the family's median, smaller for young firms; a few very large ones.
    const age = 2017 - regYear;
    const median = (MEDIAN_REVENUE[family] ?? MANUFACTURING_MEDIAN) * Math.min(1, (age + 1) / 6);
    let r2017 = rng.logNormal(median, 1.3);
    if (rng.chance(0.004)) r2017 *= 20 + rng.next() * 60;
    const productivity = rng.logNormal(family === 'trade' ? 900_000 : 420_000, 0.45);
    const staff2017 = Math.max(3, Math.round(r2017 / productivity));
    const growth = [rng.logNormal(1.07, 0.14), rng.logNormal(1.07, 0.14), rng.logNormal(1.08, 0.14)];
    const revenueBy: Record<number, number> = { 2017: r2017 };
    revenueBy[2016] = r2017 / (growth[1] as number);
    revenueBy[2015] = revenueBy[2016] / (growth[0] as number);
    revenueBy[2018] = r2017 * (growth[2] as number);
    let latest: EnterpriseYearRow | undefined;
    for (const year of FIGURE_YEARS) {
      if (year < regYear) continue;
      // The year of registration has only the months after it.
      const share = year === regYear ? (dayOf(year, 12, 31) - registeredDay + 1) / 365 : 1;
      const revenue = (revenueBy[year] as number) * share;
      const staff = Math.max(2, Math.round(staff2017 * Math.pow((revenueBy[year] as number) / r2017, 0.6)));
      const rd = revenue * p.rdRatio * rng.logNormal(1, 0.15);
      const techStaff = Math.round(staff * p.techRatio);
      latest = yearRow(id, year, revenue, rd, staff, techStaff, p);
      years.push(latest);
    }
    const sizeFactor = Math.min(30, Math.max(0.2, Math.pow(Math.max(r2017, 1) / 5_000_000, 0.55)));
    const techFactor = tech === 'high' ? 4 : tech === 'mid' ? 1.5 : rng.chance(0.45) ? 0 : 0.5;
    enterprises.push({
      row: {
        id,
        uscc,
        name,
        former_names: formerNames,
        legal_rep: legalRep,
        registered_on: isoDay(registeredDay),
        address,
        town_code: town.code,
        industry_code: industryCode,
        hitech_field: tech === 'low' ? null : rng.pick(spec.hitech),
        staff: latest?.staff ?? staff2017,
        revenue_fen: latest?.revenue_fen ?? 0,
        contact_name: rng.chance(0.6) ? legalRep : personName(rng),
        search_tokens: ctx.tokens.index(name, ...formerNames, address),
      },
      family,
      registeredDay,
      tech,
      revenue2017: regYear <= 2017 ? r2017 : 0,
      patentWeight: spec.patenting * sizeFactor * techFactor,
    });
  }
  return { enterprises, years, byKey };
}
