import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/validation-messages.ts';
import { tsmeInput, type TsmeRawInput } from './tsme.contract.ts';
import {
  TSME_RD_COST_BANDS,
  TSME_RD_SALES_BANDS,
  TSME_STAFF_BANDS,
  evaluateTsme,
  tsmeIpPoints,
} from './tsme.rules.ts';

const WAN = 1_000_000;

function raw(over: Partial<TsmeRawInput> = {}): TsmeRawInput {
  return {
    assessmentDate: '2024-03-20',
    residentEnterprise: true,
    employees: 100,
    techStaff: 20,
    salesRevenueFen: 5_000 * WAN,
    totalAssetsFen: 4_000 * WAN,
    prohibitedIndustry: false,
    incidentOrBlacklisted: false,
    rdExpenseFen: 250 * WAN,
    totalCostFen: 4_000 * WAN,
    ipI: 0,
    ipII: 3,
    ...over,
  };
}

const run = (r: TsmeRawInput) => evaluateTsme(tsmeInput.parse(r));

describe('科技型中小企业 — scoring bands', () => {
  it('scores tech staff at each inclusive lower bound and just below it', () => {
    for (const band of TSME_STAFF_BANDS.filter((b) => b.atLeastPct > 0)) {
      expect(run(raw({ techStaff: band.atLeastPct, employees: 100 })).score.staff).toBe(band.points);
      const below = TSME_STAFF_BANDS[TSME_STAFF_BANDS.indexOf(band) + 1];
      expect(run(raw({ techStaff: band.atLeastPct * 100 - 1, employees: 10_000 })).score.staff).toBe(
        below?.points,
      );
    }
  });

  it('scores R&D ÷ sales at each edge and one 分 below', () => {
    for (const [i, band] of TSME_RD_SALES_BANDS.entries()) {
      if (band.atLeastPct === 0) continue;
      const rd = band.atLeastPct * 100 * WAN; // of 10000万 sales
      expect(
        run(raw({ salesRevenueFen: 10_000 * WAN, rdExpenseFen: rd, totalCostFen: 0 })).score.rdBySales,
      ).toBe(band.points);
      expect(
        run(raw({ salesRevenueFen: 10_000 * WAN, rdExpenseFen: rd - 1, totalCostFen: 0 })).score.rdBySales,
      ).toBe(TSME_RD_SALES_BANDS[i + 1]?.points);
    }
  });

  it('scores R&D ÷ total costs at each edge and one 分 below', () => {
    for (const [i, band] of TSME_RD_COST_BANDS.entries()) {
      if (band.atLeastPct === 0) continue;
      const rd = band.atLeastPct * 100 * WAN; // of 10000万 costs
      expect(run(raw({ totalCostFen: 10_000 * WAN, rdExpenseFen: rd })).score.rdByCost).toBe(band.points);
      expect(run(raw({ totalCostFen: 10_000 * WAN, rdExpenseFen: rd - 1 })).score.rdByCost).toBe(
        TSME_RD_COST_BANDS[i + 1]?.points,
      );
    }
  });

  it('scores IP: one class Ⅰ gives 30, class Ⅱ 6 each up to 24 from four', () => {
    expect(tsmeIpPoints(1, 0)).toBe(30);
    expect([0, 1, 2, 3, 4, 9].map((n) => tsmeIpPoints(0, n))).toEqual([0, 6, 12, 18, 24, 24]);
  });

  it('takes the better R&D indicator for the enterprise and shows both', () => {
    // 250万 ÷ 5000万 sales = 5 % → 40; 250万 ÷ 1000万 costs = 25 % → 40; with costs 800万: 31.25 % → 50.
    const r = run(raw({ totalCostFen: 800 * WAN }));
    expect(r.score.rdBySales).toBe(40);
    expect(r.score.rdByCost).toBe(50);
    expect(r.score.rd).toBe(50);
    expect(r.score.rdChosen).toBe('cost');
    const s = run(raw({ totalCostFen: 10_000 * WAN }));
    expect(s.score.rdByCost).toBe(0);
    expect(s.score.rd).toBe(40);
    expect(s.score.rdChosen).toBe('sales');
  });

  it('tells what reaches the next band', () => {
    const r = run(raw({ salesRevenueFen: 10_000 * WAN, rdExpenseFen: 450 * WAN, totalCostFen: 0 }));
    const bySales = r.indicators.find((i) => i.id === 'rdBySales');
    expect(bySales?.next).toEqual({
      points: 40,
      needs: { zh: '研发费用再增加 ¥500,000.00 可得 40 分', en: '¥500,000.00 more R&D gives 40 points' },
    });
    // Against costs extra R&D raises both sides: (t·C − r) ÷ (1 − t) = (0.15·1000万 − 100万) ÷ 0.85 = ¥588,235.30 (rounded up).
    const byCost = run(raw({ totalCostFen: 1_000 * WAN, rdExpenseFen: 100 * WAN })).indicators.find(
      (i) => i.id === 'rdByCost',
    );
    expect(byCost?.next?.needs.zh).toBe('研发费用再增加 ¥588,235.30 可得 20 分');
    const staff = run(raw({ techStaff: 21, employees: 100 })).indicators.find((i) => i.id === 'staff');
    expect(staff?.next?.needs.zh).toBe('科技人员再增加 4 人（职工总数不变）可得 16 分');
  });
});

