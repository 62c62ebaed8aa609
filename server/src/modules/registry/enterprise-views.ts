/** Shapes records into the contracts' responses: the detail, pending changes and qualifications with their status. */
import type {
  EnterpriseDetail,
  PendingChangeItem,
  QualificationItem,
} from '@jinke/core/registry/enterprises.contract.ts';
import { hitechFieldByCode } from '@jinke/core/registry/hitech-fields.ts';
import { industryByCode } from '@jinke/core/registry/industry.ts';
import { chinaDate, qualificationStatus } from '@jinke/core/registry/qualifications.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { maskPhone } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { EnterpriseRow } from './enterprises.repo.ts';
import { type PendingRow, listProvenance, pendingOf } from './provenance.repo.ts';
import { type QualificationRow, qualificationsOf } from './qualifications.repo.ts';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function toPendingItem(r: PendingRow): PendingChangeItem {
  return {
    id: r.id,
    enterpriseId: r.entity_id,
    enterpriseName: r.enterprise_name,
    enterpriseUscc: r.enterprise_uscc,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    submittedBy: r.submitted_by_name,
    submittedAt: iso(r.submitted_at) ?? '',
    status: r.status,
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    reason: r.reason,
  };
}

/** The status is computed for `now`'s date in China Standard Time, at every read. */
export function toQualificationItem(r: QualificationRow, now: Date): QualificationItem {
  return {
    id: r.id,
    kind: r.kind,
    certificateNo: r.certificate_no,
    issuedOn: r.issued_on,
    validTo: r.valid_to,
    status: qualificationStatus({ issuedOn: r.issued_on, validTo: r.valid_to }, chinaDate(now)),
    source: r.source,
    createdAt: r.created_at,
  };
}

export function industryName(code: string | null): string | null {
  return code ? (industryByCode(code)?.name ?? null) : null;
}

export async function buildDetail(
  ex: Executor,
  row: EnterpriseRow,
  deps: { cipher: PersonalDataCipher; now: Date; revealPhone: boolean },
): Promise<EnterpriseDetail> {
  const phone = row.contact_phone_enc ? deps.cipher.decrypt(row.contact_phone_enc) : null;
  const [qualifications, provenance, pending] = [
    await qualificationsOf(ex, [row.id]),
    await listProvenance(ex, row.id),
    await pendingOf(ex, row.id),
  ];
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    formerNames: row.former_names,
    legalRep: row.legal_rep,
    registeredOn: row.registered_on,
    address: row.address,
    townCode: row.town_code,
    townName: row.town_name,
    industryCode: row.industry_code,
    industryName: industryName(row.industry_code),
    hitechField: row.hitech_field,
    hitechFieldName: row.hitech_field ? (hitechFieldByCode(row.hitech_field)?.name ?? null) : null,
    staff: row.staff,
    revenueFen: row.revenue_fen,
    contactName: row.contact_name,
    contactPhone: phone === null ? null : deps.revealPhone ? phone : maskPhone(phone),
    qualifications: qualifications.map((q) => toQualificationItem(q, deps.now)),
    provenance,
    pendingChanges: pending.map(toPendingItem),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
