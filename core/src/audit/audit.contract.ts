/** Contracts of the audit endpoints: reading and exporting the trail, and verifying its hash chain. */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';

/** Exports stop here; a larger trail must be narrowed by the filters first. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/**
 * A point in time as an ISO 8601 date-time with offset, or a calendar date `YYYY-MM-DD` read in China
 * Standard Time (UTC+8): as `from` it means the start of that day, as `to` the end of it.
 */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const dayStart = (value: string) => (value.length === 10 ? `${value}T00:00:00+08:00` : value);
const dayEnd = (value: string) =>
  value.length === 10
    ? new Date(new Date(`${value}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()
    : value;

const filterFields = z.object({
  /** Actions starting with this text, e.g. `auth.` or `auth.login`. */
  action: z.string().trim().min(1).max(64).optional(),
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(128).optional(),
  /** The acting user's username (exact, case-insensitive). */
  actor: z.string().trim().toLowerCase().min(1).max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

const boundsInOrder = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || new Date(dayStart(f.from)) < new Date(dayEnd(f.to));
const boundsMessage = { path: ['to'], ...bilingual('结束时间须晚于开始时间', 'must be later than from') };

/** The filters the list and the export share. `to` is exclusive for a date-time and covers the whole day for a date. */
export const auditFilters = filterFields.refine(boundsInOrder, boundsMessage);
export type AuditFilters = z.infer<typeof auditFilters>;

/** The filters as the database reads them: bounds resolved to instants, `to` exclusive. */
export interface ResolvedAuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export function resolveAuditFilters(f: AuditFilters): ResolvedAuditFilters {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.from ? { from: new Date(dayStart(f.from)) } : {}),
    ...(f.to ? { to: new Date(dayEnd(f.to)) } : {}),
  };
}

export const auditListQuery = filterFields
  .extend({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(boundsInOrder, boundsMessage);
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntry = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  scope: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryItem = z.infer<typeof auditEntry>;

export const auditList = z.object({
  items: z.array(auditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof auditList>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Entries checked and found intact (all of them when `ok`). */
  entries: z.number().int(),
  /** The first sequence number whose entry or link does not hold. */
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