describe('科技型中小企业 — qualification', () => {
  it('qualifies at exactly 60 points and not at 56', () => {
    // staff 20 % → 12; R&D 4 % of sales → 30; 3 Ⅱ类 → 18 → 60.
    const at60 = run(raw({ rdExpenseFen: 200 * WAN, totalCostFen: 0 }));
    expect(at60.score.total).toBe(60);
    expect(at60.qualified).toBe(true);
    const at56 = run(raw({ rdExpenseFen: 200 * WAN, totalCostFen: 0, techStaff: 19 }));
    expect(at56.score.total).toBe(56);
    expect(at56.qualified).toBe(false);
    expect(at56.failures).toEqual(['score']);
    expect(at56.criteria.find((c) => c.id === 'score')?.gap?.zh).toBe('综合得分还差 4 分');
  });

  it('refuses a zero tech-staff score even with 60 points or more', () => {
    const r = run(raw({ techStaff: 9, ipI: 1, rdExpenseFen: 300 * WAN, totalCostFen: 0 }));
    expect(r.score.staff).toBe(0);
    expect(r.score.total).toBe(80);
    expect(r.qualified).toBe(false);
    expect(r.failures).toEqual(['tech-staff-nonzero']);
    expect(r.criteria.find((c) => c.id === 'tech-staff-nonzero')?.gap?.zh).toBe(
      '科技人员还需 1 人（职工总数不变）',
    );
  });

  it('accepts exactly 500 staff, 2亿 sales and 2亿 assets, and refuses one more', () => {
    const edge = run(
      raw({
        employees: 500,
        techStaff: 100,
        salesRevenueFen: 20_000 * WAN,
        totalAssetsFen: 20_000 * WAN,
        rdExpenseFen: 1_000 * WAN,
      }),
    );
    expect(edge.basicOk).toBe(true);
    const over = run(
      raw({
        employees: 501,
        techStaff: 100,
        salesRevenueFen: 20_000 * WAN + 1,
        totalAssetsFen: 20_000 * WAN + 1,
        rdExpenseFen: 1_000 * WAN,
      }),
    );
    expect(over.basicOk).toBe(false);
    expect(over.failures).toEqual(['employees', 'sales', 'assets']);
    expect(over.criteria.find((c) => c.id === 'sales')?.gap?.zh).toBe('超出 ¥0.01');
  });

  it('fails the basic conditions for a non-resident, prohibited or blacklisted enterprise', () => {
    const r = run(raw({ residentEnterprise: false, prohibitedIndustry: true, incidentOrBlacklisted: true }));
    expect(r.qualified).toBe(false);
    expect(r.failures).toEqual(['resident', 'industry', 'integrity']);
  });

  it('stays undecided rather than guessing when facts are missing', () => {
    const r = run({ assessmentDate: '2024-03-20', employees: 10, techStaff: 5 });
    expect(r.qualified).toBeNull();
    expect(r.score.total).toBeNull();
    expect(r.undecided).toEqual(expect.arrayContaining(['resident', 'sales', 'assets', 'score']));
  });
});

