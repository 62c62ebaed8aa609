import { describe, expect, it } from 'vitest';
import { ledgerWarnings } from './ledger-warnings.rules.ts';
import { calibresOf } from './rd-calibres.rules.ts';
import type { LedgerEntry } from './rd-ledger.contract.ts';

const entry = (category: LedgerEntry['category'], amountFen: number, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  projectId: 'P1',
  category,
  amountFen: BigInt(amountFen),
  location: 'domestic',
  capitalised: false,
  fundedByNonTaxableIncome: false,
  ...extra,
});

const ids = (year: number, entries: LedgerEntry[], registryRdFen: number | null = null) =>
  ledgerWarnings({ calibres: calibresOf(year, entries), registryRdFen }).map((w) => w.id);

describe('ledger divergence warnings', () => {
  it('says nothing when the calibres differ only by their scope', () => {
    // Building depreciation (高企 only), a netted subsidy, fiscal funds and entrusted R&D at 80 %: all explained.
    const entries = [
      entry('staff', 9_000_000),
      entry('building_depreciation', 500_000),
      entry('direct_inputs', 300_000, { fundedByNonTaxableIncome: true }),
      entry('other', 100_000),
      entry('entrusted', 1_000_000, { projectId: 'E1', payeeType: 'organisation' }),
      entry('subsidy_netted', 200_000),
    ];
    const calibres = calibresOf(2023, entries);
    expect(calibres.difference.differenceFen).toBe(500_000 + 300_000 + 200_000);
    expect(ids(2023, entries)).toEqual([]);
  });

  it('warns when the super-deduction cap on other costs cuts an amount, even by one 分', () => {
    // Five items 9,900,000 分: the cap is 9,900,000 ÷ 9 = 1,100,000 分 exactly.
    const atCap = [entry('staff', 9_900_000), entry('other', 1_100_000)];
    expect(ids(2023, atCap)).toEqual([]);
    const overByOne = [entry('staff', 9_900_000), entry('other', 1_100_001)];
    const warnings = ledgerWarnings({ calibres: calibresOf(2023, overByOne), registryRdFen: null });
    expect(warnings).toEqual([
      expect.objectContaining({ id: 'super-other-cap', amountFen: 1, lineId: 'other-costs', severity: 'warning' }),
    ]);
    expect(warnings[0]?.message.zh).toContain('全部项目合并计算');
  });

  it('names the projects whose own cap binds before 2021', () => {
    const entries = [
      entry('staff', 900_000),
      entry('other', 100_000),
      entry('staff', 900_000, { projectId: 'P2' }),
      entry('other', 100_001, { projectId: 'P2' }),
    ];
    const [warning] = ledgerWarnings({ calibres: calibresOf(2020, entries), registryRdFen: null });
    expect(warning).toMatchObject({ id: 'super-other-cap', amountFen: 1 });
    expect(warning?.message.zh).toContain('项目 P2');
    expect(warning?.message.zh).toContain('按项目计算');
  });

  it('warns when the 高企 20 % cap cuts other costs', () => {
    // Rest 400,000: the 高企 cap is 100,000; the super-deduction cap 44,444.
    const entries = [entry('staff', 400_000), entry('other', 100_001)];
    expect(ids(2023, entries)).toEqual(['hnte-other-cap', 'super-other-cap']);
  });

  it('warns when the super-deduction base is above the 高企 total', () => {
    const entries = [entry('staff', 900_000), entry('welfare_supplementary', 50_000)];
    const [warning] = ledgerWarnings({ calibres: calibresOf(2023, entries), registryRdFen: null });
    expect(warning).toMatchObject({ id: 'super-exceeds-hnte', amountFen: 50_000 });
  });

  it('warns about overseas R&D left out or cut by the two-thirds cap', () => {
    const overseas = (amount: number, extra: Partial<LedgerEntry> = {}) =>
      entry('entrusted', amount, {
        projectId: 'E2',
        location: 'overseas',
        payeeType: 'organisation',
        contractRegistered: true,
        ...extra,
      });
    expect(ids(2023, [entry('staff', 3_000_000), overseas(1_000_000)])).toEqual([]);
    const capped = ledgerWarnings({
      calibres: calibresOf(2023, [entry('staff', 300_000), overseas(1_000_000)]),
      registryRdFen: null,
    });
    // 80 % of 1,000,000 = 800,000; cap 2/3 × 300,000 = 200,000 → 600,000 cut.
    expect(capped).toEqual([expect.objectContaining({ id: 'overseas-limited', amountFen: 600_000 })]);
    const individual = ledgerWarnings({
      calibres: calibresOf(2023, [entry('staff', 3_000_000), overseas(1_000, { payeeType: 'individual' })]),
      registryRdFen: null,
    });
    expect(individual[0]).toMatchObject({ id: 'overseas-limited', amountFen: 1_000 });
    expect(individual[0]?.message.zh).toContain('个人');
    expect(ids(2017, [entry('staff', 3_000_000), overseas(1_000)])).toEqual(['overseas-limited']);
    expect(ids(2023, [entry('staff', 3_000_000), overseas(1_000, { contractRegistered: false })])).toEqual([
      'overseas-limited',
    ]);
  });

  it('warns when subsidies exceed the base', () => {
    const entries = [entry('staff', 100_000), entry('subsidy_netted', 150_000)];
    const [warning] = ledgerWarnings({ calibres: calibresOf(2023, entries), registryRdFen: null });
    expect(warning).toMatchObject({ id: 'adjustments-unabsorbed', amountFen: 50_000 });
  });

  it('compares the 高企 total with the registry’s R&D figure to the 分', () => {
    const entries = [entry('staff', 1_000_000)];
    expect(ids(2023, entries, 1_000_000)).toEqual([]);
    const [warning] = ledgerWarnings({ calibres: calibresOf(2023, entries), registryRdFen: 999_999 });
    expect(warning).toMatchObject({ id: 'registry-rd-differs', amountFen: 1 });
    expect(warning?.message.zh).toContain('多');
  });

  it('reports an error when the lines do not add up to the difference', () => {
    const calibres = calibresOf(2023, [entry('staff', 1_000_000), entry('building_lease', 10_000)]);
    const broken = {
      ...calibres,
      difference: { ...calibres.difference, lines: calibres.difference.lines.map((l) => ({ ...l, deltaFen: l.deltaFen - 1 })) },
    };
    expect(ledgerWarnings({ calibres: broken, registryRdFen: null })).toEqual([
      expect.objectContaining({ id: 'unreconciled', severity: 'error', amountFen: 1 }),
    ]);
  });
});
