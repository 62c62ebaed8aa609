import { describe, expect, it } from 'vitest';
import { formatWan } from '../common/money.ts';
import { toFieldErrors } from '../common/validation-messages.ts';
import { rdCalibresInput, type RdCalibresRawInput } from './rd-ledger.contract.ts';
import { computeRdCalibres } from './rd-calibres.rules.ts';

type RawEntry = NonNullable<RdCalibresRawInput['entries']>[number];
const YUAN = 100;
const WAN = 1_000_000;

const run = (taxYear: number, entries: RawEntry[]) =>
  computeRdCalibres(rdCalibresInput.parse({ taxYear, entries }));
const e = (category: RawEntry['category'], amountFen: number, more: Partial<RawEntry> = {}): RawEntry => ({
  projectId: 'P1',
  category,
  amountFen,
  ...more,
});

describe('高企 calibre', () => {
  it('counts entrusted R&D at 80 % inside the cap base and leaves overseas out of 境内 (I-09, I-10)', () => {
    const r = run(2023, [
      e('staff', 600_000 * YUAN),
      e('direct_inputs', 400_000 * YUAN),
      e('entrusted', 100_000 * YUAN, { payeeType: 'organisation' }),
      e('entrusted', 50_000 * YUAN, { payeeType: 'individual', location: 'overseas' }),
      e('other', 10_000 * YUAN),
    ]).hnte;
    expect(r.entrusted).toEqual({
      domesticPaidFen: 100_000 * YUAN,
      overseasPaidFen: 50_000 * YUAN,
      domesticCountedFen: 80_000 * YUAN,
      overseasCountedFen: 40_000 * YUAN,
    });
    expect(r.otherCap.capFen).toBe(280_000 * YUAN); // (1,000,000 + 80,000 + 40,000) ÷ 4
    expect(r.totalFen).toBe(1_130_000 * YUAN);
    expect(r.domesticFen).toBe(1_090_000 * YUAN);
    expect(r.overseasFen).toBe(40_000 * YUAN);
    expect(r.domesticSharePct).toBe('96.4602');
    expect(r.categories.map((c) => c.category)).toEqual([
      'staff',
      'direct',
      'depreciation',
      'intangible',
      'design',
      'trial',
      'entrusted',
      'other',
    ]);
  });

  it('binds the 20 % cap by one 分 when other costs exceed a quarter of the rest by 0.01', () => {
    const exact = run(2023, [e('staff', 1_000_000 * YUAN), e('other', 250_000 * YUAN)]).hnte.otherCap;
    expect(exact).toMatchObject({
      capFen: 25_000_000,
      allowedFen: 25_000_000,
      reducedByFen: 0,
      binding: false,
    });
    const over = run(2023, [e('staff', 1_000_000 * YUAN), e('other', 250_000 * YUAN + 1)]).hnte.otherCap;
    expect(over).toMatchObject({
      capFen: 25_000_000,
      allowedFen: 25_000_000,
      reducedByFen: 1,
      binding: true,
    });
  });

  it('rounds a fractional cap down to the 分', () => {
    const cap = run(2023, [e('staff', 3), e('other', 5)]).hnte.otherCap;
    expect(cap.capFen).toBe(0); // 3 × 1/4 = 0.75 分
    expect(cap.allowedFen).toBe(0);
  });

  it('counts buildings, long-term prepaid costs, other IP, commissioning and field trials', () => {
    const r = run(2023, [
      e('building_lease', 1),
      e('building_depreciation', 2),
      e('long_term_prepaid', 4),
      e('other_ip_amortisation', 8),
      e('equipment_commissioning', 16),
      e('field_trial', 32),
      e('welfare_supplementary', 64),
    ]);
    expect(r.hnte.inHouseFen).toBe(63);
    expect(r.hnte.excluded).toEqual([
      {
        category: 'welfare_supplementary',
        amountFen: 64,
        reason: expect.objectContaining({ zh: expect.stringContaining('195号') }),
      },
    ]);
    expect(r.superDeduction.fiveItemsFen).toBe(0);
    expect(r.superDeduction.excluded.map((x) => x.category)).toEqual([
      'building_lease',
      'building_depreciation',
      'long_term_prepaid',
      'other_ip_amortisation',
      'equipment_commissioning',
      'field_trial',
    ]);
  });
});

