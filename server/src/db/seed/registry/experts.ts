/**
 * The expert pool (2017 summary: 3,783 experts × scale). Each expert works at an institute or a firm, covers one
 * to three 高新技术领域 items (2016 catalogue codes) and IPC subclasses of the same field, and some declare
 * relations to firms (former employer, consultancy, relatives, shares) that review draws must avoid.
 * EXP-0001 is the demo expert account's record.
 */
import type { ExpertRelation } from '@jinke/core/registry/experts.contract.ts';
import { hitechFieldByCode, hitechFieldPath } from '@jinke/core/registry/hitech-fields.ts';
import type { SeedContext } from './context.ts';
import type { SeedEnterprise } from './enterprises.ts';
import { FAMILIES, type TitleFamily } from './industries.data.ts';
import type { SeedInstitute } from './institutes.ts';
import { EXPERT_TITLES_ACADEMIC, EXPERT_TITLES_INDUSTRY } from './names.data.ts';
import { personName } from './names.ts';
import { dayBetween, dayOf, isoDay, Rng, scaled, WeightedPicker } from './rng.ts';

export const EXPERTS_AT_SCALE_1 = 3783;

export interface ExpertRow {
  id: string;
  code: string;
  name: string;
  title: string;
  employer_uscc: string | null;
  institute_id: string | null;
  fields: string[];
  ipc_classes: string[];
  expertise: string;
  relations: ExpertRelation[];
  available: boolean;
  search_tokens: string;
}

/** 高新技术领域 items (2016 catalogue) an expert of each field covers. */
export const FIELD_ITEMS: Record<TitleFamily, readonly string[]> = {
  footwear: ['40303', '40306', '40304', '80504', '50102'],
  textile: ['40304', '40305', '80504', '70102'],
  food: ['20605', '20606', '20602', '20604'],
  building: ['40201', '40202', '40205', '60406'],
  paper: ['40305', '70302', '80902', '70102'],
  electronics: ['10201', '10203', '10205', '10605', '10601', '80405'],
  materials: ['40104', '40301', '40302', '40503', '40504'],
  energy: ['60101', '60301', '60302', '40204'],
  software: ['10109', '10110', '10111', '50301', '10801'],
  machinery: ['80401', '80402', '80502', '80504', '80102'],
};

/** IPC subclasses of each field (all present in IPC 2026.01). */
export const FIELD_IPC: Record<TitleFamily, readonly string[]> = {
  footwear: ['A43B', 'A41D', 'B29D', 'C08L', 'A44B', 'D05B'],
  textile: ['D03D', 'D04B', 'D06M', 'D06P', 'D01F'],
  food: ['A23L', 'A21D', 'A23G', 'A23P'],
  building: ['C04B', 'B28B', 'E04F'],
  paper: ['D21H', 'D21F', 'B65D', 'B31B'],
  electronics: ['H10B', 'H10D', 'H05K', 'H01R', 'G01R'],
  materials: ['C08L', 'C08K', 'C01B', 'C09D'],
  energy: ['H02S', 'H01M', 'H02J'],
  software: ['G06F', 'G06Q', 'G06N', 'H04L'],
  machinery: ['B23K', 'B25J', 'B65G', 'F16H', 'B29C'],
};

function hitechName(code: string): string {
  const field = hitechFieldByCode(code);
  if (!field) throw new Error(`高新技术领域 code ${code} is not in the 2016 catalogue`);
  return field.name;
}

/** Names of the items and their parents, as the registry indexes an expert's fields (experts.service). */
function fieldPathNames(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((code) => hitechFieldPath(code).map((f) => f.name)))];
}

const academicTitles = WeightedPicker.of(EXPERT_TITLES_ACADEMIC);
const industryTitles = WeightedPicker.of(EXPERT_TITLES_INDUSTRY);
const RELATION_KINDS: readonly ExpertRelation['kind'][] = [
  'former_employer',
  'relative',
  'shareholder',
  'co_applicant',
];