describe('科技型中小企业 — direct confirmation (第八条)', () => {
  const weak = { techStaff: 5, employees: 100, rdExpenseFen: 0, ipII: 0 } as const;

  it('confirms with an HNTE certificate valid on the assessment date, without the score', () => {
    const r = run(raw({ ...weak, direct: { hnteCertificate: { issuedOn: '2021-03-20' } } }));
    expect(r.directConfirm).toBe(true);
    expect(r.qualified).toBe(true);
    expect(r.failures).toEqual([]);
    // Three years from 2021-03-19 end on 2024-03-19 (民法典 第二百零二条).
    expect(run(raw({ ...weak, direct: { hnteCertificate: { issuedOn: '2021-03-19' } } })).directConfirm).toBe(
      false,
    );
    expect(
      run(raw({ ...weak, direct: { hnteCertificate: { issuedOn: '2021-01-01', validUntil: '2024-06-30' } } }))
        .directConfirm,
    ).toBe(true);
  });

  it('confirms with a national award ranked in the top three within five years', () => {
    expect(
      run(raw({ ...weak, direct: { nationalAwards: [{ awardedOn: '2019-03-20', rank: 3 }] } })).directConfirm,
    ).toBe(true);
    expect(
      run(raw({ ...weak, direct: { nationalAwards: [{ awardedOn: '2019-03-19', rank: 1 }] } })).directConfirm,
    ).toBe(false);
    expect(
      run(raw({ ...weak, direct: { nationalAwards: [{ awardedOn: '2023-01-01', rank: 4 }] } })).directConfirm,
    ).toBe(false);
  });

  it('confirms with a provincial R&D institution or a standard led within five years', () => {
    expect(run(raw({ ...weak, direct: { provincialRdInstitution: true } })).directConfirm).toBe(true);
    expect(
      run(
        raw({
          ...weak,
          direct: { ledStandards: [{ publishedOn: '2022-05-01', level: 'industry', drafterRank: 5 }] },
        }),
      ).directConfirm,
    ).toBe(true);
    expect(
      run(
        raw({
          ...weak,
          direct: { ledStandards: [{ publishedOn: '2022-05-01', level: 'national', drafterRank: 6 }] },
        }),
      ).directConfirm,
    ).toBe(false);
  });

  it('still needs the basic conditions when directly confirmed', () => {
    const r = run(raw({ ...weak, employees: 600, direct: { provincialRdInstitution: true } }));
    expect(r.directConfirm).toBe(true);
    expect(r.qualified).toBe(false);
    expect(r.failures).toEqual(['employees']);
  });
});

describe('科技型中小企业 — invalid input', () => {
  function fields(r: unknown) {
    const p = tsmeInput.safeParse(r);
    if (p.success) throw new Error('expected errors');
    return toFieldErrors(p.error.issues, 'zh-CN');
  }

  it('names both fields when tech staff exceed staff or R&D exceeds total costs', () => {
    const e = fields(raw({ techStaff: 101, rdExpenseFen: 5_000 * WAN }));
    expect(e.map((x) => x.field)).toEqual(['techStaff', 'rdExpenseFen']);
    expect(e[0]?.message).toContain('employees');
    expect(e[1]?.message).toContain('totalCostFen');
  });

  it('rejects dates after the assessment date and invalid dates', () => {
    expect(
      fields(raw({ direct: { nationalAwards: [{ awardedOn: '2024-03-21', rank: 1 }] } }))[0]?.field,
    ).toBe('direct.nationalAwards.0.awardedOn');
    expect(fields(raw({ direct: { hnteCertificate: { issuedOn: '2024-02-30' } } }))[0]?.field).toBe(
      'direct.hnteCertificate.issuedOn',
    );
    expect(
      fields(raw({ direct: { hnteCertificate: { issuedOn: '2022-01-01', validUntil: '2021-01-01' } } }))[0]
        ?.rule,
    ).toBe('date_order');
  });

  it('rejects negative figures with the field named', () => {
    expect(fields(raw({ salesRevenueFen: -5 }))[0]?.field).toBe('salesRevenueFen');
    expect(fields(raw({ employees: -1 }))[0]?.field).toBe('employees');
    expect(fields(raw({ ipII: 1.5 }))[0]?.field).toBe('ipII');
  });
});
