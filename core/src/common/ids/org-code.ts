/**
 * 组织机构代码 (GB 11714-1997): an 8-character body of digits and upper-case letters plus one check character.
 * Inside a 统一社会信用代码 it is the 主体标识码, positions 9–17 (GB 32100-2015).
 *
 * Check character (GB 11714-1997): values 0–9 for digits, A=10 … Z=35 for letters; weights 3 7 9 10 5 8 4 2;
 * C9 = 11 − (Σ Ci·Wi mod 11), where 10 is written X and 11 is written 0.
 */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const BODY = /^[0-9A-Z]{8}$/;

function valueOf(char: string): number {
  const code = char.charCodeAt(0);
  // '0'–'9' → 0–9, 'A'–'Z' → 10–35.
  return code <= 57 ? code - 48 : code - 55;
}

/** The check character of an 8-character body; throws on a body that is not 8 digits/upper-case letters. */
export function computeOrgCodeCheckDigit(body: string): string {
  if (!BODY.test(body))
    throw new RangeError(`organisation code body must be 8 digits or letters, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += valueOf(body[i] ?? '0') * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** True when a 9-character organisation code (hyphen before the check character allowed) carries the right check. */
export function isValidOrgCode(code: string): boolean {
  const compact = code
    .trim()
    .toUpperCase()
    .replace(/-(?=[0-9X]$)/, '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(compact)) return false;
  return computeOrgCodeCheckDigit(compact.slice(0, 8)) === compact[8];
}
