import { describe, expect, it } from 'vitest';
import { claimedFacts, patentNumbersOf, wanToFen } from './award-facts.ts';
import { proposeAmount, standardInForce } from './proposed-amount.ts';
import { shippedStandards } from './standards.data.ts';
import { fundFlags } from './supervision.ts';

const standard = (programme: string) => {
  const choice = standardInForce(shippedStandards, programme, '2026-11-26');
  if (!choice.ok) throw new Error(choice.zh);
  return choice.standard;
};

describe('claimedFacts', () => {
  it('reads patent numbers however they are separated, ZL as CN, once each', () => {
    expect(patentNumbersOf('ZL202310000001.1，CN202320000002.2、cn202320000002.2\n CN1')).toEqual([
      'CN202310000001.1',
      'CN202320000002.2',
      'CN1',
    ]);
    expect(patentNumbersOf(42)).toEqual([]);
  });

  it('turns 万元 into 分 exactly, never through a float', () => {
    expect(wanToFen(12.34)).toBe(123_400_00n);
    expect(wanToFen(0.000001)).toBe(1n);
    expect(wanToFen(-1)).toBeNull();
    expect(wanToFen('50')).toBeNull();
  });

  it('counts granted patents of the applicant by type and notes the rest', () => {
    const claimed = claimedFacts('patent_subsidy', { patentNumbers: 'CN1 CN2 CN3 CN4' }, [
      { applicationNo: 'CN1', type: 'invention', granted: true },
      { applicationNo: 'CN2', type: 'design', granted: true },
      { applicationNo: 'CN3', type: 'invention', granted: false },
    ]);
    expect(claimed.facts).toEqual({ items: { invention_grant: 1, design_grant: 1 } });
    expect(claimed.itemKeys).toEqual(['CN1', 'CN2']);
    expect(claimed.notes.map((n) => n.en)).toEqual([
      'CN3 not counted: the registry has no such granted patent of the applicant',
      'CN4 not counted: the registry has no such granted patent of the applicant',
    ]);
  });
});

describe('the shipped standards', () => {
  it('each is in force and says its amounts are the bureau’s configurable figures', () => {
    expect(shippedStandards.map((s) => s.id)).toEqual([
      'patent_subsidy-2017-01-01',
      'science_plan-2017-01-01',
      'patent_industrialisation-2017-01-01',
      'innovation_award-2017-01-01',
    ]);
    expect(shippedStandards.every((s) => s.note?.startsWith('金额为本局可配置数额'))).toBe(true);
  });

  it('pays at most 20 utility models a year: 25 claimed with 18 paid already → 2 × ¥500.00', () => {
    const result = proposeAmount(standard('patent_subsidy'), {
      items: { utility_grant: 25, invention_grant: 2 },
      itemsPaidThisYear: { utility_grant: 18 },
    });
    expect(result.lines.map((l) => l.zh)).toEqual([
      '发明专利授权：2 件 × ¥5,000.00 = ¥10,000.00',
      '实用新型专利授权：2 件 × ¥500.00 = ¥1,000.00（每年最多 20 件，已资助 18）',
    ]);
    expect(result.paidItems).toEqual({ invention_grant: 2, utility_grant: 2 });
    expect(result.amountFen).toBe('1100000');
  });

  it('prices a patent-industrialisation project in full up to its ¥200,000.00 cap', () => {
    expect(proposeAmount(standard('patent_industrialisation'), { baseFen: 18_000_000n }).amountFen).toBe(
      '18000000',
    );
    expect(proposeAmount(standard('patent_industrialisation'), { baseFen: 25_000_000n })).toMatchObject({
      amountFen: '20000000',
      capped: true,
    });
  });

  it('awards ¥100,000.00 per project, three a year, within ¥500,000.00 a year', () => {
    const result = proposeAmount(standard('innovation_award'), {
      items: { award_item: 1 },
      itemsPaidThisYear: { award_item: 2 },
      awardedThisYearFen: 45_000_000n,
    });
    expect(result).toMatchObject({ grossFen: '10000000', amountFen: '5000000', capped: true });
  });
});

describe('fundFlags per award', () => {
  it('uses the award’s own clawback window and flags an award above the standard once for all its items', () => {
    const base = {
      uscc: 'U',
      programme: 'patent_subsidy',
      awardedOn: '2026-01-01',
      amountFen: 2n,
      standardAmountFen: 1n,
    };
    const flags = fundFlags(
      [
        { ...base, id: 'A', itemKey: 'P1', clawbackYears: 1 },
        { ...base, id: 'A', itemKey: 'P2', clawbackYears: 1 },
      ],
      [{ itemKey: 'P2', lapsedOn: '2027-01-02' }],
      2,
    );
    expect(flags.map((x) => x.kind)).toEqual(['above-standard']);
  });
});
