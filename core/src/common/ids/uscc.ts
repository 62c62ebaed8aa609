/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》, with 2016年第1号修改单).
 *
 * 18 characters: 1 登记管理部门代码 · 2 机构类别代码 · 3–8 登记管理机关行政区划码 (GB/T 2260) ·
 * 9–17 主体标识码 (组织机构代码, GB 11714) · 18 校验码.
 * Character set: `0123456789ABCDEFGHJKLMNPQRTUWXY`, values 0–30 — I, O, Z, S, V are never used.
 * Check character: W_i = 3^(i−1) mod 31; C18 = 31 − (Σ C_i·W_i mod 31), where 31 becomes 0.
 */
import { idFailure, normalizeIdText, type BilingualMessage, type IdFailure } from './id-result.ts';
import { computeOrgCodeCheckDigit } from './org-code.ts';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FORBIDDEN = 'IOZSV';

export type UsccRule = 'length' | 'charset' | 'check_digit' | 'org_code_check_digit';

export interface UsccCodeName {
  code: string;
  /** Null when the standard's table (as the product ships it) has no name for the code. */
  name: BilingualMessage | null;
}

export interface UsccOk {
  ok: true;
  normalized: string;
  registrationAuthority: UsccCodeName;
  entityCategory: UsccCodeName;
  /** 登记管理机关行政区划码, positions 3–8. */
  divisionCode: string;
  /** 主体标识码 = 组织机构代码, positions 9–17. */
  orgCode: string;
  /** Whether position 17 is the GB 11714 check character of positions 9–16. Reported; fails only when strict. */
  orgCodeCheckOk: boolean;
}

export type UsccResult = UsccOk | IdFailure<UsccRule>;

export interface UsccOptions {
  /** Fail (rule `org_code_check_digit`) when the embedded 组织机构代码 has a wrong GB 11714 check character. */
  strictOrgCode?: boolean;
}

interface AuthorityEntry {
  name: BilingualMessage;
  categories: Record<string, BilingualMessage>;
}

const OTHER: BilingualMessage = { zh: '其他', en: 'Other' };

/**
 * 登记管理部门代码 and 机构类别代码 (GB 32100-2015 附录A, as amended). Codes for 机构编制, 民政 and 工商 are the ones the
 * platform meets daily; a code missing here is reported with a null name, never rejected, because the table can be
 * extended by the standard's maintenance body.
 */
const AUTHORITIES: Record<string, AuthorityEntry> = {
  '1': {
    name: { zh: '机构编制', en: 'Institutional establishment' },
    categories: {
      '1': { zh: '机关', en: 'Government organ' },
      '2': { zh: '事业单位', en: 'Public institution' },
      '3': {
        zh: '中央编办直接管理机构编制的群众团体',
        en: 'Mass organisation under the central establishment office',
      },
      '9': OTHER,
    },
  },
  '2': {
    name: { zh: '外交', en: 'Foreign affairs' },
    categories: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': OTHER },
  },
  '3': {
    name: { zh: '司法行政', en: 'Judicial administration' },
    categories: {
      '1': { zh: '律师执业机构', en: 'Law firm' },
      '2': { zh: '公证处', en: 'Notary office' },
      '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
      '9': OTHER,
    },
  },
  '4': {
    name: { zh: '文化', en: 'Culture' },
    categories: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre in China' }, '9': OTHER },
  },
  '5': {
    name: { zh: '民政', en: 'Civil affairs' },
    categories: {
      '1': { zh: '社会团体', en: 'Social organisation' },
      '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
      '3': { zh: '基金会', en: 'Foundation' },
      '9': OTHER,
    },
  },
  '6': {
    name: { zh: '旅游', en: 'Tourism' },
    categories: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'Representative office of a foreign tourism authority' },
      '2': {
        zh: '港澳台地区旅游部门常驻内地（大陆）代表机构',
        en: 'Representative office of a HK/Macao/Taiwan tourism authority',
      },
      '9': OTHER,
    },
  },
  '7': {
    name: { zh: '宗教', en: 'Religious affairs' },
    categories: {
      '1': { zh: '宗教活动场所', en: 'Place of religious activity' },
      '2': { zh: '宗教院校', en: 'Religious school' },
      '9': OTHER,
    },
  },
  '8': {
    name: { zh: '工会', en: 'Trade unions' },
    categories: { '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': OTHER },
  },
  '9': {
    name: { zh: '工商', en: 'Industry and commerce (market regulation)' },
    categories: {
      '1': { zh: '企业', en: 'Enterprise' },
      '2': { zh: '个体工商户', en: 'Individual business' },
      '3': { zh: '农民专业合作社', en: "Farmers' specialised cooperative" },
    },
  },
  A: {
    name: { zh: '中央军委改革和编制办公室', en: 'CMC Reform and Establishment Office' },
    categories: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': OTHER },
  },
  N: {
    name: { zh: '农业', en: 'Agriculture' },
    categories: {
      '1': { zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
      '9': OTHER,
    },
  },
  Y: { name: OTHER, categories: { '1': OTHER } },
};

