/**
 * Ledger categories of the R&D auxiliary account (研发费用辅助账) and how each enters the two calibres:
 * the 高企 calibre (国科发火〔2016〕195号 三（六）2, eight categories) and the super-deduction calibre
 * (财税〔2015〕119号 一（一）, six categories, with 国家税务总局公告2017年第40号). A category one calibre does not
 * recognise carries the reason, so the difference between the two totals can be explained line by line.
 */
import type { Bilingual } from './criteria.ts';

export const HNTE_CATEGORIES = [
  'staff',
  'direct',
  'depreciation',
  'intangible',
  'design',
  'trial',
  'entrusted',
  'other',
] as const;
export type HnteCategory = (typeof HNTE_CATEGORIES)[number];

export const SD_CATEGORIES = [
  'staff',
  'direct',
  'depreciation',
  'intangible',
  'designTrial',
  'other',
] as const;
export type SdCategory = (typeof SD_CATEGORIES)[number];

export const HNTE_CATEGORY_TITLES: Record<HnteCategory, Bilingual> = {
  staff: { zh: '人员人工费用', en: 'Staff costs' },
  direct: { zh: '直接投入费用', en: 'Direct inputs' },
  depreciation: { zh: '折旧费用与长期待摊费用', en: 'Depreciation and long-term prepaid expenses' },
  intangible: { zh: '无形资产摊销费用', en: 'Amortisation of intangibles' },
  design: { zh: '设计费用', en: 'Design' },
  trial: { zh: '装备调试费用与试验费用', en: 'Equipment commissioning and trials' },
  entrusted: { zh: '委托外部研究开发费用', en: 'Entrusted external R&D' },
  other: { zh: '其他费用', en: 'Other costs' },
};

export const SD_CATEGORY_TITLES: Record<SdCategory, Bilingual> = {
  staff: { zh: '人员人工费用', en: 'Staff costs' },
  direct: { zh: '直接投入费用', en: 'Direct inputs' },
  depreciation: { zh: '折旧费用', en: 'Depreciation' },
  intangible: { zh: '无形资产摊销', en: 'Amortisation of intangibles' },
  designTrial: {
    zh: '新产品设计费、新工艺规程制定费、新药研制的临床试验费、勘探开发技术的现场试验费',
    en: 'New-product design, process specifications, clinical trials, exploration field tests',
  },
  other: { zh: '其他相关费用', en: 'Other related costs' },
};

export interface LedgerCategoryDef {
  title: Bilingual;
  hnte: HnteCategory | null;
  sd: SdCategory | 'entrusted' | null;
  /** Why a calibre leaves the item out. */
  hnteExcluded?: Bilingual;
  sdExcluded?: Bilingual;
}

