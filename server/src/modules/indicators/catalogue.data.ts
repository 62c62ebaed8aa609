/**
 * The bureau's indicator catalogue as data (checked with `checkCatalogue` when the module loads): each indicator's
 * definition, and for the dashboard the named query its drill-down lists. Computed indicators name a query of
 * indicators.queries.ts; formulas read other indicators; reported figures are entered by an officer.
 *
 * Citations: 晋科〔2018〕11号 is 晋江市科技和知识产权局《晋江市科技和知识产权工作2017年总结和2018年要点》.
 */
import { REGISTRY_ENTRIES } from './catalogue.registry.data.ts';
import { REPORTED_ENTRIES } from './catalogue.reported.data.ts';
import { SUMMARY, computed, units, type CatalogueEntry } from './catalogue.parts.ts';

export type { CatalogueEntry } from './catalogue.parts.ts';

const PATENT_COUNT =
  'ADR 0007：按专利登记的镇街（第一申请人所在地）计入本县，申请按申请日、授权按授权公告日所在年度';
const { count, firms, patents: items, percent } = units;

function coverage(
  key: 'invention' | 'rnd_platform' | 'cooperation',
  zh: string,
  en: string,
  citation: string,
): CatalogueEntry[] {
  return [
    {
      definition: {
        id: `above_scale.with_${key}`,
        name: { zh: `有${zh}的规上工业企业`, en: `Above-scale enterprises with ${en}` },
        unit: firms,
        source: computed(`above_scale.with_${key}`),
        period: 'year-end',
        breakdowns: ['town'],
        citation,
      },
      drill: `above_scale.with_${key}`,
    },
    {
      definition: {
        id: `above_scale.${key}_coverage`,
        name: { zh: `规上工业企业${zh}覆盖率`, en: `Above-scale coverage: ${en}` },
        unit: percent,
        decimals: 1,
        source: { kind: 'formula', formula: `above_scale.with_${key} / above_scale.count * 100` },
        period: 'year-end',
        breakdowns: ['town'],
        citation,
      },
      drill: `above_scale.without_${key}`,
      list: { zh: `未覆盖企业（无${zh}）`, en: `Enterprises not covered (without ${en})` },
    },
  ];
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    definition: {
      id: 'hnte.valid',
      name: { zh: '有效高新技术企业', en: 'Valid high and new technology enterprises' },
      unit: firms,
      source: computed('hnte.valid'),
      period: 'year-end',
      breakdowns: ['town'],
      citation: `${SUMMARY}：高新技术企业力争突破100家（12月31日有效的高企证书，按企业计）`,
      published: true,
    },
    drill: 'hnte.valid',
  },
  {
    definition: {
      id: 'hnte.new',
      name: { zh: '新认定高新技术企业', en: 'New HNTE certificates' },
      unit: firms,
      source: computed('hnte.new'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：2017年新增高新技术企业41家（当年发证）`,
    },
    drill: 'hnte.new',
  },
  {
    definition: {
      id: 'platforms.new_key_lab',
      name: { zh: '新增省级重点实验室', en: 'New provincial key laboratories' },
      unit: count,
      source: computed('platforms.new_key_lab'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：新增省级企业重点实验室3家`,
    },
    drill: 'platforms.new_key_lab',
  },
  {
    definition: {
      id: 'platforms.new_eng_center',
      name: { zh: '新增省级工程技术研究中心', en: 'New provincial engineering research centres' },
      unit: count,
      source: computed('platforms.new_eng_center'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：新增省级工程技术研究中心2家`,
    },
    drill: 'platforms.new_eng_center',
  },
  {
    definition: {
      id: 'platforms.new_rnd_institution',
      name: { zh: '新增省级新型研发机构', en: 'New provincial new-type R&D institutions' },
      unit: count,
      source: computed('platforms.new_rnd_institution'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：新增省级新型研发机构2家`,
    },
    drill: 'platforms.new_rnd_institution',
  },
  {
    definition: {
      id: 'patents.applications',
      name: { zh: '专利申请量', en: 'Patent applications' },
      unit: items,
      source: computed('patents.applications'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：专利申请7830件；2018年目标12000件。${PATENT_COUNT}`,
      published: true,
    },
    drill: 'patents.applications',
  },
  {
    definition: {
      id: 'patents.grants',
      name: { zh: '专利授权量', en: 'Patent grants' },
      unit: items,
      source: computed('patents.grants'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：专利授权5550件；2018年目标5500件。${PATENT_COUNT}`,
      published: true,
    },
    drill: 'patents.grants',
  },
  {
    definition: {
      id: 'patents.invention_applications',
      name: { zh: '发明专利申请量', en: 'Invention patent applications' },
      unit: items,
      source: computed('patents.invention_applications'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：2018年目标发明专利申请1300件。${PATENT_COUNT}`,
    },
    drill: 'patents.invention_applications',
  },
  {
    definition: {
      id: 'patents.invention_grants',
      name: { zh: '发明专利授权量', en: 'Invention patent grants' },
      unit: items,
      source: computed('patents.invention_grants'),
      period: 'year',
      breakdowns: ['town'],
      citation: `${SUMMARY}：2018年目标发明专利授权400件。${PATENT_COUNT}`,
    },
    drill: 'patents.invention_grants',
  },
  {
    definition: {
      id: 'patents.valid_invention',
      name: { zh: '有效发明专利', en: 'Valid invention patents' },
      unit: items,
      source: computed('patents.valid_invention'),
      period: 'year-end',
      breakdowns: ['town'],
      citation: `${SUMMARY}：有效发明专利1435件（12月31日已授权、未失效、未届满，专利法第四十二条）`,
    },
    drill: 'patents.valid_invention',
  },
  {
    definition: {
      id: 'population.resident',
      name: { zh: '常住人口', en: 'Resident population' },
      unit: { zh: '人', en: 'persons' },
      source: {
        kind: 'reported',
        department: { zh: '市统计局', en: 'Statistics bureau' },
        attachmentRequired: true,
      },
      period: 'year-end',
      citation: `${SUMMARY}：由有效发明专利1435件与每万人口6.86件推算，约2091837人（填报值）`,
    },
    drill: null,
  },
  {
    definition: {
      id: 'patents.invention_per_10k',
      name: { zh: '每万人口发明专利拥有量', en: 'Invention patents per 10,000 residents' },
      unit: { zh: '件/万人', en: 'per 10,000' },
      decimals: 2,
      source: { kind: 'formula', formula: 'patents.valid_invention / population.resident * 10000' },
      period: 'year-end',
      citation: `${SUMMARY}：每万人口发明专利拥有量6.86件；2018年目标8件以上`,
      published: true,
    },
    drill: 'patents.valid_invention',
    list: { zh: '有效发明专利（分子）', en: 'Valid invention patents (the numerator)' },
  },
  {
    definition: {
      id: 'above_scale.count',
      name: { zh: '规上工业企业', en: 'Above-scale industrial enterprises' },
      unit: firms,
      source: computed('above_scale.count'),
      period: 'year',
      breakdowns: ['town'],
      citation: '主营业务收入2000万元及以上的工业企业（国家统计局规模以上工业统计口径）',
    },
    drill: 'above_scale.count',
  },
  ...coverage(
    'invention',
    '有效发明专利',
    'a valid invention patent',
    '规上工业企业“三个全覆盖”：有效发明专利（年末有效，企业为申请人之一）',
  ),
  ...coverage(
    'rnd_platform',
    '研发机构',
    'an R&D institution',
    '规上工业企业“三个全覆盖”：研发机构（年末有效的重点实验室、工程技术研究中心、新型研发机构、院士或研究生工作站）',
  ),
  ...coverage(
    'cooperation',
    '产学研合作',
    'an industry–university cooperation agreement',
    '规上工业企业“三个全覆盖”：产学研合作（年末在有效期内的合作协议）',
  ),
  ...REGISTRY_ENTRIES,
  ...REPORTED_ENTRIES,
];
