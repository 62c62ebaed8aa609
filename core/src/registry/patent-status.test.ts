import { describe, expect, it } from 'vitest';
import {
  patentKindOf,
  patentTermLastDay,
  patentValidAt,
  patentValidityAt,
  type PatentDates,
} from './patent-status.ts';

const invention: PatentDates = {
  type: 'invention',
  filedOn: '2017-07-26',
  grantedOn: '2019-03-12',
  lapsedOn: null,
};

describe('patentValidAt', () => {
  it('is false the day before the grant is announced and true on the day itself', () => {
    expect(patentValidAt(invention, '2019-03-11')).toBe(false);
    expect(patentValidityAt(invention, '2019-03-11')).toBe('granted_later');
    expect(patentValidAt(invention, '2019-03-12')).toBe(true);
  });

  it('is true on the last day of the 20-year invention term and false on the anniversary when no lapse is recorded', () => {
    expect(patentTermLastDay('invention', '2017-07-26')).toBe('2037-07-25');
    expect(patentValidAt(invention, '2037-07-25')).toBe(true);
    expect(patentValidAt(invention, '2037-07-26')).toBe(false);
    expect(patentValidityAt(invention, '2037-07-26')).toBe('term_ended');
  });

  it('is true the day before a lapse and false on the lapse day and after when the fee was not paid', () => {
    const lapsed = { ...invention, lapsedOn: '2021-07-26', legalStatus: 'lapsed' as const };
    expect(patentValidAt(lapsed, '2021-07-25')).toBe(true);
    expect(patentValidAt(lapsed, '2021-07-26')).toBe(false);
    expect(patentValidityAt(lapsed, '2021-07-26')).toBe('lapsed');
    expect(patentValidAt(lapsed, '2030-01-01')).toBe(false);
  });

  it('is false for a pending, refused or withdrawn application whatever the date', () => {
    expect(patentValidityAt({ ...invention, grantedOn: null }, '2020-01-01')).toBe('not_granted');
    expect(patentValidAt({ ...invention, legalStatus: 'rejected' }, '2020-01-01')).toBe(false);
    expect(patentValidAt({ ...invention, legalStatus: 'withdrawn' }, '2020-01-01')).toBe(false);
  });

  it('ends a utility model after 10 years', () => {
    const utility: PatentDates = {
      type: 'utility',
      filedOn: '2012-12-14',
      grantedOn: '2013-06-05',
      lapsedOn: null,
    };
    expect(patentValidAt(utility, '2022-12-13')).toBe(true);
    expect(patentValidAt(utility, '2022-12-14')).toBe(false);
  });

  it('gives a design filed on 2021-06-01 15 years and one filed on 2021-05-31 10 years (第四十二条, 2020 amendment)', () => {
    const newDesign: PatentDates = {
      type: 'design',
      filedOn: '2021-06-01',
      grantedOn: '2021-09-01',
      lapsedOn: null,
    };
    const oldDesign: PatentDates = {
      type: 'design',
      filedOn: '2021-05-31',
      grantedOn: '2021-09-01',
      lapsedOn: null,
    };
    expect(patentValidAt(newDesign, '2036-05-31')).toBe(true);
    expect(patentValidAt(newDesign, '2036-06-01')).toBe(false);
    expect(patentValidAt(oldDesign, '2031-05-30')).toBe(true);
    expect(patentValidAt(oldDesign, '2031-05-31')).toBe(false);
  });

  it('ends the term of a patent filed on 29 February on 28 February of the last year', () => {
    const leap: PatentDates = {
      type: 'utility',
      filedOn: '2020-02-29',
      grantedOn: '2020-08-01',
      lapsedOn: null,
    };
    expect(patentTermLastDay('utility', '2020-02-29')).toBe('2030-02-28');
    expect(patentValidAt(leap, '2030-02-28')).toBe(true);
    expect(patentValidAt(leap, '2030-03-01')).toBe(false);
  });
});

describe('patentKindOf', () => {
  it('counts PCT national-phase entries as inventions and utility models', () => {
    expect(patentKindOf('pct_invention')).toBe('invention');
    expect(patentKindOf('pct_utility')).toBe('utility');
    expect(patentKindOf('design')).toBe('design');
  });
});
