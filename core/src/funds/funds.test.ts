import { describe, expect, it } from 'vitest';
import { policyStandard, type PolicyStandardInput } from './policy-standard.contract.ts';
import { proposeAmount, standardInForce } from './proposed-amount.ts';
import { fundFlags } from './supervision.ts';

const patentSubsidy2017: PolicyStandardInput = {
  id: 'patent-subsidy-2017',
  programme: 'patent-subsidy',
  name: { zh: '专利资助（2017 年标准）', en: 'Patent subsidy (2017 standard)' },
  effectiveFrom: '2017-01-01',
  effectiveTo: '2018-12-31',
  citation: '晋江市专利资助办法（示例标准）',
  perItem: [
    {
      item: 'invention_grant',
      label: { zh: '发明专利授权', en: 'Invention granted' },
      unit: { zh: '件', en: 'patents' },
      amountFen: '500000',
    },
    {
      item: 'pct_filing',
      label: { zh: 'PCT 申请', en: 'PCT filing' },
      unit: { zh: '件', en: 'filings' },
      amountFen: '1000000',
      maxItems: 5,
    },
  ],
  capPerEnterpriseYearFen: '10000000',
};
const rdTiers: PolicyStandardInput = {
  id: 'rd-growth-2018',
  programme: 'rd-subsidy',
  name: { zh: '研发投入增长补助', en: 'R&D growth subsidy' },
  effectiveFrom: '2018-01-01',
  citation: '示例：研发经费增量分段补助',
  tiers: {
    base: { zh: '研发经费增量', en: 'R&D growth' },
    bands: [
      { fromFen: '0', percent: '10' },
      { fromFen: '100000000', percent: '5' },
    ],
  },
  capPerApplicationFen: '50000000',
};
const standards = [policyStandard.parse(patentSubsidy2017), policyStandard.parse(rdTiers)];

describe('standardInForce', () => {
  it('picks the standard in force on the day and says when none is', () => {
    expect(standardInForce(standards, 'patent-subsidy', '2018-12-31')).toMatchObject({
      ok: true,
      standard: { id: 'patent-subsidy-2017' },
    });
    expect(standardInForce(standards, 'patent-subsidy', '2019-01-01')).toEqual({
      ok: false,
      zh: '2019-01-01 没有有效的资助标准（patent-subsidy）',
      en: 'no funding standard of patent-subsidy is in force on 2019-01-01',
    });
  });

  it('refuses to choose when two standards overlap', () => {
    const overlap = policyStandard.parse({
      ...patentSubsidy2017,
      id: 'patent-subsidy-2018',
      effectiveFrom: '2018-06-01',
      effectiveTo: undefined,
    });
    expect(standardInForce([...standards, overlap], 'patent-subsidy', '2018-07-01')).toMatchObject({
      ok: false,
      zh: '2018-07-01 同时有 2 个资助标准有效：patent-subsidy-2017、patent-subsidy-2018',
    });
  });

  it('rejects a standard that ends before it starts or has no way to compute', () => {
    expect(
      policyStandard.safeParse({ ...patentSubsidy2017, effectiveTo: '2016-12-31' }).error?.issues[0]?.path,
    ).toEqual(['effectiveTo']);
    expect(policyStandard.safeParse({ ...patentSubsidy2017, perItem: [] }).error?.issues[0]?.path).toEqual([
      'perItem',
    ]);
  });
});

describe('proposeAmount', () => {
  it('shows each item as count × rate when three inventions and two PCT filings are claimed', () => {
    const result = proposeAmount(standards[0]!, { items: { invention_grant: 3, pct_filing: 2 } });
    expect(result.lines.map((l) => l.zh)).toEqual([
      '发明专利授权：3 件 × ¥5,000.00 = ¥15,000.00',
      'PCT 申请：2 件 × ¥10,000.00 = ¥20,000.00',
    ]);
    expect(result).toMatchObject({ grossFen: '3500000', amountFen: '3500000', capped: false });
  });

  it('pays only the PCT filings left under the yearly item limit', () => {
    const result = proposeAmount(standards[0]!, {
      items: { pct_filing: 4 },
      itemsPaidThisYear: { pct_filing: 3 },
    });
    expect(result.amountFen).toBe('2000000');
    expect(result.lines[0]!.zh).toBe('PCT 申请：2 件 × ¥10,000.00 = ¥20,000.00（每年最多 5 件，已资助 3）');
  });

  it('stops at the yearly cap to the 分 when the enterprise was already awarded most of it', () => {
    const result = proposeAmount(standards[0]!, {
      items: { invention_grant: 10 },
      awardedThisYearFen: 5_000_001n,
    });
    expect(result).toMatchObject({ grossFen: '5000000', amountFen: '4999999', capped: true });
    expect(result.lines.at(-1)!.zh).toBe(
      '每家企业每年封顶 ¥100,000.00，本年已资助 ¥50,000.01，本次至多 ¥49,999.99',
    );
  });

  it('applies marginal tiers exactly and rounds down to the 分 only at the end', () => {
    // 1,500,000.05 yuan of growth: 1,000,000 × 10 % + 500,000.05 × 5 % = 100,000 + 25,000.0025 → 125,000.00
    const result = proposeAmount(standards[1]!, { baseFen: 150_000_005n });
    expect(result.lines.map((l) => l.amountFen)).toEqual(['10000000', '2500000']);
    expect(result.amountFen).toBe('12500000');
  });

  it('caps a single application', () => {
    expect(proposeAmount(standards[1]!, { baseFen: 1_000_000_000n })).toMatchObject({
      grossFen: '55000000',
      amountFen: '50000000',
      capped: true,
    });
  });
});

describe('fundFlags', () => {
  const award = (id: string, itemKey: string, amountFen: bigint, over = {}) => ({
    id,
    uscc: '91350582MA8RFY385R',
    programme: 'patent-subsidy',
    itemKey,
    awardedOn: '2017-06-30',
    amountFen,
    standardAmountFen: 500_000n,
    ...over,
  });

  it('flags the same patent funded twice, a patent lapsing within two years, and an award above the standard', () => {
    const flags = fundFlags(
      [
        award('A1', '201710123456.X', 500_000n),
        award('A2', '201710123456.X', 500_000n, { awardedOn: '2018-03-01' }),
        award('A3', '201720654321.0', 600_000n),
      ],
      [{ itemKey: '201720654321.0', lapsedOn: '2019-06-30' }],
      2,
    );
    expect(flags.map((f) => f.kind)).toEqual(['duplicate', 'lapsed-within-clawback', 'above-standard']);
    expect(flags[0]).toMatchObject({ awards: ['A1', 'A2'] });
    expect(flags[1]!.zh).toBe('受资助专利 201720654321.0 于 2019-06-30 失效，在资助后 2 年追回期内');
    expect(flags[2]!.zh).toBe('资助金额高于标准计算金额（无调整理由）');
  });

  it('does not flag a lapse the day after the clawback window ends', () => {
    expect(fundFlags([award('A1', 'P1', 500_000n)], [{ itemKey: 'P1', lapsedOn: '2019-07-01' }], 2)).toEqual(
      [],
    );
  });
});
