/** Reading, exporting and verifying the audit trail. Exports and verifications are themselves recorded. */
import {
  AUDIT_EXPORT_MAX_ROWS,
  resolveAuditFilters,
  type AuditFilters,
  type AuditList,
  type AuditListQuery,
} from '@jinke/core/audit/audit.contract.ts';
import { verifyChain, writeAudit, type AuditEntry, type VerifyResult } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { countAuditEntries, lastAuditSeq, listAuditEntries, listAuditEntriesBefore } from './audit.repo.ts';

const EXPORT_PAGE_SIZE = 2000;

export interface AuditExport {
  /** Rows the export will hold. */
  count: number;
  entries: AsyncIterable<AuditEntry>;
}

export function auditService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function list(query: AuditListQuery): Promise<AuditList> {
    const { page, pageSize, ...filters } = query;
    const resolved = resolveAuditFilters(filters);
    const [total, items] = await Promise.all([
      countAuditEntries(db, resolved),
      listAuditEntries(db, resolved, { limit: pageSize, offset: (page - 1) * pageSize }),
    ]);
    return { items, total, page, pageSize };
  }

  /**
   * Fixes the export at the entries written so far, refuses more than the limit, records who exported what,
   * then yields the entries newest first in keyset pages.
   */
  async function startExport(ctx: RequestContext, filters: AuditFilters): Promise<AuditExport> {
    const resolved = resolveAuditFilters(filters);
    const bound = (await lastAuditSeq(db)) + 1;
    const count = await countAuditEntries(db, resolved, bound);
    if (count > AUDIT_EXPORT_MAX_ROWS) {
      throw new AppError('AUDIT_EXPORT_TOO_LARGE', { details: { count, max: AUDIT_EXPORT_MAX_ROWS } });
    }
    await db.transaction((tx) =>
      writeAudit(
        tx,
        ctx,
        { action: 'audit.exported', entityType: 'audit_log', changes: { filters, rows: count } },
        clock(),
      ),
    );
    async function* entries(): AsyncGenerator<AuditEntry> {
      let before = bound;
      for (;;) {
        const page = await listAuditEntriesBefore(db, resolved, before, EXPORT_PAGE_SIZE);
        yield* page;
        const last = page.at(-1);
        if (!last || page.length < EXPORT_PAGE_SIZE) return;
        before = last.seq;
      }
    }
    return { count, entries: entries() };
  }

  /**
   * Walks the chain inside one read-only snapshot, so entries committed meanwhile by other requests cannot
   * look like a broken head, then records the verification and its outcome.
   */
  async function verify(ctx: RequestContext): Promise<VerifyResult> {
    const result = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return verifyChain(tx);
    });
    const outcome = result.ok ? { ok: true, entries: result.entries } : { ...result };
    await db.transaction((tx) =>
      writeAudit(tx, ctx, { action: 'audit.verified', entityType: 'audit_log', changes: outcome }, clock()),
    );
    return result;
  }

  return { list, startExport, verify };
}
