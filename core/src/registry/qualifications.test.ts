import { describe, expect, it } from 'vitest';
import {
  addMonths,
  chinaDate,
  hasRuleTerm,
  isInForce,
  qualificationStatus,
  ruleValidTo,
} from './qualifications.ts';

describe('the term a rule fixes', () => {
  it('ends a 高新技术企业 certificate the day before the third anniversary of issue', () => {
    expect(ruleValidTo('hnte', '2023-12-12')).toBe('2026-12-11');
    expect(ruleValidTo('hnte', '2023-01-01')).toBe('2025-12-31');
  });
  it('ends a certificate issued on 29 February on 28 February three years later when that year is common', () => {
    expect(ruleValidTo('hnte', '2024-02-29')).toBe('2027-02-28');
    expect(ruleValidTo('hnte', '2025-03-01')).toBe('2028-02-29');
  });
  it('ends a 科技型中小企业 registration on 31 December of its year', () => {
    expect(ruleValidTo('tsme', '2026-03-31')).toBe('2026-12-31');
    expect(ruleValidTo('tsme', '2026-12-31')).toBe('2026-12-31');
  });
  it('fixes no term for kinds whose certificate states its own', () => {
    expect(ruleValidTo('provincial_key_lab', '2026-03-31')).toBeNull();
    expect(hasRuleTerm('maker_space')).toBe(false);
    expect(hasRuleTerm('hnte')).toBe(true);
  });
  it('refuses a date that does not exist when asked for a term', () => {
    expect(() => ruleValidTo('hnte', '2023-02-29')).toThrow(RangeError);
  });
});

describe('qualification status on a day', () => {
  const hnte = { issuedOn: '2023-12-12', validTo: '2026-12-11' };

  it('is not yet valid the day before issue and valid on the day of issue', () => {
    expect(qualificationStatus(hnte, '2023-12-11')).toBe('not_yet_valid');
    expect(qualificationStatus(hnte, '2023-12-12')).toBe('valid');
  });
  it('turns expiring when the last valid day is exactly six months ahead, not a day before', () => {
    expect(qualificationStatus(hnte, '2026-06-10')).toBe('valid');
    expect(qualificationStatus(hnte, '2026-06-11')).toBe('expiring');
  });
  it('is expiring on its last valid day and expired the day after', () => {
    expect(qualificationStatus(hnte, '2026-12-11')).toBe('expiring');
    expect(qualificationStatus(hnte, '2026-12-12')).toBe('expired');
  });
  it('counts six months from a month end to the last day of a shorter month', () => {
    // 31 August + 6 months = 28 February (2027 is common), so a certificate ending 28 February is expiring.
    expect(qualificationStatus({ issuedOn: '2024-03-01', validTo: '2027-02-28' }, '2026-08-31')).toBe(
      'expiring',
    );
    expect(qualificationStatus({ issuedOn: '2024-03-01', validTo: '2027-03-01' }, '2026-08-31')).toBe(
      'valid',
    );
  });
  it('is valid without an end date once issued', () => {
    expect(qualificationStatus({ issuedOn: '2020-01-01', validTo: null }, '2099-12-31')).toBe('valid');
    expect(qualificationStatus({ issuedOn: '2020-01-01', validTo: null }, '2019-12-31')).toBe(
      'not_yet_valid',
    );
  });
  it('treats a one-day certificate as expiring on that day', () => {
    expect(qualificationStatus({ issuedOn: '2026-05-01', validTo: '2026-05-01' }, '2026-05-01')).toBe(
      'expiring',
    );
  });
  it('keeps valid and expiring in force and the others not', () => {
    expect([
      isInForce('valid'),
      isInForce('expiring'),
      isInForce('expired'),
      isInForce('not_yet_valid'),
    ]).toEqual([true, true, false, false]);
  });
  it('throws on a malformed day rather than guessing', () => {
    expect(() => qualificationStatus(hnte, '2026-13-01')).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('adds months with month-end clamping, both ways', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });
  it('reads the China Standard Time date of an instant, which is a day ahead of UTC after 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
