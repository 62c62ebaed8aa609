/**
 * Every cultivation case of the product owner's worked examples must come out exactly. The fixture's amounts
 * are in 元 (or 万元 where the key says so); the rules take 分.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatWan, yuanString } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { growthRate } from './growth.ts';
import { hnteConditionsInput } from './hnte-conditions.contract.ts';
import { assessHnteConditions } from './hnte-conditions.rules.ts';
import {
  GROWTH_BANDS,
  TRANSFORMATION_BANDS,
  IP_COUNT_BANDS,
  findBand,
  growthBand,
  ipCountBand,
  transformationBand,
} from './hnte-score.bands.ts';
import { hnteScoreInput } from './hnte-score.contract.ts';
import { scoreHnte } from './hnte-score.rules.ts';
import { manufacturingTest, negativeListTest } from './industry.ts';
import { rdCalibresInput } from './rd-ledger.contract.ts';
import { computeRdCalibres } from './rd-calibres.rules.ts';
import { superDeductionInput } from './super-deduction.contract.ts';
import { computeSuperDeduction } from './super-deduction.rules.ts';
import { tsmeInput } from './tsme.contract.ts';
import { evaluateTsme } from './tsme.rules.ts';

interface Case {
  id: string;
  topic: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/rules-examples.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const TOPICS = new Set([
  'hnte_eligibility',
  'hnte_innovation_ip_count',
  'hnte_innovation_transformation',
  'hnte_innovation_growth',
  'hnte_innovation_total',
  'hnte_rd_aggregation',
  'super_deduction_rate',
  'super_deduction_2022_q4',
  'super_deduction_negative_list',
  'super_deduction_manufacturing_test',
  'super_deduction_other_cap',
  'super_deduction_entrusted',
  'super_deduction_combined',
  'super_deduction_intangible',
  'super_deduction_adjustments',
  'tech_sme',
]);
const cases = fixture.cases.filter((c) => TOPICS.has(c.topic));

/** 元 (integer in the fixture) → 分 */
const fen = (yuan: unknown) => (yuan as number) * 100;
const wan = (w: number) => w * 1_000_000;
const num = (v: unknown) => v as number;

