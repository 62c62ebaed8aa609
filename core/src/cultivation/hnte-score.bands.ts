/**
 * The scoring tables of 企业创新能力评价 (国科发火〔2016〕195号 三（七）). Data, not logic: each band with its
 * inclusive point range and the words of the guide. Experts choose an integer inside the band's range.
 */
import { Rational } from '../common/rational.ts';
import type { Bilingual } from './criteria.ts';

export interface ScoreBand<B extends string = string> {
  band: B;
  min: number;
  max: number;
  label: Bilingual;
}

export type FiveBand = 'A' | 'B' | 'C' | 'D' | 'E';
export type SixBand = FiveBand | 'F';
export type TwoBand = 'A' | 'B';

export const IP_ADVANCED_BANDS: readonly ScoreBand<FiveBand>[] = [
  { band: 'A', min: 7, max: 8, label: { zh: '高', en: 'high' } },
  { band: 'B', min: 5, max: 6, label: { zh: '较高', en: 'fairly high' } },
  { band: 'C', min: 3, max: 4, label: { zh: '一般', en: 'average' } },
  { band: 'D', min: 1, max: 2, label: { zh: '较低', en: 'fairly low' } },
  { band: 'E', min: 0, max: 0, label: { zh: '无', en: 'none' } },
];

export const IP_SUPPORT_BANDS: readonly ScoreBand<FiveBand>[] = [
  { band: 'A', min: 7, max: 8, label: { zh: '强', en: 'strong' } },
  { band: 'B', min: 5, max: 6, label: { zh: '较强', en: 'fairly strong' } },
  { band: 'C', min: 3, max: 4, label: { zh: '一般', en: 'average' } },
  { band: 'D', min: 1, max: 2, label: { zh: '较弱', en: 'fairly weak' } },
  { band: 'E', min: 0, max: 0, label: { zh: '无', en: 'none' } },
];

export const IP_COUNT_BANDS: readonly ScoreBand<FiveBand>[] = [
  { band: 'A', min: 7, max: 8, label: { zh: '1项及以上（Ⅰ类）', en: '1 or more (class Ⅰ)' } },
  { band: 'B', min: 5, max: 6, label: { zh: '5项及以上（Ⅱ类）', en: '5 or more (class Ⅱ)' } },
  { band: 'C', min: 3, max: 4, label: { zh: '3～4项（Ⅱ类）', en: '3–4 (class Ⅱ)' } },
  { band: 'D', min: 1, max: 2, label: { zh: '1～2项（Ⅱ类）', en: '1–2 (class Ⅱ)' } },
  { band: 'E', min: 0, max: 0, label: { zh: '0项', en: 'none' } },
];

export const IP_ACQUISITION_BANDS: readonly ScoreBand<TwoBand>[] = [
  { band: 'A', min: 1, max: 6, label: { zh: '有自主研发', en: 'includes own R&D' } },
  {
    band: 'B',
    min: 1,
    max: 3,
    label: { zh: '仅有受让、受赠和并购等', en: 'only transfer, gift, merger etc.' },
  },
];

export const IP_STANDARDS_BANDS: readonly ScoreBand<TwoBand>[] = [
  { band: 'A', min: 1, max: 2, label: { zh: '是', en: 'yes' } },
  { band: 'B', min: 0, max: 0, label: { zh: '否', en: 'no' } },
];

/** 知识产权 including the standards bonus never exceeds 30 (“加分后‘知识产权’总分不超过30分”). */
export const IP_MAX = 30;

/** 科技成果转化能力, by the yearly average number of conversions (lower bounds inclusive). */
export const TRANSFORMATION_BANDS: readonly (ScoreBand<SixBand> & { minAverage: number })[] = [
  {
    band: 'A',
    minAverage: 5,
    min: 25,
    max: 30,
    label: { zh: '转化能力强（≥5项）', en: 'strong (≥ 5 a year)' },
  },
  {
    band: 'B',
    minAverage: 4,
    min: 19,
    max: 24,
    label: { zh: '转化能力较强（≥4项）', en: 'fairly strong (≥ 4 a year)' },
  },
  {
    band: 'C',
    minAverage: 3,
    min: 13,
    max: 18,
    label: { zh: '转化能力一般（≥3项）', en: 'average (≥ 3 a year)' },
  },
  {
    band: 'D',
    minAverage: 2,
    min: 7,
    max: 12,
    label: { zh: '转化能力较弱（≥2项）', en: 'fairly weak (≥ 2 a year)' },
  },
  { band: 'E', minAverage: 1, min: 1, max: 6, label: { zh: '转化能力弱（≥1项）', en: 'weak (≥ 1 a year)' } },
  { band: 'F', minAverage: 0, min: 0, max: 0, label: { zh: '转化能力无（0项）', en: 'none (0)' } },
];

