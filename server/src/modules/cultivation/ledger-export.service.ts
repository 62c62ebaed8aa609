/**
 * Export of a ledger in the template's form (all projects; the entries of one year or of all years) and the empty
 * template. Every export is audited (`ledger.exported`, with the year and the number of entries) before it is sent.
 * Without a signed-in actor (the command line) `reader` finds the enterprise and the export is audited as the system's.
 */
import type { Writable } from 'node:stream';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { LedgerEnterprise } from '@jinke/core/cultivation/ledger.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ledgerEnterpriseOf } from './ledger-access.ts';
import type { LedgerDeps } from './ledger-projects.service.ts';
import { allEntries, listEntries, listProjects } from './ledger.repo.ts';
import { writeLedgerWorkbook } from './ledger-workbook.ts';

export interface LedgerExportPlan {
  enterprise: LedgerEnterprise;
  year: number | undefined;
  write(out: Writable): Promise<number>;
}

export function ledgerExportService({ db, clock }: LedgerDeps) {
  async function start(
    ctx: RequestContext,
    q: { enterpriseId?: string | undefined; year?: number | undefined },
    reader?: Actor,
  ): Promise<LedgerExportPlan> {
    const e = await ledgerEnterpriseOf(db, ctx, q.enterpriseId, reader);
    const projects = await listProjects(db, e.id);
    const { total } = await listEntries(db, { enterpriseId: e.id, year: q.year }, 1, 0);
    await db.transaction((tx) =>
      writeAudit(
        tx,
        ctx,
        {
          action: 'ledger.exported',
          entityType: 'rd_ledger',
          entityId: e.id,
          changes: { year: q.year ?? null, projects: projects.length, entries: total },
        },
        clock(),
      ),
    );
    return {
      enterprise: { id: e.id, uscc: e.uscc, name: e.name },
      year: q.year,
      write: (out) => writeLedgerWorkbook(out, { projects, entries: allEntries(db, e.id, q.year) }),
    };
  }

  /** The empty workbook. */
  function template(out: Writable): Promise<number> {
    return writeLedgerWorkbook(out, { projects: [], entries: null });
  }

  return { start, template };
}
