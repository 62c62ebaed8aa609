/**
 * Enterprise profile fields as the service handles them: the API name, the column, how a value is read from a row
 * and written back (the contact phone is SM4-encrypted at rest), and how it appears in the audit trail (the phone
 * never does, only a marker that one was there).
 */
import type { EnterpriseField, FieldValue } from '@jinke/core/registry/enterprises.contract.ts';
import { enterpriseFields } from '@jinke/core/registry/enterprises.contract.ts';
import { canonicalJson } from '../../platform/audit.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { SqlValue } from '../../platform/db/index.ts';
import { segmentForIndex } from '../../platform/search/index.ts';
import type { EnterpriseColumn, EnterpriseRow } from './enterprises.repo.ts';

export const columnOf: Record<EnterpriseField, EnterpriseColumn> = {
  uscc: 'uscc',
  name: 'name',
  formerNames: 'former_names',
  legalRep: 'legal_rep',
  registeredOn: 'registered_on',
  address: 'address',
  townCode: 'town_code',
  industryCode: 'industry_code',
  hitechField: 'hitech_field',
  staff: 'staff',
  revenueFen: 'revenue_fen',
  contactName: 'contact_name',
  contactPhone: 'contact_phone_enc',
};

export type ProfileValues = Record<EnterpriseField, FieldValue>;

/** The current value of every field, the phone in clear (it stays in memory; callers mask or mark it). */
export function valuesOf(row: EnterpriseRow, cipher: PersonalDataCipher): ProfileValues {
  return {
    uscc: row.uscc,
    name: row.name,
    formerNames: row.former_names,
    legalRep: row.legal_rep,
    registeredOn: row.registered_on,
    address: row.address,
    townCode: row.town_code,
    industryCode: row.industry_code,
    hitechField: row.hitech_field,
    staff: row.staff,
    revenueFen: row.revenue_fen,
    contactName: row.contact_name,
    contactPhone: row.contact_phone_enc ? cipher.decrypt(row.contact_phone_enc) : null,
  };
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** The fields of `next` whose value differs from `current`, in catalogue order. */
export function changedFields(current: ProfileValues, next: Partial<ProfileValues>): EnterpriseField[] {
  return enterpriseFields.filter(
    (f) => f in next && next[f] !== undefined && !sameValue(current[f], next[f]),
  );
}

/** A value as the audit trail and pending changes may carry it. */
export function auditValue(field: EnterpriseField, value: FieldValue): FieldValue {
  return field === 'contactPhone' && value !== null ? '***' : value;
}

export function auditDiff(
  before: ProfileValues,
  after: ProfileValues,
  fields: readonly EnterpriseField[],
): Record<string, [FieldValue, FieldValue]> {
  return Object.fromEntries(fields.map((f) => [f, [auditValue(f, before[f]), auditValue(f, after[f])]]));
}

/** Column values for `fields` of `values`, encrypting the phone and refreshing search tokens when their sources change. */
export function columnsFor(
  values: ProfileValues,
  fields: readonly EnterpriseField[],
  cipher: PersonalDataCipher,
): Partial<Record<EnterpriseColumn, SqlValue>> {
  const out: Partial<Record<EnterpriseColumn, SqlValue>> = {};
  for (const f of fields) {
    const v = values[f];
    out[columnOf[f]] = f === 'contactPhone' && typeof v === 'string' ? cipher.encrypt(v) : v;
  }
  if (fields.some((f) => f === 'name' || f === 'formerNames' || f === 'address'))
    out.search_tokens = searchTokens(values);
  return out;
}

/** Name, former names and address are what search finds an enterprise by. */
export function searchTokens(values: Pick<ProfileValues, 'name' | 'formerNames' | 'address'>): string {
  const former = Array.isArray(values.formerNames) ? values.formerNames : [];
  return segmentForIndex(
    String(values.name ?? ''),
    ...former,
    typeof values.address === 'string' ? values.address : null,
  );
}

/**
 * A new name keeps the old one findable: it joins the former names (曾用名) unless the same change sets them
 * explicitly or already lists it.
 */
export function withFormerName(current: ProfileValues, next: Partial<ProfileValues>): Partial<ProfileValues> {
  if (next.name === undefined || sameValue(next.name, current.name) || next.formerNames !== undefined)
    return next;
  const former = Array.isArray(current.formerNames) ? current.formerNames : [];
  const old = String(current.name);
  if (former.includes(old)) return next;
  return { ...next, formerNames: [...former, old] };
}
