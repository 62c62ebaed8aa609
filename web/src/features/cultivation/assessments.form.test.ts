import { describe, expect, it } from 'vitest';
import { computeHnte, hnteFormFrom, hnteRawFrom, wanToAmount } from './assessments.form.ts';
import { computeTsme, tsmeFormFrom, tsmeRawFrom } from './assessments.tsme-form.ts';

const WAN = 1_000_000;

const raw = {
  assessmentDate: '2026-11-20',
  registrationDate: '2015-01-01',
  hasCoreIpOwnership: true,
  techInKeyFields: true,
  majorIncidentWithinYear: false,
  staff: { techStaff: 12.5, totalStaff: 120 },
  years: [
    { year: 2024, salesFen: 4_600 * WAN + 1, rdFen: 240 * WAN },
    {
      year: 2025,
      salesFen: 5_290 * WAN,
      netAssetsFen: -3,
      hiTechRevenueFen: 4_000 * WAN,
      totalRevenueFen: 5_300 * WAN,
    },
  ],
  score: {
    ip: {
      advanced: { band: 'B', points: 6 },
      standards: { band: 'B' },
      count: { countI: 0, countII: 3, points: 4 },
    },
    transformation: { conversions: 6, years: 3 },
    rdManagement: { system: 5 },
    growth: {},
  },
};

describe('the 高企 form', () => {
  it('turns an input into 万元 texts and back into the same exact 分', () => {
    const form = hnteFormFrom(raw);
    expect(form.years[0]?.salesFen).toBe('4600.000001');
    expect(form.years[1]?.netAssetsFen).toBe('-0.000003');
    expect(form.techStaff).toBe('12.5');
    expect(hnteRawFrom(form)).toEqual(raw);
  });

  it('reads 万元 texts exactly and keeps a text finer than 1 分 for the rule to name', () => {
    expect(wanToAmount('312.4')).toBe(312_400_000);
    expect(wanToAmount('1,000')).toBe(1_000 * WAN);
    expect(wanToAmount('')).toBeUndefined();
    expect(wanToAmount('1.0000001')).toBe('1.0000001万元');
    const form = hnteFormFrom(raw);
    const years = form.years.map((y) => (y.year === 2025 ? { ...y, rdFen: '1.0000001' } : y));
    const computed = computeHnte({ ...form, years }, 'zh-CN');
    expect(computed.ok).toBe(false);
    if (!computed.ok) expect(computed.errors[0]?.field).toBe('years.1.rdFen');
  });

  it('leaves an unanswered question out so that the rule reports it as missing', () => {
    const form = { ...hnteFormFrom(raw), hasCoreIpOwnership: '' as const };
    const computed = computeHnte(form, 'zh-CN');
    expect(computed.ok && computed.result.criteria.find((c) => c.id === 'core-ip')?.missing).toEqual([
      'hasCoreIpOwnership',
    ]);
  });
});

describe('the 科小 form', () => {
  it('passes the registry’s direct-confirmation facts through and adds a declared R&D institution', () => {
    const input = {
      assessmentDate: '2026-11-20',
      residentEnterprise: true,
      employees: 100,
      salesRevenueFen: 2_000 * WAN,
      direct: { hnteCertificate: { issuedOn: '2024-12-10' }, nationalAwards: [], ledStandards: [] },
    };
    const form = tsmeFormFrom(input);
    expect(tsmeRawFrom(form)).toEqual(input);
    const declared = tsmeRawFrom({ ...form, provincialRdInstitution: true });
    expect(declared.direct).toMatchObject({
      provincialRdInstitution: true,
      hnteCertificate: { issuedOn: '2024-12-10' },
    });
    const computed = computeTsme({ ...form, techStaff: '130' }, 'en-US');
    expect(computed.ok).toBe(false);
  });
});
