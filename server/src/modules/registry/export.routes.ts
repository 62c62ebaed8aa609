/**
 * Registry exports as xlsx, one endpoint per kind, each taking its list endpoint's filters and streaming the rows
 * (exceljs' streaming writer) under the import template's headers. Who may export a kind is who may list it; the
 * list's scope applies (a town user exports its town, an enterprise user itself).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '@jinke/core/accounts/roles.ts';
import {
  type ExportKind,
  exportKinds,
  exportQueries,
  sheetKindNames,
} from '@jinke/core/registry/import.contract.ts';
import { contextOf } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { exportService, writeExport } from './export.service.ts';
import { partyAccess } from './parties.policy.ts';
import { ENTERPRISE_READERS, allowRoles } from './registry.policy.ts';

/** Who may export each kind: who may read its list. */
export const EXPORTERS: Record<ExportKind, readonly Role[]> = {
  enterprises: ENTERPRISE_READERS,
  'enterprise-years': ENTERPRISE_READERS,
  patents: partyAccess.patents.read,
  experts: partyAccess.experts.read,
  institutes: partyAccess.institutes.read,
  talents: partyAccess.talents.read,
  carriers: partyAccess.carriers.read,
  banks: partyAccess.banks.read,
};

/** 2026-11-26T02:00:00Z → 202611261000 (China Standard Time). */
function stamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 12);
}

export function exportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = exportService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of exportKinds) {
    r.get(
      `/api/export/${kind}.xlsx`,
      {
        onRequest: allowRoles(EXPORTERS[kind]),
        schema: {
          tags: ['registry'],
          summary: `导出${sheetKindNames[kind].zh}（Excel） Export ${sheetKindNames[kind].en.toLowerCase()} as xlsx`,
          description:
            'The filters of the list endpoint, without paging; rows within the caller’s scope, streamed under the import ' +
            'template’s headers so the file imports again. Audited as registry.exported.',
          querystring: exportQueries[kind],
        },
      },
      async (request, reply) => {
        const filters = request.query as Record<string, unknown>;
        const plan = await service.start(contextOf(request), kind, filters);
        const body = new PassThrough();
        // Headers leave with the first bytes; an error after that can only cut the download short.
        writeExport(plan, body).catch((error: unknown) => {
          request.log.error({ err: error }, 'registry export failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        const at = stamp(deps.clock());
        return reply
          .type(XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            attachmentHeader(`${kind}-${at}.xlsx`, `${sheetKindNames[kind].zh}-${at}.xlsx`),
          )
          .send(body);
      },
    );
  }
}
