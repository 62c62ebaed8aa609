import { describe, expect, it } from 'vitest';
import { cjkBigrams, segmentForIndex, segmentQuery } from './segment.ts';

describe('Chinese search segmentation', () => {
  it('indexes jieba words, local dictionary terms and bigrams of a name', () => {
    const tokens = segmentForIndex('福建浔兴拉链科技股份有限公司').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['拉链', '浔兴', '科技', '股份', '有限公司']));
    const graphene = segmentForIndex('福建海峡石墨烯产业技术研究院').split(' ');
    expect(graphene).toContain('石墨烯');
  });
  it('turns a Chinese query word into all of its bigrams', () => {
    expect(segmentQuery('浔兴')).toBe("'浔兴'");
    expect(segmentQuery('石墨烯')).toBe("('石墨' & '墨烯')");
  });
  it('makes Latin words and single characters prefix matches, lower-cased', () => {
    expect(segmentQuery('LED')).toBe("'led':*");
    expect(segmentQuery('纸')).toBe("'纸':*");
  });
  it('returns null for a query of punctuation only', () => {
    expect(segmentQuery('？！、——「」')).toBeNull();
    expect(segmentQuery("'&|!:*()")).toBeNull();
  });
  it('quotes lexemes so input cannot become tsquery operators', () => {
    expect(segmentQuery("a'b")).not.toContain("a'b'");
  });
  it('forms bigrams only inside runs of CJK characters', () => {
    expect(cjkBigrams('晋江A股科技')).toEqual(['晋江', '股科', '科技']);
  });
});