function valueOf(char: string): number {
  return USCC_CHARSET.indexOf(char);
}

/** The 18th character for a 17-character body; throws when the body is not 17 characters of the USCC set. */
export function computeUsccCheckDigit(first17: string): string {
  const body = first17.toUpperCase();
  if (body.length !== 17) throw new RangeError(`USCC body must have 17 characters, got ${body.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueOf(body[i] ?? '');
    if (value < 0) throw new RangeError(`"${body[i] ?? ''}" is not a USCC character`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '0';
}

function charsetFailure(position: number, char: string): IdFailure<UsccRule> {
  if (position >= 3 && position <= 8) {
    return idFailure(
      'charset',
      `第${position}位应为数字（第3–8位是登记管理机关行政区划码），实为“${char}”`,
      `Position ${position} must be a digit (positions 3–8 are the division code), got "${char}"`,
    );
  }
  if (FORBIDDEN.includes(char)) {
    return idFailure(
      'charset',
      `第${position}位“${char}”不是统一社会信用代码字符（不使用 I、O、Z、S、V）`,
      `Position ${position} "${char}" is not a USCC character (I, O, Z, S and V are not used)`,
    );
  }
  return idFailure(
    'charset',
    `第${position}位“${char}”不是统一社会信用代码字符（只用数字和除 I、O、Z、S、V 外的大写字母）`,
    `Position ${position} "${char}" is not a USCC character (digits and upper-case letters except I, O, Z, S, V)`,
  );
}

function describe(
  authority: string,
  category: string,
): { registrationAuthority: UsccCodeName; entityCategory: UsccCodeName } {
  const entry = AUTHORITIES[authority];
  return {
    registrationAuthority: { code: authority, name: entry?.name ?? null },
    entityCategory: { code: category, name: entry?.categories[category] ?? null },
  };
}

/**
 * Validates a 统一社会信用代码. Input is trimmed, full-width characters and lower case are normalised; inner spaces
 * are not accepted (the code is printed without them). A wrong or out-of-set 18th character is reported as
 * `check_digit` with the expected character, since the check is always computable from the first 17.
 */
export function validateUscc(code: string, options: UsccOptions = {}): UsccResult {
  const normalized = normalizeIdText(code);
  const length = [...normalized].length;
  if (length !== 18) {
    return idFailure('length', `应为18位，实为${length}位`, `Must have 18 characters, got ${length}`);
  }
  for (let i = 0; i < 17; i++) {
    const char = normalized[i] ?? '';
    const position = i + 1;
    const digitOnly = position >= 3 && position <= 8;
    if (digitOnly ? !/[0-9]/.test(char) : valueOf(char) < 0) return charsetFailure(position, char);
  }
  const expected = computeUsccCheckDigit(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return idFailure(
      'check_digit',
      `校验码应为 ${expected}`,
      `The check character should be ${expected}`,
      expected,
    );
  }
  const orgCode = normalized.slice(8, 17);
  const orgExpected = computeOrgCodeCheckDigit(orgCode.slice(0, 8));
  const orgCodeCheckOk = orgCode[8] === orgExpected;
  if (!orgCodeCheckOk && options.strictOrgCode) {
    return idFailure(
      'org_code_check_digit',
      `第17位（组织机构代码校验码）应为 ${orgExpected}`,
      `Position 17 (the organisation code check character) should be ${orgExpected}`,
      orgExpected,
    );
  }
  return {
    ok: true,
    normalized,
    ...describe(normalized[0] ?? '', normalized[1] ?? ''),
    divisionCode: normalized.slice(2, 8),
    orgCode,
    orgCodeCheckOk,
  };
}

/** Appends the check character to a 17-character body (used by generators and fix-up suggestions). */
export function makeUscc(prefix17: string): string {
  const body = normalizeIdText(prefix17);
  return body + computeUsccCheckDigit(body);
}

/**
 * A valid random code for demo data: `91` (工商/企业) + the division code + a new-style 主体标识码 `MA` + 6 characters
 * of the USCC set + its GB 11714 check character, then the GB 32100 check character. `rng` returns [0, 1).
 */
export function generateUscc(
  rng: () => number,
  divisionCode = '350582',
  authorityAndCategory = '91',
): string {
  if (!/^\d{6}$/.test(divisionCode))
    throw new RangeError(`division code must be 6 digits, got "${divisionCode}"`);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(authorityAndCategory)) {
    throw new RangeError(`authority and category must be 2 USCC characters, got "${authorityAndCategory}"`);
  }
  let body = 'MA';
  for (let i = 0; i < 6; i++) {
    const index = Math.min(USCC_CHARSET.length - 1, Math.floor(rng() * USCC_CHARSET.length));
    body += USCC_CHARSET[index] ?? '0';
  }
  return makeUscc(authorityAndCategory + divisionCode + body + computeOrgCodeCheckDigit(body));
}
