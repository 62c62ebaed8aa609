import { describe, expect, it } from 'vitest';
import { fenToWanText, fieldKeyLabel, formatMoney, wanTextToFen } from './labels.ts';
import { translate } from '../../app/i18n.tsx';

describe('registry money and field labels', () => {
  it('shows 分 as 万元 with grouped digits in Chinese and as yuan in English', () => {
    expect(formatMoney(195_000_000_000, 'zh-CN')).toBe('195,000万元');
    expect(formatMoney(12_345_678, 'zh-CN')).toBe('12.35万元');
    expect(formatMoney(-1_000_000, 'zh-CN')).toBe('-1万元');
    expect(formatMoney(31_240_000, 'en-US')).toBe('¥312,400.00');
    expect(formatMoney(null, 'zh-CN')).toBe('—');
  });

  it('turns 万元 text into exact 分 and back, refusing what is finer than 1 分', () => {
    expect(wanTextToFen('1,234.56')).toBe(1_234_560_000);
    expect(wanTextToFen('0.000001')).toBe(1);
    expect(wanTextToFen(' ')).toBeNull();
    expect(() => wanTextToFen('0.0000001')).toThrow(RangeError);
    expect(fenToWanText(1_234_560_000)).toBe('1234.56');
    expect(fenToWanText(wanTextToFen('0.333333'))).toBe('0.333333');
  });

  it('names profile fields and yearly figures', () => {
    const t = (text: { zh: string; en: string }) => translate(text, 'zh-CN');
    expect(fieldKeyLabel('revenueFen', t)).toBe('营业收入');
    expect(fieldKeyLabel('years.2025.techStaff', t)).toBe('2025 科技人员数');
    expect(fieldKeyLabel('unknown', t)).toBe('unknown');
  });
});
