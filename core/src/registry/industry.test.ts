import { describe, expect, it } from 'vitest';
import {
  industryByCode,
  industryChildren,
  industryEntries,
  industryPath,
  validateIndustryCode,
} from './industry.ts';
import { readIndustryClassification } from './reference-files.node.ts';

describe('GB/T 4754-2017 table', () => {
  it('has the published counts: 20 sections, 97 divisions, 473 groups, 1,380 classes', () => {
    const count = (level: string) => industryEntries.filter((e) => e.level === level).length;
    expect([count('section'), count('division'), count('group'), count('class')]).toEqual([
      20, 97, 473, 1380,
    ]);
  });

  it('agrees row for row with the shipped CSV when descriptions are left out', () => {
    const shipped = readIndustryClassification().map(({ code, level, section, parent, name }) => ({
      code,
      level,
      section,
      parent,
      name,
    }));
    expect(industryEntries).toEqual(shipped);
  });

  it('keeps the 说明 text in the shipped CSV for the server', () => {
    const row = readIndustryClassification().find((r) => r.code === '1951');
    expect(row?.description).toBe('指用各种纺织面料、木材、棕草等原料缝制、模压或编制各种鞋的生产活动');
  });

  it('finds 1951 纺织面料鞋制造 under C / 19 / 195', () => {
    expect(industryPath('1951').map((e) => `${e.code} ${e.name}`)).toEqual([
      'C 制造业',
      '19 皮革、毛皮、羽毛及其制品和制鞋业',
      '195 制鞋业',
      '1951 纺织面料鞋制造',
    ]);
  });

  it('lists the 20 sections A–T when asked for top-level children', () => {
    expect(
      industryChildren(null)
        .map((e) => e.code)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryChildren('195').map((e) => e.code)).toEqual(['1951', '1952', '1953', '1954', '1959']);
  });

  it('includes single-class groups such as 022/0220', () => {
    expect(industryByCode('022')?.level).toBe('group');
    expect(industryByCode('0220')?.parent).toBe('022');
  });
});

describe('validateIndustryCode', () => {
  it.each(['1951', 'C1951', 'c1951', ' C 1951 ', 'Ｃ１９５１'])(
    'accepts %s as C1951 纺织面料鞋制造',
    (text) => {
      expect(validateIndustryCode(text)).toMatchObject({
        ok: true,
        normalized: 'C1951',
        code: '1951',
        name: '纺织面料鞋制造',
      });
    },
  );

  it('rejects a class with the wrong section letter and names the right one', () => {
    expect(validateIndustryCode('F1951')).toMatchObject({
      ok: false,
      rule: 'section_mismatch',
      expected: 'C1951',
    });
  });

  it.each(['19', '195', 'C195'])('rejects %s with not_class when it is a division or group', (text) => {
    expect(validateIndustryCode(text)).toMatchObject({ ok: false, rule: 'not_class' });
  });

  it.each(['1950', '9999', '0000'])('rejects %s with unknown_code', (text) => {
    expect(validateIndustryCode(text)).toMatchObject({ ok: false, rule: 'unknown_code' });
  });

  it.each(['', 'C', 'U1951', '19511', 'C-1951', '1'])('rejects "%s" with format', (text) => {
    expect(validateIndustryCode(text)).toMatchObject({ ok: false, rule: 'format' });
  });
});
