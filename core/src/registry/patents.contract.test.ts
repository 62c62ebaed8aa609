import { describe, expect, it } from 'vitest';
import { generatePatentApplicationNumber } from '../common/ids/patent-number.ts';
import { applicationNoSchema, patentRecordIssues, type PatentRecordDraft } from './patents.contract.ts';

const TODAY = '2026-11-26';
const draft: PatentRecordDraft = {
  applicationNo: '201710601862.3',
  filedOn: '2017-07-26',
  publishedOn: '2017-11-10',
  grantedOn: '2019-03-12',
  lapsedOn: null,
};
const rules = (d: Partial<PatentRecordDraft>, today = TODAY) => {
  const r = patentRecordIssues({ ...draft, ...d }, today);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.rule}`);
};

describe('applicationNoSchema', () => {
  it('names the check-digit rule with the expected character when the check digit is wrong', () => {
    const r = applicationNoSchema.safeParse('201710601862.4');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: { rule: 'check_digit', zh: '校验位应为 3' },
    });
    expect(applicationNoSchema.safeParse('ZL 95115608.X').success).toBe(true);
  });
});

describe('patentRecordIssues', () => {
  it('derives the type, normalised number, status and last day of the term from a consistent record', () => {
    expect(patentRecordIssues({ ...draft, applicationNo: 'CN201710601862.3' }, TODAY)).toEqual({
      ok: true,
      value: {
        type: 'invention',
        applicationNo: '201710601862.3',
        legalStatus: 'granted',
        expiresOn: '2037-07-25',
      },
    });
  });

  it('derives pending without a grant, lapsed with a lapse date and expired after the term when no status is given', () => {
    const status = (d: Partial<PatentRecordDraft>) => {
      const r = patentRecordIssues({ ...draft, ...d }, TODAY);
      return r.ok ? r.value.legalStatus : null;
    };
    expect(status({ grantedOn: null, publishedOn: null })).toBe('pending');
    expect(status({ lapsedOn: '2021-07-26' })).toBe('lapsed');
    expect(
      status({
        applicationNo: '201220687633.0',
        filedOn: '2012-12-14',
        publishedOn: null,
        grantedOn: '2013-06-05',
      }),
    ).toBe('expired');
  });

  it('counts a PCT national-phase entry as an invention with its term from the international filing date', () => {
    const applicationNo = generatePatentApplicationNumber(2017, 'pct_invention', 1234);
    const r = patentRecordIssues(
      { applicationNo, filedOn: '2016-03-01', publishedOn: null, grantedOn: null, lapsedOn: null },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      value: { type: 'invention', applicationNo, legalStatus: 'pending', expiresOn: '2036-02-29' },
    });
    expect(
      rules({ applicationNo, filedOn: '2016-03-01', publishedOn: null, grantedOn: null, type: 'utility' }),
    ).toEqual(['type:type_mismatch']);
  });

  it('names the type when it contradicts the type digit', () => {
    expect(rules({ type: 'utility' })).toEqual(['type:type_mismatch']);
    expect(rules({ type: 'invention' })).toEqual([]);
  });

  it('accepts a date equal to today and refuses the day after', () => {
    expect(rules({ grantedOn: TODAY })).toEqual([]);
    expect(rules({ grantedOn: '2026-11-27' })).toEqual(['grantedOn:date_in_future']);
  });

  it('accepts equal dates and refuses each date before the one it follows', () => {
    expect(rules({ publishedOn: '2017-07-26', grantedOn: '2017-07-26' })).toEqual([]);
    expect(rules({ publishedOn: '2017-07-25' })).toEqual(['publishedOn:date_order']);
    expect(rules({ grantedOn: '2017-11-09' })).toEqual(['grantedOn:date_order']);
    expect(rules({ lapsedOn: '2019-03-11' })).toEqual(['lapsedOn:date_order']);
  });

  it('refuses a filing year after the number’s year but accepts an earlier one (divisional applications)', () => {
    expect(rules({ filedOn: '2018-01-02', publishedOn: null, grantedOn: null })).toEqual([
      'filedOn:filed_after_number_year',
    ]);
    expect(rules({ filedOn: '2015-05-05', publishedOn: null, grantedOn: null })).toEqual([]);
  });

  it('refuses a status the dates contradict', () => {
    expect(rules({ grantedOn: null, publishedOn: null, legalStatus: 'granted' })).toEqual([
      'grantedOn:status_needs_grant',
    ]);
    expect(rules({ legalStatus: 'pending' })).toEqual(['legalStatus:status_conflicts_grant']);
    expect(rules({ legalStatus: 'lapsed' })).toEqual(['lapsedOn:status_needs_lapse']);
    expect(rules({ lapsedOn: '2021-07-26', legalStatus: 'granted' })).toEqual([
      'legalStatus:status_conflicts_lapse',
    ]);
    expect(
      rules({ lapsedOn: '2021-07-26', grantedOn: null, publishedOn: null, legalStatus: 'lapsed' }),
    ).toEqual(['lapsedOn:lapse_without_grant', 'grantedOn:status_needs_grant']);
  });

  it('refuses expired on the last day of the term and accepts it the day after', () => {
    expect(rules({ legalStatus: 'expired' }, '2037-07-25')).toEqual(['legalStatus:term_not_ended']);
    expect(rules({ legalStatus: 'expired' }, '2037-07-26')).toEqual([]);
  });
});
