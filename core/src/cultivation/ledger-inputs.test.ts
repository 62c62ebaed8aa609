import { describe, expect, it } from 'vitest';
import { calibresOf } from './rd-calibres.rules.ts';
import { entriesOfGroups, ledgerEntryOf, profileForYear, type LedgerGroup } from './ledger-inputs.ts';
import type { LedgerCategoryKey, ProjectKind } from './ledger.contract.ts';
import { ALL_LEDGER_CATEGORIES } from './rd-categories.ts';

/** A deterministic pseudo-random sequence (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Project {
  code: string;
  kind: ProjectKind;
  capitalised: boolean;
  payeeType: 'organisation' | 'individual' | null;
  contractRegistered: boolean | null;
}

const projects: Project[] = [
  { code: 'P1', kind: 'own', capitalised: false, payeeType: null, contractRegistered: null },
  { code: 'P2', kind: 'cooperative', capitalised: true, payeeType: null, contractRegistered: null },
  { code: 'P3', kind: 'own', capitalised: false, payeeType: null, contractRegistered: null },
  { code: 'E1', kind: 'entrusted_domestic', capitalised: false, payeeType: 'individual', contractRegistered: null },
  { code: 'E2', kind: 'entrusted_overseas', capitalised: false, payeeType: 'organisation', contractRegistered: true },
  { code: 'E3', kind: 'entrusted_overseas', capitalised: false, payeeType: 'organisation', contractRegistered: false },
];

const inHouse = ALL_LEDGER_CATEGORIES.filter((c) => c !== 'entrusted');

/** One group per stored entry (what the database would hold), with amounts in odd 分 so rounding matters. */
function randomLedger(seed: number, size: number): LedgerGroup[] {
  const next = rng(seed);
  const out: LedgerGroup[] = [];
  for (let i = 0; i < size; i++) {
    const p = projects[Math.floor(next() * projects.length)]!;
    const entrusted = p.kind === 'entrusted_domestic' || p.kind === 'entrusted_overseas';
    const category: LedgerCategoryKey = entrusted
      ? next() < 0.85
        ? 'entrusted'
        : 'subsidy_netted'
      : inHouse[Math.floor(next() * inHouse.length)]!;
    const adjustment = category === 'subsidy_netted' || category === 'special_income';
    out.push({
      projectCode: p.code,
      kind: p.kind,
      capitalised: p.capitalised,
      payeeType: p.payeeType,
      relatedParty: false,
      contractRegistered: p.contractRegistered,
      category,
      nonTaxable: !adjustment && next() < 0.05,
      amountFen: BigInt(Math.floor(next() * 5_000_000) + 1),
    });
  }
  return out;
}

describe('the ledger summed per project and category', () => {
  it.each([2017, 2020, 2022, 2023])(
    'gives exactly the calibres of the individual entries for tax year %i',
    (year) => {
      const groups = randomLedger(year, 3000);
      const individual = calibresOf(year, groups.map(ledgerEntryOf));
      const summed = entriesOfGroups(groups);
      expect(summed.length).toBeLessThan(120);
      expect(calibresOf(year, summed)).toEqual(individual);
    },
  );

  it('tells overseas contractors apart and gives contractor facts to entrusted amounts only', () => {
    const [own, , , domestic, overseas] = projects;
    const group = (p: Project, category: LedgerCategoryKey): LedgerGroup => ({
      projectCode: p.code,
      kind: p.kind,
      capitalised: p.capitalised,
      payeeType: p.payeeType,
      relatedParty: p.kind === 'entrusted_domestic',
      contractRegistered: p.contractRegistered,
      category,
      nonTaxable: false,
      amountFen: 100n,
    });
    expect(ledgerEntryOf(group(overseas!, 'entrusted'))).toEqual({
      projectId: 'E2',
      category: 'entrusted',
      amountFen: 100n,
      location: 'overseas',
      capitalised: false,
      fundedByNonTaxableIncome: false,
      payeeType: 'organisation',
      relatedParty: false,
      contractRegistered: true,
    });
    expect(ledgerEntryOf(group(overseas!, 'subsidy_netted'))).toEqual({
      projectId: 'E2',
      category: 'subsidy_netted',
      amountFen: 100n,
      location: 'domestic',
      capitalised: false,
      fundedByNonTaxableIncome: false,
    });
    expect(ledgerEntryOf(group(domestic!, 'entrusted'))).toMatchObject({
      location: 'domestic',
      payeeType: 'individual',
      relatedParty: true,
    });
    expect(ledgerEntryOf(group(domestic!, 'entrusted'))).not.toHaveProperty('contractRegistered');
    expect(ledgerEntryOf(group(own!, 'staff'))).not.toHaveProperty('payeeType');
  });
});

describe('the enterprise profile read from the registry', () => {
  const base = { registeredOn: '2015-11-16', tsmeYears: new Set([2022]) };

  it('reads manufacturing from section C and the negative list from F, H, K, L, 16 and 90', () => {
    expect(profileForYear({ ...base, industryCode: '4190' }, 2022).profile).toMatchObject({
      manufacturing: true,
      negativeList: false,
      tsme: true,
    });
    expect(profileForYear({ ...base, industryCode: '5111' }, 2023).profile).toMatchObject({
      manufacturing: false,
      negativeList: true,
      tsme: false,
    });
    expect(profileForYear({ ...base, industryCode: '1610' }, 2023).profile).toMatchObject({
      manufacturing: true,
      negativeList: true,
    });
    expect(profileForYear({ ...base, industryCode: '6531' }, 2023).profile).toMatchObject({
      manufacturing: false,
      negativeList: false,
    });
  });

  it('assumes neither test is met when the registry has no industry, and says so', () => {
    const { profile, assumptions } = profileForYear({ ...base, industryCode: null }, 2023);
    expect(profile).toMatchObject({ manufacturing: false, negativeList: false });
    expect(assumptions[0]?.zh).toContain('未登记有效的国民经济行业代码');
  });

  it('starts the operating months at a registration during the tax year only', () => {
    expect(profileForYear({ ...base, industryCode: '6531', registeredOn: '2022-05-10' }, 2022).profile.operatingFrom).toBe(
      '2022-05-10',
    );
    expect(profileForYear({ ...base, industryCode: '6531', registeredOn: '2022-05-10' }, 2023).profile).not.toHaveProperty(
      'operatingFrom',
    );
  });
});
