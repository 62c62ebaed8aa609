/**
 * The 236 universities, institutes and platforms of the technology market (2017 summary: 236 高校院所). The
 * four platforms of the summary and the two colleges in 晋江 come first; real universities and institutes
 * follow; Jinjiang-based partner platforms fill the rest. Not scaled: the number is the summary's.
 */
import { generateUscc } from '@jinke/core/common/ids/uscc.ts';
import type { SeedContext } from './context.ts';
import type { TitleFamily } from './industries.data.ts';
import {
  LOCAL_COLLEGES,
  PLATFORM_FIELDS,
  PLATFORM_FORMS,
  RESEARCH_INSTITUTES,
  SUMMARY_PLATFORMS,
  UNIVERSITIES,
  type NamedInstitute,
} from './institutes.data.ts';
import { addressIn } from './names.ts';
import { Rng } from './rng.ts';

export const INSTITUTES_TOTAL = 236;

export interface InstituteRow {
  id: string;
  name: string;
  kind: NamedInstitute['kind'];
  uscc: string | null;
  address: string | null;
  town_code: string | null;
  search_tokens: string;
}

export interface SeedInstitute {
  row: InstituteRow;
  family: TitleFamily;
  /** In 晋江: can apply for patents with a town and hold provincial platform qualifications. */
  local: boolean;
}

const FAMILIES: readonly TitleFamily[] = [
  'footwear',
  'textile',
  'food',
  'building',
  'paper',
  'electronics',
  'materials',
  'energy',
  'software',
  'machinery',
];

/** Partners of the generated platforms: universities with a field the county needs. */
const PLATFORM_PARTNERS = [
  '东华大学',
  '江南大学',
  '华侨大学',
  '福州大学',
  '厦门大学',
  '四川大学',
  '陕西科技大学',
  '天津工业大学',
  '景德镇陶瓷大学',
  '清华大学',
  '浙江大学',
  '华南理工大学',
  '武汉纺织大学',
  '北京服装学院',
  '中国科学院海西研究院',
  '泉州师范学院',
  '福建师范大学',
  '集美大学',
  '西安电子科技大学',
  '电子科技大学',
  '武汉理工大学',
  '北京化工大学',
  '上海交通大学',
  '哈尔滨工业大学',
  '中国纺织科学研究院',
  '中国皮革和制鞋工业研究院',
];

export function buildInstitutes(ctx: SeedContext): SeedInstitute[] {
  const rng = Rng.stream('institutes');
  const out: SeedInstitute[] = [];
  const names = new Set<string>();
  const usccs = new Set<string>();
  const add = (spec: NamedInstitute) => {
    if (names.has(spec.name)) return;
    names.add(spec.name);
    const town = spec.town ? ctx.townByCode.get(spec.town) : undefined;
    let uscc: string | null = null;
    if (town) {
      // 事业单位 (12) for public colleges and institutes, 民办非企业单位 (52) for the new R&D institutions.
      do
        uscc = generateUscc(
          rng.fn,
          '350582',
          spec.kind === 'university' || spec.kind === 'research_institute' ? '12' : '52',
        );
      while (usccs.has(uscc));
      usccs.add(uscc);
    }
    const address = town ? addressIn(rng, town.code, town.name) : null;
    out.push({
      row: {
        id: rng.uuid(),
        name: spec.name,
        kind: spec.kind,
        uscc,
        address,
        town_code: town?.code ?? null,
        search_tokens: ctx.tokens.index(spec.name, address),
      },
      family: spec.family ?? rng.pick(FAMILIES),
      local: town !== undefined,
    });
  };
  for (const spec of [...SUMMARY_PLATFORMS, ...LOCAL_COLLEGES]) add(spec);
  for (const [name, family] of UNIVERSITIES) add({ name, kind: 'university', ...(family ? { family } : {}) });
  for (const [name, family] of RESEARCH_INSTITUTES)
    add({ name, kind: 'research_institute', ...(family ? { family } : {}) });
  const localTowns = [
    '350582401',
    '350582001',
    '350582002',
    '350582004',
    '350582400',
    '350582101',
    '350582103',
    '350582102',
  ];
  while (out.length < INSTITUTES_TOTAL) {
    const [field, family] = rng.pick(PLATFORM_FIELDS);
    const [form, kind] = rng.pick(PLATFORM_FORMS);
    const partner = rng.pick(PLATFORM_PARTNERS);
    add({ name: `${partner}晋江${field}${form}`, kind, town: rng.pick(localTowns), family });
  }
  return out;
}