const INDUSTRY_FIELD: Record<SeedEnterprise['family'], TitleFamily> = Object.fromEntries(
  (Object.keys(FAMILIES) as SeedEnterprise['family'][]).map((f) => [f, FAMILIES[f].titles[0] as TitleFamily]),
) as Record<SeedEnterprise['family'], TitleFamily>;

export function buildExperts(
  ctx: SeedContext,
  enterprises: readonly SeedEnterprise[],
  institutes: readonly SeedInstitute[],
): ExpertRow[] {
  const rng = Rng.stream('experts');
  const firms = enterprises.filter((e) => e.tech !== 'low' && e.key !== 'demo');
  const firmPicker = new WeightedPicker(
    firms,
    firms.map((e) => (e.tech === 'high' ? 3 : 1) * Math.sqrt(Math.max(e.revenue2017, 1) / 1_000_000)),
  );
  const institutePicker = new WeightedPicker(
    institutes,
    institutes.map((i) => (i.local ? 3 : i.row.kind === 'university' ? 2 : 1.5)),
  );
  const relationTargets = enterprises.filter((e) => e.revenue2017 > 5_000_000);
  const rows: ExpertRow[] = [];
  const total = scaled(EXPERTS_AT_SCALE_1, ctx.scale, 10);
  const xunxing = enterprises.find((e) => e.key === 'xunxing');
  const huaqiao = institutes.find((i) => i.row.name === '华侨大学');

  for (let n = 1; n <= total; n++) {
    const demo = n === 1;
    const atInstitute = demo ? true : rng.chance(0.58);
    const institute = atInstitute ? (demo && huaqiao ? huaqiao : institutePicker.pick(rng)) : null;
    const firm = institute ? null : firmPicker.pick(rng);
    const field: TitleFamily = demo
      ? 'footwear'
      : institute
        ? institute.family
        : INDUSTRY_FIELD[(firm as SeedEnterprise).family];
    const itemCount = demo ? 3 : rng.int(1, 3);
    const fields = demo ? ['40303', '40306', '80504'] : rng.sample(FIELD_ITEMS[field], itemCount);
    const ipc = demo ? ['A43B', 'C08L', 'B29C'] : rng.sample(FIELD_IPC[field], rng.int(1, 3));
    const itemNames = fields.map(hitechName);
    const name = demo ? '林建华' : personName(rng);
    const title = demo ? '教授' : institute ? academicTitles.pick(rng) : industryTitles.pick(rng);
    const expertise = itemNames.join('、');
    const relations: ExpertRelation[] = [];
    if (demo && xunxing) {
      relations.push({
        kind: 'former_employer',
        uscc: xunxing.row.uscc,
        name: xunxing.row.name,
        until: '2012-06-30',
      });
    } else if (rng.chance(0.12) && relationTargets.length > 0) {
      for (let r = rng.int(1, 2); r > 0; r--) {
        const target = rng.pick(relationTargets);
        const kind = rng.pick(RELATION_KINDS);
        const relation: ExpertRelation = { kind, uscc: target.row.uscc, name: target.row.name };
        // A former employment ended on some day after the firm was registered and before the demo's present.
        if (kind === 'former_employer')
          relation.until = isoDay(
            dayBetween(rng, Math.max(target.registeredDay + 365, dayOf(2008, 1, 1)), dayOf(2018, 6, 30)),
          );
        relations.push(relation);
      }
    }
    rows.push({
      id: rng.uuid(),
      code: `EXP-${String(n).padStart(4, '0')}`,
      name,
      title,
      employer_uscc: institute ? institute.row.uscc : (firm as SeedEnterprise).row.uscc,
      institute_id: institute?.row.id ?? null,
      fields,
      ipc_classes: ipc,
      expertise,
      relations,
      available: demo || rng.chance(0.92),
      search_tokens: ctx.tokens.index(name, expertise, ...fieldPathNames(fields)),
    });
  }
  return rows;
}