/** 研究开发组织管理水平: four reference items, no official bands. */
export const RD_MANAGEMENT_ITEMS = [
  {
    id: 'system',
    max: 6,
    label: {
      zh: '研发组织管理制度、研发投入核算体系、研发费用辅助账',
      en: 'R&D management rules, R&D cost accounting, auxiliary ledger',
    },
  },
  {
    id: 'institution',
    max: 6,
    label: {
      zh: '内部研发机构及科研条件，产学研合作',
      en: 'In-house R&D unit and facilities, research co-operation',
    },
  },
  {
    id: 'transformation',
    max: 4,
    label: {
      zh: '成果转化组织实施与激励奖励制度，开放式创新创业平台',
      en: 'Conversion organisation and rewards, open innovation platform',
    },
  },
  {
    id: 'talent',
    max: 4,
    label: {
      zh: '人才培养、技能培训、人才引进及绩效评价奖励制度',
      en: 'Training, skills, recruitment and performance rewards',
    },
  },
] as const;

export type RdManagementItem = (typeof RD_MANAGEMENT_ITEMS)[number]['id'];

/** 企业成长性: each of 净资产增长率 and 销售收入增长率 (≤ 10 each). `above` is the inclusive lower bound; E is "> 0". */
export const GROWTH_BANDS: readonly (ScoreBand<SixBand> & { atLeast: Rational | null })[] = [
  { band: 'A', atLeast: Rational.percent(35), min: 9, max: 10, label: { zh: '≥35%', en: '≥ 35 %' } },
  { band: 'B', atLeast: Rational.percent(25), min: 7, max: 8, label: { zh: '≥25%', en: '≥ 25 %' } },
  { band: 'C', atLeast: Rational.percent(15), min: 5, max: 6, label: { zh: '≥15%', en: '≥ 15 %' } },
  { band: 'D', atLeast: Rational.percent(5), min: 3, max: 4, label: { zh: '≥5%', en: '≥ 5 %' } },
  { band: 'E', atLeast: null, min: 1, max: 2, label: { zh: '>0', en: '> 0' } },
  { band: 'F', atLeast: null, min: 0, max: 0, label: { zh: '≤0', en: '≤ 0' } },
];

export const INDICATOR_MAX = { ip: 30, transformation: 30, rdManagement: 20, growth: 20 } as const;

export const HNTE_SCORE_PASS = 71;

export function findBand<B extends string>(bands: readonly ScoreBand<B>[], band: B): ScoreBand<B> {
  const found = bands.find((b) => b.band === band);
  if (!found) throw new RangeError(`unknown band ${band}`);
  return found;
}

/** IP-count band from the counts (a class Ⅰ item gives A whatever the class Ⅱ count). */
export function ipCountBand(countI: number, countII: number): FiveBand {
  if (countI >= 1) return 'A';
  if (countII >= 5) return 'B';
  if (countII >= 3) return 'C';
  if (countII >= 1) return 'D';
  return 'E';
}

/**
 * 成果转化 band by the exact yearly average. An average strictly between 0 and 1 matches no band in the text
 * and is graded F (interpretation I-06).
 */
export function transformationBand(average: Rational): SixBand {
  for (const b of TRANSFORMATION_BANDS) {
    if (b.band === 'F') break;
    if (average.gte(Rational.of(b.minAverage))) return b.band;
  }
  return 'F';
}

export function growthBand(rate: Rational | null): SixBand {
  if (rate === null || rate.sign() <= 0) return 'F';
  for (const b of GROWTH_BANDS) if (b.atLeast && rate.gte(b.atLeast)) return b.band;
  return 'E';
}
