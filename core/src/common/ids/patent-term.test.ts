import { describe, expect, it } from 'vitest';
import { patentExpiryDate, patentTerm } from './patent-term.ts';

describe('patent term', () => {
  it('protects a utility model filed 1999-09-06 up to 2009-09-05 (专利审查指南 example)', () => {
    expect(patentExpiryDate('utility', '1999-09-06')).toBe('2009-09-05');
  });

  it('gives an invention 20 years from filing', () => {
    expect(patentTerm('invention', '2017-07-27')).toEqual({
      years: 20,
      firstDay: '2017-07-27',
      lastDay: '2037-07-26',
      citation: '专利法 第四十二条第一款',
    });
  });

  it('treats PCT national-phase applications like their base type', () => {
    expect(patentExpiryDate('pct_invention', '2018-01-01')).toBe('2037-12-31');
    expect(patentExpiryDate('pct_utility', '2018-01-01')).toBe('2027-12-31');
  });

  it('gives a design 10 years when filed on 2021-05-31, the day before the 2020 amendment took effect', () => {
    expect(patentTerm('design', '2021-05-31')).toMatchObject({ years: 10, lastDay: '2031-05-30' });
  });

  it('gives a design 15 years when filed on 2021-06-01', () => {
    expect(patentTerm('design', '2021-06-01')).toMatchObject({ years: 15, lastDay: '2036-05-31' });
  });

  it('keeps utility models at 10 years on both sides of 2021-06-01', () => {
    expect(patentTerm('utility', '2021-05-31').years).toBe(10);
    expect(patentTerm('utility', '2021-06-01').years).toBe(10);
  });

  it('uses the 1984 law for filings before 1993-01-01', () => {
    expect(patentTerm('invention', '1992-12-31')).toMatchObject({ years: 15, lastDay: '2007-12-30' });
    expect(patentTerm('design', '1990-05-01')).toMatchObject({ years: 8, lastDay: '1998-04-30' });
    expect(patentTerm('invention', '1993-01-01')).toMatchObject({ years: 20, lastDay: '2012-12-31' });
  });

  it('ends on 28 February when a 29 February filing has no anniversary', () => {
    expect(patentExpiryDate('utility', '2020-02-29')).toBe('2030-02-28');
    expect(patentExpiryDate('invention', '2020-02-29')).toBe('2040-02-28');
  });

  it('rejects a filing date that does not exist', () => {
    expect(() => patentExpiryDate('invention', '2023-02-29')).toThrow(RangeError);
    expect(() => patentExpiryDate('invention', '2023/01/01')).toThrow(RangeError);
  });
});