describe('super-deduction calibre — 其他相关费用 cap', () => {
  const ledger = (other: number) => [e('staff', 900_000 * YUAN), e('other', other)];

  it('does not bind below the cap, nor at exactly the cap, and binds by one 分 above (SD-OTHER-03…05)', () => {
    expect(run(2023, ledger(90_000 * YUAN)).superDeduction.otherCap).toMatchObject({
      capFen: 10_000_000,
      allowedFen: 9_000_000,
      binding: false,
    });
    expect(run(2023, ledger(100_000 * YUAN)).superDeduction.otherCap).toMatchObject({
      allowedFen: 10_000_000,
      reducedByFen: 0,
      binding: false,
    });
    expect(run(2023, ledger(100_000 * YUAN + 1)).superDeduction.otherCap).toMatchObject({
      allowedFen: 10_000_000,
      reducedByFen: 1,
      binding: true,
    });
  });

  it('caps per project up to tax year 2020 and over all projects from 2021 (SD-OTHER-02 vs -01)', () => {
    const entries = [
      e('staff', 88 * WAN, { projectId: 'A' }),
      e('other', 12 * WAN, { projectId: 'A' }),
      e('staff', 84 * WAN, { projectId: 'B' }),
      e('other', 8 * WAN, { projectId: 'B' }),
    ];
    const y2020 = run(2020, entries).superDeduction;
    expect(y2020.capMethod).toBe('per-project');
    expect(y2020.otherCap.projects.map((p) => [p.projectId, p.capFen, p.allowedFen, p.binding])).toEqual([
      ['A', 9_777_777, 9_777_777, true],
      ['B', 9_333_333, 8 * WAN, false],
    ]);
    expect(formatWan(BigInt(y2020.otherCap.allowedFen), { decimals: 2 })).toBe('17.78万元');
    const y2021 = run(2021, entries).superDeduction;
    expect(y2021.capMethod).toBe('pooled');
    expect(y2021.otherCap.projects).toEqual([]);
    expect(formatWan(BigInt(y2021.otherCap.allowedFen), { decimals: 2 })).toBe('19.11万元');
  });

  it('counts welfare and supplementary insurance as other related costs', () => {
    const r = run(2023, [
      e('staff', 900 * YUAN),
      e('welfare_supplementary', 50 * YUAN),
      e('other', 40 * YUAN),
    ]).superDeduction;
    expect(r.otherCap.actualFen).toBe(90 * YUAN);
    expect(r.otherCap.allowedFen).toBe(90 * YUAN);
    expect(r.baseFen).toBe(990 * YUAN);
  });
});

describe('super-deduction calibre — entrusted R&D', () => {
  const inHouse = (amount: number) => [e('staff', amount)];

  it('allows overseas organisations up to 2/3 of qualifying domestic R&D', () => {
    // 100万 paid abroad → 80万; domestic 300万 → cap 200万; with domestic 30万 → cap 20万.
    const roomy = run(2023, [
      ...inHouse(300 * WAN),
      e('entrusted', 100 * WAN, { payeeType: 'organisation', location: 'overseas' }),
    ]).superDeduction.entrusted;
    expect(roomy).toMatchObject({
      overseasCountedFen: 80 * WAN,
      overseasCapFen: 200 * WAN,
      overseasAllowedFen: 80 * WAN,
      overseasReducedByFen: 0,
    });
    const tight = run(2023, [
      ...inHouse(30 * WAN),
      e('entrusted', 100 * WAN, { payeeType: 'organisation', location: 'overseas' }),
    ]).superDeduction.entrusted;
    expect(tight).toMatchObject({
      overseasCapFen: 20 * WAN,
      overseasAllowedFen: 20 * WAN,
      overseasReducedByFen: 60 * WAN,
    });
  });

  it('excludes overseas individuals, unregistered contracts and everything overseas before 2018', () => {
    const abroad = (more: Partial<RawEntry>) =>
      e('entrusted', 10 * WAN, { payeeType: 'organisation', location: 'overseas', ...more });
    const r = run(2023, [
      ...inHouse(100 * WAN),
      abroad({ payeeType: 'individual' }),
      abroad({ contractRegistered: false }),
    ]);
    expect(r.superDeduction.entrusted.overseasPaidFen).toBe(0);
    expect(r.superDeduction.excluded.map((x) => x.category)).toEqual([
      'entrusted:overseas-individual',
      'entrusted:overseas-unregistered',
    ]);
    expect(r.hnte.entrusted.overseasCountedFen).toBe(16 * WAN);
    const old = run(2017, [...inHouse(100 * WAN), abroad({})]).superDeduction;
    expect(old.entrusted.overseasAllowedFen).toBe(0);
    expect(old.excluded[0]?.category).toBe('entrusted:overseas-before-2018');
    expect(run(2018, [...inHouse(100 * WAN), abroad({})]).superDeduction.entrusted.overseasAllowedFen).toBe(
      8 * WAN,
    );
  });

  it('counts domestic individuals and related parties at 80 % of the amount paid', () => {
    const r = run(2023, [
      e('entrusted', 101, { payeeType: 'individual' }),
      e('entrusted', 1_000, { payeeType: 'organisation', relatedParty: true }),
    ]);
    expect(r.superDeduction.entrusted.domesticCountedFen).toBe(881); // 1101 × 0.8 = 880.8 → 881 (half-up)
    expect(r.hnte.entrusted.domesticCountedFen).toBe(881);
  });
});

