import { describe, expect, it } from 'vitest';
import {
  composeReason,
  entryStatus,
  fenToYuanText,
  noticeEndsOn,
  noticeWindow,
  resultsCsv,
} from './rules.ts';

describe('noticeEndsOn', () => {
  it('counts natural days, the first day included', () => {
    expect(noticeEndsOn('2026-11-26', 7)).toBe('2026-12-02');
    expect(noticeEndsOn('2026-11-26', 5)).toBe('2026-11-30');
    expect(noticeEndsOn('2026-12-28', 7)).toBe('2027-01-03');
    expect(noticeEndsOn('2028-02-25', 5)).toBe('2028-02-29');
    expect(noticeEndsOn('2026-11-26', 1)).toBe('2026-11-26');
  });
  it('refuses a notice of no days', () => {
    expect(() => noticeEndsOn('2026-11-26', 0)).toThrow(RangeError);
  });
});

describe('noticeWindow', () => {
  it('is running from the first day to the last day inclusive', () => {
    expect(noticeWindow('2026-11-25', '2026-11-26', '2026-12-02')).toBe('not_started');
    expect(noticeWindow('2026-11-26', '2026-11-26', '2026-12-02')).toBe('running');
    expect(noticeWindow('2026-12-02', '2026-11-26', '2026-12-02')).toBe('running');
    expect(noticeWindow('2026-12-03', '2026-11-26', '2026-12-02')).toBe('ended');
  });
});

describe('composeReason', () => {
  it('joins the template and the officer’s words', () => {
    expect(composeReason('below_threshold', '得分 58.5 分')).toBe('评审得分未达立项分数线：得分 58.5 分');
    expect(composeReason('out_of_scope', undefined)).toBe('超出资助范围');
    expect(composeReason(undefined, '  企业已迁出本市 ')).toBe('企业已迁出本市');
    expect(composeReason(undefined, '   ')).toBeNull();
    expect(composeReason(undefined, '否')).toBeNull();
  });
});

describe('entryStatus', () => {
  it('reads the public status of an entry from its phase', () => {
    expect(entryStatus('notice')).toBe('on_notice');
    expect(entryStatus('approved')).toBe('confirmed');
    expect(entryStatus('funded')).toBe('confirmed');
    expect(entryStatus('rejected')).toBe('cancelled');
  });
});

describe('resultsCsv', () => {
  it('writes a BOM, stable columns, quoting and CRLF', () => {
    expect(fenToYuanText('5')).toBe('0.05');
    expect(fenToYuanText('50000000')).toBe('500000.00');
    const csv = resultsCsv([
      {
        applicationId: 'a1',
        callId: 'c1',
        callTitle: '2026年度科技计划, 第一批',
        year: 2026,
        enterpriseName: '甲鞋业有限公司',
        uscc: '91350582MA0000001X',
        projectTitle: '智能"鞋底"装备',
        amountFen: '50000000',
        status: 'approved',
        confirmedOn: '2026-12-03',
      },
    ]);
    expect(csv).toBe(
      '\uFEFFapplication_id,call_id,call_title,year,enterprise,uscc,project_title,amount_fen,amount_yuan,status,confirmed_on\r\n' +
        'a1,c1,"2026年度科技计划, 第一批",2026,甲鞋业有限公司,91350582MA0000001X,"智能""鞋底""装备",50000000,500000.00,approved,2026-12-03\r\n',
    );
  });
});