const handlers: Record<string, (c: Case) => void> = {
  'HNTE-ELIG-01': ({ input: i, expected: e }) => {
    const sales = i.sales3y as number[];
    const rd = i.rd3y as number[];
    const dom = i.domesticRd3y as number[];
    expect(num(i.latestYearSales)).toBe(sales[2]);
    const parsed = hnteConditionsInput.parse({
      assessmentDate: i.applicationDate,
      registrationDate: i.registrationDate,
      hasCoreIpOwnership: i.hasCoreIpOwnership,
      techInKeyFields: i.techInKeyFields,
      majorIncidentWithinYear: i.majorIncidentWithinYear,
      staff: { techStaff: i.techStaff, totalStaff: i.totalStaff },
      innovationScore: i.innovationScore,
      years: [2020, 2021, 2022].map((year, k) => ({
        year,
        salesFen: fen(sales[k]),
        rdFen: fen(rd[k]),
        domesticRdFen: fen(dom[k]),
        ...(k === 2
          ? { hiTechRevenueFen: fen(i.hiTechRevenueLatest), totalRevenueFen: fen(i.totalRevenueLatest) }
          : {}),
      })),
    });
    const r = assessHnteConditions(parsed);
    expect(r.eligible).toBe(e.eligible);
    expect(r.failures).toEqual(e.failures);
    expect(r.figures.registrationDays).toBe(e.registrationDays);
    expect(r.figures.rdThresholdPct).toBe(e.rdThresholdPct);
    expect(r.figures.rdRatioPct).toBe(String(e.rdRatioPct));
    expect(r.figures.domesticRdPct).toBe(String(e.domesticRdPct));
    expect(r.figures.hiTechRevenuePct).toBe(String(e.hiTechRevenuePct));
    expect(r.figures.techStaffPct).toBe(String(e.techStaffPct));
  },
  'HNTE-IP-01': ({ input: i, expected: e }) => {
    const band = findBand(IP_COUNT_BANDS, ipCountBand(num(i.countI), num(i.countII)));
    expect(band.band).toBe(e.band);
    expect([band.min, band.max]).toEqual(e.range);
  },
  'HNTE-TR-01': ({ input: i, expected: e }) => {
    const average = Rational.of(num(i.totalConversions3y), num(i.years));
    expect(average.eq(Rational.of(num(e.average)))).toBe(true);
    const band = findBand(TRANSFORMATION_BANDS, transformationBand(average));
    expect(band.band).toBe(e.band);
    expect([band.min, band.max]).toEqual(e.range);
  },
  'HNTE-GR-01': ({ input: i, expected: e }) => {
    const outcome = growthRate((i.values as number[]).map((v) => BigInt(v)));
    if (outcome.kind !== 'rate') throw new Error('expected a rate');
    expect(outcome.rate.eq(Rational.parse(String(e.rate)))).toBe(true);
    const band = findBand(GROWTH_BANDS, growthBand(outcome.rate));
    expect(band.band).toBe(e.band);
    expect([band.min, band.max]).toEqual(e.range);
  },
  'HNTE-SCORE-01': ({ input: i, expected: e }) => {
    const ip = i.ip as Record<string, number>;
    const [m1, m2, m3, m4] = i.rdMgmt as number[];
    const [gNet, gSales] = i.growth as number[];
    const r = scoreHnte(
      hnteScoreInput.parse({
        ip: {
          advanced: { band: 'A', points: ip.advanced },
          coreSupport: { band: 'A', points: ip.support },
          count: { countI: 1, countII: 0, points: ip.count },
          acquisition: { band: 'A', points: ip.acquisition },
          standards: { band: 'A', points: ip.standardBonus },
        },
        transformation: { conversions: 15, years: 3, points: i.transform },
        rdManagement: { system: m1, institution: m2, transformation: m3, talent: m4 },
        // Net assets growing 30 % a year → band B (7–8); sales 20 % a year → band C (5–6).
        growth: {
          netAssetsFen: [100_000_000, 130_000_000, 169_000_000],
          salesFen: [100_000_000, 120_000_000, 144_000_000],
          netAssetsPoints: gNet,
          salesPoints: gSales,
        },
      }),
    );
    expect(r.ipRaw).toBe(e.ipRaw);
    expect(r.indicators.map((x) => x.points)).toEqual([e.ip, e.transform, e.rdMgmt, e.growth]);
    expect(r.total).toBe(e.total);
    expect(r.pass).toBe(e.pass);
  },
  'HNTE-RD-01': ({ input: i, expected: e }) => {
    const r = computeRdCalibres(
      rdCalibresInput.parse({
        taxYear: 2023,
        entries: [
          { projectId: 'P1', category: 'staff', amountFen: fen(i.sixItems) },
          { projectId: 'P1', category: 'other', amountFen: fen(i.otherFee) },
          {
            projectId: 'P1',
            category: 'entrusted',
            amountFen: fen(i.entrustDomestic),
            payeeType: 'organisation',
          },
        ],
      }),
    );
    expect(r.hnte.entrusted.domesticCountedFen + r.hnte.entrusted.overseasCountedFen).toBe(
      fen(e.countedEntrustedYuan),
    );
    expect(r.hnte.otherCap.allowedFen).toBe(fen(e.otherAllowedYuan));
    expect(r.hnte.totalFen).toBe(fen(e.totalRdYuan));
    expect(r.hnte.domesticFen).toBe(fen(e.domesticRdYuan));
    expect(r.hnte.domesticSharePct).toBe(String(e.domesticSharePct));
  },
  'SD-RATE-01': ({ input: i, expected: e }) => {
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        expensedBaseFen: fen(i.expensedRdYuan),
        intangibles: [{ costFen: 100_000_000, amortisationYears: 10 }],
      }),
    );
    expect(r.ratePct).toBe(e.ratePct);
    expect(r.additionalDeductionFen).toBe(fen(e.additionalDeductionYuan));
    expect(r.intangibles.multiplierPct).toBe(e.intangibleAmortizationBasePct);
  },
  'SD-2022Q4-01': ({ input: i, expected: e }) => {
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        enterprise: { operatingMonths: i.operatingMonths2022, periodOperatingMonths: i.q4Months },
        expensedBaseFen: fen(i.annualRdYuan),
        method: 'proportional',
      }),
    );
    const q4 = r.portions.find((p) => p.method === 'proportional');
    const rest = r.portions.find((p) => p.method === 'annual');
    expect(q4?.baseFen).toBe(fen(e.q4RdAt100PctYuan));
    expect(q4?.ratePct).toBe(100);
    expect(rest?.baseFen).toBe(fen(e.restAt75PctYuan));
    expect(rest?.ratePct).toBe(75);
    expect(r.additionalDeductionFen).toBe(fen(e.additionalDeductionYuan));
  },
  'SD-NEG-01': ({ input: i, expected: e }) => {
    const t = negativeListTest(
      [{ code: 'F52', revenueFen: BigInt(fen(i.negListRevenue)) }],
      BigInt(fen(i.totalIncome)),
      BigInt(fen(i.nonTaxableIncome)),
      BigInt(fen(i.investmentIncome)),
    );
    expect(t.negativeList).toBe(e.negativeListEnterprise);
    expect(t.share?.toPercent(4)).toBe(String(e.sharePct));
  },
  'SD-MFG-01': ({ input: i, expected: e }) => {
    const t = manufacturingTest(
      [{ code: 'C39', revenueFen: BigInt(fen(i.mfgRevenue)) }],
      BigInt(fen(i.totalIncome)),
    );
    expect(t.manufacturing).toBe(e.manufacturingEnterprise);
  },
  'SD-OTHER-01': ({ input: i, expected: e }) => {
    const projects = i.projects as { name: string; fiveItemsWan: number; otherWan: number }[];
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        entries: projects.flatMap((p) => [
          { projectId: p.name, category: 'staff', amountFen: wan(p.fiveItemsWan) },
          { projectId: p.name, category: 'other', amountFen: wan(p.otherWan) },
        ]),
      }),
    );
    const cap = r.calibre?.otherCap;
    const w = (f: number | undefined) => formatWan(BigInt(f ?? -1), { decimals: 2 });
    expect(w(cap?.capFen)).toBe(`${String(e.otherCapWan)}万元`);
    expect(w(cap?.actualFen)).toBe(`${String(e.otherActualWan)}万元`);
    expect(w(cap?.allowedFen)).toBe(`${String(e.otherAllowedWan)}万元`);
    expect(cap?.binding).toBe(e.capBinding);
    expect(w(r.calibre?.baseFen)).toBe(`${String(e.deductibleBaseWan)}万元`);
    expect(w(r.additionalDeductionFen)).toBe(`${String(e.additionalDeductionWan)}万元`);
  },
  'SD-ENT-01': ({ input: i, expected: e }) => {
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        entries: [
          {
            projectId: 'X',
            category: 'entrusted',
            amountFen: fen(i.paidToRelatedDomesticPartyYuan),
            payeeType: 'organisation',
            relatedParty: true,
          },
        ],
      }),
    );
    expect(r.calibre?.baseFen).toBe(fen(e.baseYuan));
    expect(r.additionalDeductionFen).toBe(fen(e.additionalDeductionYuan));
  },
  'SD-COMBINED-01': ({ input: i, expected: e }) => {
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        entries: [
          { projectId: 'A', category: 'staff', amountFen: fen(i.fiveItemsYuan) },
          { projectId: 'A', category: 'other', amountFen: fen(i.otherYuan) },
          {
            projectId: 'A',
            category: 'entrusted',
            amountFen: fen(i.entrustedDomesticPaidYuan),
            payeeType: 'organisation',
          },
          {
            projectId: 'A',
            category: 'entrusted',
            amountFen: fen(i.entrustedOverseasOrgPaidYuan),
            payeeType: 'organisation',
            location: 'overseas',
          },
        ],
      }),
    );
    const c = r.calibre;
    expect(c?.otherCap.allowedFen).toBe(fen(e.otherAllowedYuan));
    expect(c?.domesticQualifyingFen).toBe(fen(e.domesticQualifyingYuan));
    expect(yuanString(BigInt(c?.entrusted.overseasCapFen ?? -1))).toBe(String(e.overseasCapYuan));
    expect(c?.entrusted.overseasAllowedFen).toBe(fen(e.overseasAllowedYuan));
    expect(c?.baseFen).toBe(fen(e.deductibleBaseYuan));
    expect(r.ratePct).toBe(e.ratePct);
    expect(r.additionalDeductionFen).toBe(fen(e.additionalDeductionYuan));
  },
  'SD-INTANG-01': ({ input: i, expected: e }) => {
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        intangibles: [{ costFen: fen(i.intangibleCostYuan), amortisationYears: i.amortizationYears }],
      }),
    );
    expect(r.intangibles.taxAmortisationFen).toBe(fen(e.taxAmortizationPerYearYuan));
    expect(r.intangibles.multiplierPct).toBe(e.multiplierPct);
  },
  'SD-SUBSIDY-01': ({ input: i, expected: e }) => {
    expect(i.taxAdjusted).toBe(false);
    const r = computeSuperDeduction(
      superDeductionInput.parse({
        taxYear: i.taxYear,
        entries: [
          { projectId: 'S', category: 'staff', amountFen: fen(i.rdSpentYuan) },
          { projectId: 'S', category: 'subsidy_netted', amountFen: fen(i.govSubsidyNettedInAccountsYuan) },
        ],
      }),
    );
    expect(r.calibre?.baseFen).toBe(fen(e.baseYuan));
    expect(r.additionalDeductionFen).toBe(fen(e.additionalDeductionYuan));
  },
  'TSME-01': ({ input: i, expected: e }) => {
    const r = evaluateTsme(
      tsmeInput.parse({
        assessmentDate: '2024-03-31',
        residentEnterprise: i.residentEnterprise,
        employees: i.employees,
        techStaff: i.techStaff,
        salesRevenueFen: fen(i.salesRevenue),
        totalAssetsFen: fen(i.totalAssets),
        prohibitedIndustry: i.prohibitedIndustry,
        incidentOrBlacklisted: i.incidentOrBlacklisted,
        rdExpenseFen: fen(i.rdExpense),
        totalCostFen: fen(i.totalCost),
        ipI: i.ipI,
        ipII: i.ipII,
      }),
    );
    expect(r.basicOk).toBe(e.basicOk);
    expect(r.failures).toEqual(e.failures);
    expect(r.score.staff).toBe(e.staff);
    expect(r.score.rd).toBe(e.rd);
    expect(r.score.rdBySales).toBe(e.rdBySales);
    expect(r.score.rdByCost).toBe(e.rdByCost);
    expect(r.score.ip).toBe(e.ip);
    expect(r.score.total).toBe(e.total);
    expect(r.directConfirm).toBe(e.directConfirm);
    expect(r.qualified).toBe(e.qualified);
  },
};

describe('rules-examples.json (cultivation cases)', () => {
  it('has a handler for every cultivation case and no stale handler', () => {
    expect(cases.map((c) => c.id).sort()).toEqual(Object.keys(handlers).sort());
  });
  for (const c of cases) {
    it(`${c.id} comes out exactly when run through the rules`, () => {
      const handler = handlers[c.id];
      if (!handler) throw new Error(`no handler for ${c.id}`);
      handler(c);
    });
  }
});