describe('super-deduction calibre — adjustments and exclusions', () => {
  it('nets subsidies and special income, never below zero', () => {
    const r = run(2023, [e('staff', 100 * YUAN), e('special_income', 150 * YUAN)]).superDeduction;
    expect(r.baseFen).toBe(0);
    expect(r.adjustments).toEqual({
      subsidyNettedFen: 0,
      specialIncomeFen: 150 * YUAN,
      appliedFen: 100 * YUAN,
      unabsorbedFen: 50 * YUAN,
    });
  });

  it('leaves out costs paid from non-taxable funds while 高企 counts them', () => {
    const r = run(2023, [
      e('staff', 100 * YUAN),
      e('direct_inputs', 40 * YUAN, { fundedByNonTaxableIncome: true }),
    ]);
    expect(r.superDeduction.baseFen).toBe(100 * YUAN);
    expect(r.hnte.totalFen).toBe(140 * YUAN);
    expect(r.difference.lines.map((l) => [l.id, l.deltaFen])).toEqual([['non-taxable-funded', 40 * YUAN]]);
  });

  it('keeps capitalised projects apart and shares a binding pooled cap in proportion (I-14)', () => {
    const r = run(2023, [
      e('staff', 900, { projectId: 'E' }),
      e('other', 200, { projectId: 'E' }),
      e('staff', 900, { projectId: 'C', capitalised: true }),
      e('other', 100, { projectId: 'C', capitalised: true }),
      e('subsidy_netted', 50, { projectId: 'C', capitalised: true }),
    ]).superDeduction;
    expect(r.otherCap).toMatchObject({ capFen: 200, allowedFen: 200, binding: true });
    // Capitalised share: 200 × 100 ÷ 300 = 66 (rounded down); expensed 134.
    expect(r.capitalisedBaseFen).toBe(900 + 66 - 50);
    expect(r.expensedBaseFen).toBe(900 + 134);
    expect(r.baseFen).toBe(1_950);
  });
});

describe('explained difference between the calibres', () => {
  it('adds up to the 分 when every kind of difference is present', () => {
    const r = run(2023, [
      e('staff', 500_000 * YUAN),
      e('direct_inputs', 200_000 * YUAN),
      e('equipment_depreciation', 50_000 * YUAN),
      e('building_depreciation', 30_000 * YUAN),
      e('building_lease', 12_000 * YUAN),
      e('field_trial', 7_000 * YUAN),
      e('other', 150_000 * YUAN + 3),
      e('welfare_supplementary', 20_000 * YUAN),
      e('direct_inputs', 9_000 * YUAN, { fundedByNonTaxableIncome: true }),
      e('entrusted', 80_000 * YUAN + 7, { payeeType: 'organisation' }),
      e('entrusted', 33_333 * YUAN, { payeeType: 'organisation', location: 'overseas' }),
      e('entrusted', 10_000 * YUAN, { payeeType: 'individual', location: 'overseas' }),
      e('subsidy_netted', 25_000 * YUAN),
      e('special_income', 1_234),
    ]);
    const { difference: d } = r;
    expect(d.hnteTotalFen).toBe(r.hnte.totalFen);
    expect(d.superBaseFen).toBe(r.superDeduction.baseFen);
    expect(d.lines.reduce((s, l) => s + l.deltaFen, 0)).toBe(d.differenceFen);
    expect(d.lines.map((l) => l.id)).toEqual([
      'only-hnte:building_depreciation',
      'only-hnte:building_lease',
      'only-hnte:field_trial',
      'non-taxable-funded',
      'other-costs',
      'entrusted-overseas',
      'adjustments',
    ]);
    for (const l of d.lines) {
      expect(l.reason.zh.length).toBeGreaterThan(0);
      expect(l.reason.en.length).toBeGreaterThan(0);
    }
  });

  it('shows no difference when the ledger holds only items both calibres count alike', () => {
    const r = run(2023, [e('staff', 1_000), e('design', 500), e('other', 10)]);
    expect(r.difference.differenceFen).toBe(0);
    expect(r.difference.lines).toEqual([]);
  });
});

describe('R&D ledger — invalid input', () => {
  function fields(entries: unknown[], taxYear = 2023) {
    const p = rdCalibresInput.safeParse({ taxYear, entries });
    if (p.success) throw new Error('expected errors');
    return toFieldErrors(p.error.issues, 'en-US');
  }

  it('names the entry and field for each conflict', () => {
    expect(fields([e('staff', 1, { location: 'overseas' })])[0]).toMatchObject({
      field: 'entries.0.location',
      rule: 'overseas_not_entrusted',
    });
    expect(fields([e('entrusted', 1)])[0]).toMatchObject({
      field: 'entries.0.payeeType',
      rule: 'payee_required',
    });
    expect(fields([e('staff', 1), e('other', 1, { capitalised: true })])[0]).toMatchObject({
      field: 'entries.1.capitalised',
      rule: 'capitalised_mismatch',
    });
    expect(fields([e('special_income', 1, { fundedByNonTaxableIncome: true })])[0]?.rule).toBe(
      'flag_on_adjustment',
    );
  });

  it('rejects negative amounts, unknown categories and years before 2008', () => {
    expect(fields([e('staff', -1)])[0]?.field).toBe('entries.0.amountFen');
    expect(fields([{ projectId: 'P', category: 'salaries', amountFen: 1 }])[0]?.field).toBe(
      'entries.0.category',
    );
    expect(fields([], 2007)[0]?.field).toBe('taxYear');
    expect(fields([{ projectId: '', category: 'staff', amountFen: 1 }])[0]?.field).toBe(
      'entries.0.projectId',
    );
  });
});
