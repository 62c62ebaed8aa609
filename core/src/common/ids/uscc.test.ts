import { describe, expect, it } from 'vitest';
import { computeOrgCodeCheckDigit, isValidOrgCode } from './org-code.ts';
import {
  computeUsccCheckDigit,
  generateUscc,
  makeUscc,
  USCC_CHARSET,
  USCC_WEIGHTS,
  validateUscc,
} from './uscc.ts';

// Real codes from public sources (domain rules §6.1, USCC-01…05).
const REAL = [
  { code: '914403001922038216', division: '440300', orgCode: '192203821' },
  { code: '9144030071526726XG', division: '440300', orgCode: '71526726X' },
  { code: '91440300192317458F', division: '440300', orgCode: '192317458' },
  { code: '91110108551385082Q', division: '110108', orgCode: '551385082' },
  { code: '91350582MA8RFY385R', division: '350582', orgCode: 'MA8RFY385' },
];

/** A deterministic generator (mulberry32) so the generated codes are reproducible. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('USCC weights', () => {
  it('are 3^(i-1) mod 31 when computed from the definition', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });
});

describe('validateUscc', () => {
  it.each(REAL)('accepts the real code $code when it is well formed', ({ code, division, orgCode }) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({
      ok: true,
      normalized: code,
      divisionCode: division,
      orgCode,
      orgCodeCheckOk: true,
    });
  });

  it('decodes authority 9 / category 1 as 工商 / 企业 when the code starts with 91', () => {
    const result = validateUscc('91350582MA8RFY385R');
    expect(result.ok && result.registrationAuthority).toEqual({
      code: '9',
      name: { zh: '工商', en: 'Industry and commerce (market regulation)' },
    });
    expect(result.ok && result.entityCategory.name?.zh).toBe('企业');
  });

  it('reports a null name when the category is not in the table', () => {
    const code = makeUscc('97350582MA8RFY385');
    const result = validateUscc(code);
    expect(result.ok && result.entityCategory).toEqual({ code: '7', name: null });
  });

  it("accepts the standard's worked example 91350100M000100Y43 when the check is 3", () => {
    expect(validateUscc('91350100M000100Y43')).toMatchObject({ ok: true, orgCodeCheckOk: true });
  });

  it('rejects 91350100M000100Y4Z with check_digit and expected 3 when the 18th character is Z', () => {
    expect(validateUscc('91350100M000100Y4Z')).toEqual({
      ok: false,
      rule: 'check_digit',
      expected: '3',
      message: { zh: '校验码应为 3', en: 'The check character should be 3' },
    });
  });

  it('computes the check character from 17 characters', () => {
    expect(computeUsccCheckDigit('91350100M000100Y4')).toBe('3');
    expect(computeUsccCheckDigit('91440300192317458')).toBe('F');
    expect(() => computeUsccCheckDigit('9135010')).toThrow(RangeError);
    expect(() => computeUsccCheckDigit('9135010OM000100Y4')).toThrow(RangeError);
  });

  it('maps a sum that is a multiple of 31 to check 0 when the remainder is 0', () => {
    // Find a body whose weighted sum is ≡ 0 (mod 31) by adjusting the last position (weight 28, invertible mod 31).
    const base = '91350582MA8RFY38';
    const found = [...USCC_CHARSET].map((c) => base + c).find((body) => computeUsccCheckDigit(body) === '0');
    expect(found).toBeDefined();
    expect(validateUscc(`${found ?? ''}0`).ok).toBe(true);
  });

  it('rejects every single-character substitution when applied to a valid code', () => {
    const alphabet = `${USCC_CHARSET}IOZSV`;
    for (const { code } of REAL) {
      for (let i = 0; i < 18; i++) {
        for (const char of alphabet) {
          if (char === code[i]) continue;
          const corrupted = code.slice(0, i) + char + code.slice(i + 1);
          const result = validateUscc(corrupted);
          expect(result.ok, `${corrupted} must fail`).toBe(false);
        }
      }
    }
  });

  it('names the expected check character when another position was mistyped', () => {
    const result = validateUscc('914403001922038226');
    expect(result).toMatchObject({
      ok: false,
      rule: 'check_digit',
      expected: computeUsccCheckDigit('91440300192203822'),
    });
  });

  it('normalises lower case and surrounding space when the input is otherwise valid', () => {
    expect(validateUscc('  9144030071526726xg ')).toMatchObject({
      ok: true,
      normalized: '9144030071526726XG',
    });
    expect(validateUscc('91350582ma8rfy385r')).toMatchObject({ ok: true, normalized: '91350582MA8RFY385R' });
  });

  it('normalises full-width characters when typed with a Chinese input method', () => {
    expect(validateUscc('９１３５０５８２ＭＡ８ＲＦＹ３８５Ｒ')).toMatchObject({
      ok: true,
      normalized: '91350582MA8RFY385R',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])(
    'rejects the forbidden letter %s with charset when it is in the body',
    (letter) => {
      const result = validateUscc(`91350582MA8RFY3${letter}5R`);
      expect(result).toMatchObject({ ok: false, rule: 'charset' });
      expect(!result.ok && result.message.zh).toContain('不使用 I、O、Z、S、V');
      expect(!result.ok && result.message.zh).toContain('第16位');
    },
  );

  it('rejects a letter in the division code with charset when positions 3–8 are not digits', () => {
    expect(validateUscc('9135A582MA8RFY385R')).toMatchObject({ ok: false, rule: 'charset' });
  });

  it('rejects punctuation and Chinese characters with charset', () => {
    expect(validateUscc('91350582MA8RFY-85R')).toMatchObject({ ok: false, rule: 'charset' });
    expect(validateUscc('91350582MA8RFY中85R')).toMatchObject({ ok: false, rule: 'charset' });
  });

  it.each([
    ['', 0],
    ['91350582MA8RFY385', 17],
    ['91350582MA8RFY385RR', 19],
    ['91350582 MA8RFY385R', 19],
  ])('rejects "%s" with length when it has %i characters', (code, length) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, rule: 'length' });
    expect(!result.ok && result.message.zh).toBe(`应为18位，实为${length}位`);
  });

  it('reports a wrong organisation-code check without failing when not strict', () => {
    // Position 17 changed from 5 to 6, then the USCC check recomputed: GB 32100 passes, GB 11714 does not.
    const code = makeUscc('91350582MA8RFY386');
    expect(validateUscc(code)).toMatchObject({ ok: true, orgCodeCheckOk: false });
    expect(validateUscc(code, { strictOrgCode: true })).toMatchObject({
      ok: false,
      rule: 'org_code_check_digit',
      expected: '5',
    });
  });
});

describe('organisation code (GB 11714)', () => {
  it('computes the check characters of the real codes', () => {
    expect(computeOrgCodeCheckDigit('19231745')).toBe('8');
    expect(computeOrgCodeCheckDigit('71526726')).toBe('X');
    expect(computeOrgCodeCheckDigit('MA8RFY38')).toBe('5');
  });
  it('writes 11 as 0 when the weighted sum is a multiple of 11', () => {
    expect(computeOrgCodeCheckDigit('00000000')).toBe('0');
  });
  it('accepts the hyphenated printed form and rejects a wrong check', () => {
    expect(isValidOrgCode('19231745-8')).toBe(true);
    expect(isValidOrgCode('19231745-9')).toBe(false);
    expect(isValidOrgCode('1923174')).toBe(false);
  });
});

describe('generateUscc', () => {
  it('produces valid Jinjiang enterprise codes with a valid organisation code when seeded', () => {
    const rng = seeded(42);
    const codes = Array.from({ length: 200 }, () => generateUscc(rng));
    for (const code of codes) {
      expect(code).toMatch(/^91350582MA/);
      expect(validateUscc(code, { strictOrgCode: true }).ok).toBe(true);
    }
    expect(new Set(codes).size).toBe(200);
  });
  it('is reproducible for the same seed', () => {
    expect(generateUscc(seeded(7))).toBe(generateUscc(seeded(7)));
  });
  it('uses the given division and authority/category', () => {
    const code = generateUscc(seeded(1), '350500', '92');
    expect(code.slice(0, 8)).toBe('92350500');
    expect(validateUscc(code).ok).toBe(true);
  });
  it('refuses a malformed division code', () => {
    expect(() => generateUscc(seeded(1), '35058')).toThrow(RangeError);
  });
  it('makeUscc appends the check character of a body', () => {
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
});
