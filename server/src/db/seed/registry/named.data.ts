/**
 * The firms named in the 2017 summary (晋科〔2018〕11号) and the demo enterprise account's firm, with fixed profiles:
 * town, GB/T 4754-2017 小类, registration date, 高新技术领域 item and yearly figures. Names are the summary's; codes,
 * dates and figures are demo values (the USCC of 晋江交发科技有限公司 is a real code with a valid check character).
 */
import type { IndustryFamily } from './industries.data.ts';
import type { TechLevel } from './enterprises.ts';

export type NamedKey = 'demo' | 'xunxing' | 'huaxiang' | 'fanggan' | 'ruisi';

export interface NamedSpec {
  key: NamedKey;
  name: string;
  uscc?: string;
  town: string;
  industry: string;
  family: IndustryFamily;
  registered: string;
  hitech: string | null;
  tech: TechLevel;
  /** Revenue (万元), R&D (万元), staff, tech staff per year, from the first year with figures. */
  figures: Partial<Record<2015 | 2016 | 2017 | 2018, readonly [number, number, number, number]>>;
  patentWeight: number;
}

export const DEMO_ENTERPRISE_USCC = '91350582MA8RFY385R';

/**
 * 浔兴 makes zips: GB/T 4754-2017 has no 拉链 class, and the listed company is filed under 其他制造业 (大类 41),
 * so its 小类 is 4190 其他未列明制造业.
 */
export const NAMED_ENTERPRISES: readonly NamedSpec[] = [
  {
    key: 'demo',
    name: '晋江交发科技有限公司',
    uscc: DEMO_ENTERPRISE_USCC,
    town: '350582101',
    industry: '6531',
    family: 'software',
    registered: '2015-11-16',
    hitech: '10801',
    tech: 'high',
    figures: { 2016: [1260, 98, 46, 19], 2017: [2350, 161, 63, 27], 2018: [3480, 226, 78, 33] },
    patentWeight: 0,
  },
  {
    key: 'xunxing',
    name: '福建浔兴拉链科技股份有限公司',
    town: '350582105',
    industry: '4190',
    family: 'other_mfg',
    registered: '1994-12-06',
    hitech: '40306',
    tech: 'high',
    figures: {
      2015: [123000, 4180, 4650, 560],
      2016: [136000, 4760, 4720, 590],
      2017: [168000, 5710, 4810, 620],
      2018: [195000, 6630, 4900, 650],
    },
    patentWeight: 120,
  },
  {
    key: 'huaxiang',
    name: '泉州华祥纸业有限公司',
    town: '350582104',
    industry: '2221',
    family: 'paper',
    registered: '2003-05-20',
    hitech: '40305',
    tech: 'high',
    figures: {
      2015: [28600, 890, 420, 52],
      2016: [31200, 1010, 436, 55],
      2017: [35400, 1180, 452, 60],
      2018: [38900, 1320, 470, 64],
    },
    patentWeight: 30,
  },
  {
    key: 'fanggan',
    name: '晋江市钫淦新材料科技有限公司',
    town: '350582401',
    industry: '3091',
    family: 'energy',
    registered: '2016-03-09',
    hitech: '40104',
    tech: 'high',
    figures: { 2016: [120, 36, 12, 6], 2017: [680, 95, 21, 10], 2018: [1900, 210, 35, 15] },
    patentWeight: 25,
  },
  {
    key: 'ruisi',
    name: '泉州瑞思蚂蚁电子商务有限公司',
    town: '350582001',
    industry: '5292',
    family: 'trade',
    registered: '2014-08-12',
    hitech: '50601',
    tech: 'mid',
    figures: {
      2015: [860, 22, 35, 8],
      2016: [1540, 41, 48, 11],
      2017: [2680, 83, 66, 15],
      2018: [3950, 126, 84, 19],
    },
    patentWeight: 4,
  },
];
