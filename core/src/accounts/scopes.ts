/**
 * The shape of the id a scoped user acts for. Only the shape is known here; whether the record exists is
 * the server's question (`assertScopeExists`), answered from the registry tables once they exist.
 */
import type { ScopeType } from './roles.ts';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority and entity type
 * (2 characters), the registering division (6 digits), the organisation code (9) and a check character.
 * The letters I, O, Z, S and V are never used.
 */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A town, street or zone: the 9-digit statistical division code (GB/T 10114), e.g. 350582101 安海镇. */
export const TOWN_CODE_PATTERN = /^\d{9}$/;

/** Expert, bank and provider records: an id of the future registry, e.g. EXP-0001. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const patterns: Record<ScopeType, RegExp> = {
  enterprise: USCC_PATTERN,
  town: TOWN_CODE_PATTERN,
  expert: RECORD_ID_PATTERN,
  bank: RECORD_ID_PATTERN,
  provider: RECORD_ID_PATTERN,
};

/** USCCs are written in capitals; other ids are kept as given (trimmed). */
export function normaliseScopeId(scopeType: ScopeType, scopeId: string): string {
  const id = scopeId.trim();
  return scopeType === 'enterprise' ? id.toUpperCase() : id;
}

export function scopeIdHasShape(scopeType: ScopeType, scopeId: string): boolean {
  return patterns[scopeType].test(scopeId);
}

export const scopeShapeMessages: Record<ScopeType, { zh: string; en: string }> = {
  enterprise: { zh: '须为 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  town: { zh: '须为 9 位镇（街道）区划代码', en: 'must be a 9-digit town or street division code' },
  expert: {
    zh: '须为专家库编号（字母、数字、- 或 _）',
    en: 'must be an expert record id (letters, digits, - or _)',
  },
  bank: {
    zh: '须为合作银行编号（字母、数字、- 或 _）',
    en: 'must be a bank record id (letters, digits, - or _)',
  },
  provider: {
    zh: '须为服务机构编号（字母、数字、- 或 _）',
    en: 'must be a provider record id (letters, digits, - or _)',
  },
};