export const LEDGER_CATEGORIES = {
  staff: {
    title: {
      zh: '人员人工（工资薪金、五险一金、外聘研发人员劳务费）',
      en: 'Staff (wages, social insurance, housing fund, external R&D staff)',
    },
    hnte: 'staff',
    sd: 'staff',
  },
  direct_inputs: {
    title: {
      zh: '材料、燃料、动力，试制，样品样机，仪器设备运行维护与租赁',
      en: 'Materials, fuel, power, trial production, samples, equipment upkeep and lease',
    },
    hnte: 'direct',
    sd: 'direct',
  },
  building_lease: {
    title: { zh: '研发用房屋（建筑物）经营租赁费', en: 'Operating lease of R&D buildings' },
    hnte: 'direct',
    sd: null,
    sdExcluded: {
      zh: '加计扣除仅限仪器、设备的租赁费（119号 一（一）2）',
      en: 'Super-deduction allows the lease of instruments and equipment only (119号 一(一)2)',
    },
  },
  equipment_depreciation: {
    title: { zh: '研发用仪器、设备折旧', en: 'Depreciation of R&D instruments and equipment' },
    hnte: 'depreciation',
    sd: 'depreciation',
  },
  building_depreciation: {
    title: { zh: '研发在用建筑物折旧', en: 'Depreciation of buildings used for R&D' },
    hnte: 'depreciation',
    sd: null,
    sdExcluded: {
      zh: '加计扣除不含房屋建筑物折旧（119号 一（一）3）',
      en: 'Super-deduction excludes depreciation of buildings (119号 一(一)3)',
    },
  },
  long_term_prepaid: {
    title: {
      zh: '研发设施改建、改装、装修和修理的长期待摊费用',
      en: 'Long-term prepaid costs of R&D facility works',
    },
    hnte: 'depreciation',
    sd: null,
    sdExcluded: {
      zh: '加计扣除不含长期待摊费用（执行指引2.0 表5）',
      en: 'Super-deduction excludes long-term prepaid expenses (执行指引2.0 表5)',
    },
  },
  intangible_amortisation: {
    title: {
      zh: '研发用软件、专利权、非专利技术摊销',
      en: 'Amortisation of R&D software, patents, know-how',
    },
    hnte: 'intangible',
    sd: 'intangible',
  },
  other_ip_amortisation: {
    title: {
      zh: '其他知识产权摊销（专利权、软件以外）',
      en: 'Amortisation of other IP (not patents or software)',
    },
    hnte: 'intangible',
    sd: null,
    sdExcluded: {
      zh: '加计扣除仅限软件、专利权、非专利技术的摊销（119号 一（一）4）',
      en: 'Super-deduction covers software, patents and know-how only (119号 一(一)4)',
    },
  },
  design: {
    title: {
      zh: '新产品设计费、新工艺规程制定费（含创意设计）',
      en: 'New-product design, process specification (incl. creative design)',
    },
    hnte: 'design',
    sd: 'designTrial',
  },
  clinical_exploration_trial: {
    title: {
      zh: '新药临床试验费、勘探开发技术的现场试验费',
      en: 'Clinical trials of new drugs, exploration field tests',
    },
    hnte: 'trial',
    sd: 'designTrial',
  },
  equipment_commissioning: {
    title: { zh: '装备调试费用', en: 'Equipment commissioning' },
    hnte: 'trial',
    sd: null,
    sdExcluded: {
      zh: '装备调试费不在加计扣除的六类费用之内（执行指引2.0 表5）',
      en: 'Commissioning is not one of the six super-deduction categories (执行指引2.0 表5)',
    },
  },
  field_trial: {
    title: { zh: '田间试验费', en: 'Field trials' },
    hnte: 'trial',
    sd: null,
    sdExcluded: {
      zh: '田间试验费不在加计扣除的六类费用之内（执行指引2.0 表5）',
      en: 'Field trials are not one of the six super-deduction categories (执行指引2.0 表5)',
    },
  },
  other: {
    title: {
      zh: '其他费用（图书资料、翻译、专家咨询、研发保险、检索论证评审鉴定验收、知识产权申请注册代理、会议差旅通讯等）',
      en: 'Other costs (literature, translation, consulting, insurance, reviews, IP filing, meetings, travel, communications)',
    },
    hnte: 'other',
    sd: 'other',
  },
  welfare_supplementary: {
    title: {
      zh: '职工福利费、补充养老保险费、补充医疗保险费',
      en: 'Staff welfare, supplementary pension and medical insurance',
    },
    hnte: null,
    sd: 'other',
    hnteExcluded: {
      zh: '195号 人员人工费用与其他费用均未列入（解释 I-12）',
      en: 'Not listed by 195号 (interpretation I-12)',
    },
  },
  entrusted: {
    title: { zh: '委托外部研究开发费用（实际支付额）', en: 'Entrusted external R&D (amount paid)' },
    hnte: 'entrusted',
    sd: 'entrusted',
  },
} as const satisfies Record<string, LedgerCategoryDef>;

export type LedgerCategory = keyof typeof LEDGER_CATEGORIES;

/** Adjustments of the super-deduction base (国家税务总局公告2017年第40号 七（一）（二）). */
export const ADJUSTMENT_CATEGORIES = {
  subsidy_netted: {
    title: {
      zh: '直接冲减研发费用且未确认为应税收入的政府补助',
      en: 'Government subsidy netted against R&D and not taxed',
    },
  },
  special_income: {
    title: {
      zh: '下脚料、残次品、中间试制品等特殊收入',
      en: 'Special income: scraps, rejects, intermediate trial products',
    },
  },
} as const;

export type AdjustmentCategory = keyof typeof ADJUSTMENT_CATEGORIES;

export const ALL_LEDGER_CATEGORIES = [
  ...(Object.keys(LEDGER_CATEGORIES) as LedgerCategory[]),
  ...(Object.keys(ADJUSTMENT_CATEGORIES) as AdjustmentCategory[]),
] as [LedgerCategory | AdjustmentCategory, ...(LedgerCategory | AdjustmentCategory)[]];

export function isAdjustment(category: string): category is AdjustmentCategory {
  return category in ADJUSTMENT_CATEGORIES;
}

export function ledgerCategoryDef(category: LedgerCategory): LedgerCategoryDef {
  const all: Record<LedgerCategory, LedgerCategoryDef> = LEDGER_CATEGORIES;
  return all[category];
}
