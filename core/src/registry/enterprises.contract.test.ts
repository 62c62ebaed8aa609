import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/validation-messages.ts';
import { qualificationRequest } from './enterprise-relations.contract.ts';
import { putYearRequest } from './enterprise-years.contract.ts';
import {
  createEnterpriseRequest,
  parseFieldKey,
  updateEnterpriseRequest,
  yearFigureConflicts,
} from './enterprises.contract.ts';

describe('enterprise profile input', () => {
  it('normalises a USCC typed in lower case or full width and stores the 4-digit industry class', () => {
    const parsed = createEnterpriseRequest.parse({
      uscc: '９１３５０５８２ma8rfy385r',
      name: ' 晋江交发科技有限公司 ',
      industryCode: 'C1951',
    });
    expect(parsed).toMatchObject({
      uscc: '91350582MA8RFY385R',
      name: '晋江交发科技有限公司',
      industryCode: '1951',
      formerNames: [],
      staff: null,
    });
  });

  it('names the check character a USCC should end with, in both languages', () => {
    const result = updateEnterpriseRequest.safeParse({ uscc: '91350582MA8RFY3850' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues, 'zh-CN')).toEqual([
      { field: 'uscc', message: 'uscc 校验码应为 R', rule: 'uscc_check_digit' },
    ]);
    expect(toFieldErrors(result.error.issues, 'en-US')[0]?.message).toBe(
      'uscc The check character should be R',
    );
  });

  it('leaves fields out of a change unless named, keeping null as "clear"', () => {
    expect(updateEnterpriseRequest.parse({ address: null })).toEqual({ address: null });
  });
});

describe('field keys', () => {
  it('reads profile fields and yearly figures, and nothing else', () => {
    expect(parseFieldKey('name')).toEqual({ kind: 'profile', field: 'name' });
    expect(parseFieldKey('years.2025.techStaff')).toEqual({ kind: 'year', year: 2025, field: 'techStaff' });
    expect(parseFieldKey('years.2025.password')).toBeNull();
    expect(parseFieldKey('search_tokens')).toBeNull();
  });
});

describe('yearly figure conflicts', () => {
  it('names both fields when tech staff exceed staff or net assets exceed total assets', () => {
    expect(yearFigureConflicts({ staff: 10, techStaff: 10 })).toEqual([]);
    expect(yearFigureConflicts({ staff: 10, techStaff: 11 }).map((c) => c.field)).toEqual([
      'techStaff',
      'staff',
    ]);
    expect(yearFigureConflicts({ netAssetsFen: 1, totalAssetsFen: 0 }).map((c) => c.field)).toEqual([
      'netAssetsFen',
      'totalAssetsFen',
    ]);
    expect(yearFigureConflicts({ staff: null, techStaff: 11 })).toEqual([]);
  });

  it('refuses the conflict in a year request', () => {
    expect(putYearRequest.safeParse({ staff: 1, techStaff: 2 }).success).toBe(false);
    expect(putYearRequest.safeParse({ netAssetsFen: -100 }).success).toBe(true);
  });
});

describe('qualification input', () => {
  it('fills in the term a rule fixes and keeps a stated term for other kinds', () => {
    expect(qualificationRequest.parse({ kind: 'hnte', issuedOn: '2023-12-12' }).validTo).toBe('2026-12-11');
    expect(
      qualificationRequest.parse({ kind: 'incubator', issuedOn: '2023-12-12', validTo: '2028-01-01' })
        .validTo,
    ).toBe('2028-01-01');
    expect(qualificationRequest.parse({ kind: 'incubator', issuedOn: '2023-12-12' }).validTo).toBeNull();
  });
});
