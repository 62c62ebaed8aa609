/**
 * 研发费用加计扣除 rates as versioned policy data. Each record says who qualifies, from/to which dates, the
 * additional-deduction rate for expensed R&D and the amortisation multiplier for R&D-formed intangibles, and the
 * document it comes from. `superDeductionFor` takes, for a tax year, the best full-year record the enterprise
 * qualifies for, then applies any higher record covering part of the year (2022 Q4) by its method.
 * Adding a policy is adding a record here; no code changes.
 */

export type RateQualifier = 'all' | 'tsme' | 'manufacturing' | 'listed_ic_or_machine_tool';

export interface SuperDeductionRate {
  id: string;
  /** Additional deduction, percent of the expensed base (integer). */
  ratePct: number;
  /** Tax amortisation of R&D-formed intangibles, percent of cost; null when the record does not cover them. */
  intangibleMultiplierPct: number | null;
  qualifies: RateQualifier;
  /** Inclusive ISO dates; `to` null = open-ended. */
  from: string;
  to: string | null;
  document: string;
  article: string;
  /**
   * A part-year record whose share of the annual base may be computed by 比例法: 全年研发费用 × 期间经营月份数 ÷
   * 全年实际经营月份数 (财政部 税务总局 科技部公告2022年第28号), or from the period's actual costs.
   */
  proportionalMethod: boolean;
  note?: string;
}

export const SUPER_DEDUCTION_RATES: readonly SuperDeductionRate[] = [
  {
    id: 'cit-regulations-2008-50',
    ratePct: 50,
    intangibleMultiplierPct: 150,
    qualifies: 'all',
    from: '2008-01-01',
    to: '2015-12-31',
    document: '《中华人民共和国企业所得税法实施条例》',
    article: '第九十五条',
    proportionalMethod: false,
  },
  {
    id: 'caishui-2015-119-50',
    ratePct: 50,
    intangibleMultiplierPct: 150,
    qualifies: 'all',
    from: '2016-01-01',
    to: '2017-12-31',
    document: '财税〔2015〕119号',
    article: '一',
    proportionalMethod: false,
    note: 'In 2017 enterprises other than 科技型中小企业 stayed at 50 % until 财税〔2018〕99号.',
  },
  {
    id: 'caishui-2017-34-tsme-75',
    ratePct: 75,
    intangibleMultiplierPct: 175,
    qualifies: 'tsme',
    from: '2017-01-01',
    to: '2019-12-31',
    document: '财税〔2017〕34号',
    article: '一',
    proportionalMethod: false,
  },
  {
    id: 'caishui-2018-99-75',
    ratePct: 75,
    intangibleMultiplierPct: 175,
    qualifies: 'all',
    from: '2018-01-01',
    to: '2020-12-31',
    document: '财税〔2018〕99号',
    article: '一',
    proportionalMethod: false,
  },
  {
    id: 'mof-sat-2021-6-75',
    ratePct: 75,
    intangibleMultiplierPct: 175,
    qualifies: 'all',
    from: '2021-01-01',
    to: '2023-12-31',
    document: '财政部 税务总局公告2021年第6号',
    article: '一（财税〔2018〕99号 延长至2023年12月31日）',
    proportionalMethod: false,
  },
  {
    id: 'mof-sat-2021-13-manufacturing-100',
    ratePct: 100,
    intangibleMultiplierPct: 200,
    qualifies: 'manufacturing',
    from: '2021-01-01',
    to: '2022-12-31',
    document: '财政部 税务总局公告2021年第13号',
    article: '一',
    proportionalMethod: false,
    note: 'Repealed from 2023 by 财政部 税务总局公告2023年第7号, which gives every enterprise 100 %.',
  },
  {
    id: 'mof-sat-most-2022-16-tsme-100',
    ratePct: 100,
    intangibleMultiplierPct: 200,
    qualifies: 'tsme',
    from: '2022-01-01',
    to: '2022-12-31',
    document: '财政部 税务总局 科技部公告2022年第16号',
    article: '一',
    proportionalMethod: false,
    note: 'Repealed from 2023 by 财政部 税务总局公告2023年第7号.',
  },
  {
    id: 'mof-sat-most-2022-28-q4-100',
    ratePct: 100,
    intangibleMultiplierPct: null,
    qualifies: 'all',
    from: '2022-10-01',
    to: '2022-12-31',
    document: '财政部 税务总局 科技部公告2022年第28号',
    article: '二',
    proportionalMethod: true,
    note: 'For enterprises then at 75 %; Q4 costs either actual or 全年 × Q4 经营月份 ÷ 全年经营月份.',
  },
  {
    id: 'mof-sat-2023-7-100',
    ratePct: 100,
    intangibleMultiplierPct: 200,
    qualifies: 'all',
    from: '2023-01-01',
    to: null,
    document: '财政部 税务总局公告2023年第7号',
    article: '一',
    proportionalMethod: false,
  },
  {
    id: 'mof-sat-ndrc-miit-2023-44-120',
    ratePct: 120,
    intangibleMultiplierPct: 220,
    qualifies: 'listed_ic_or_machine_tool',
    from: '2023-01-01',
    to: '2027-12-31',
    document: '财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号',
    article: '一',
    proportionalMethod: false,
    note: 'Integrated-circuit and industrial-machine-tool enterprises on the published lists.',
  },
];
