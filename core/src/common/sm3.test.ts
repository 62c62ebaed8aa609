import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from './sm3.ts';

describe('sm3', () => {
  it('gives the digest of example 1 of GB/T 32905-2016 when hashing "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('gives the digest of example 2 of GB/T 32905-2016 when hashing 512 bits of "abcd"', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('agrees with OpenSSL at every padding boundary when the length is 0 to 200 bytes', () => {
    for (let length = 0; length <= 200; length++) {
      const data = randomBytes(length);
      expect(sm3Hex(data), `length ${length}`).toBe(createHash('sm3').update(data).digest('hex'));
    }
  });

  it('hashes a string as its UTF-8 bytes when the text is Chinese', () => {
    const text = '晋江市科学技术和知识产权局';
    expect(sm3Hex(text)).toBe(createHash('sm3').update(text, 'utf8').digest('hex'));
  });
});
