/**
 * Registry exports. The rows are chosen by each kind's list service (its filters and the actor's scope: a town
 * exports its town, an enterprise itself), page by page, and written under the import template's headers, so an
 * exported file imports again. Officers and administrators get personal data (phones, identity numbers) in clear,
 * others masked; every export is audited (`registry.exported`) with its filters and row count before it is sent.
 */
import type { Writable } from 'node:stream';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { yuanString } from '@jinke/core/common/money.ts';
import {
  type ExportKind,
  type ExportQuery,
  bankKindChoices,
  carrierKindChoices,
  instituteKindChoices,
  patentStatusChoices,
  patentTypeChoices,
  sheetColumns,
  sheetKindNames,
  talentKindChoices,
} from '@jinke/core/registry/import.contract.ts';
import { industryByCode } from '@jinke/core/registry/industry.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type PersonalDataCipher, maskIdNumber, maskPhone } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { clip, streamingWorkbook, writeHeader } from '../../platform/xlsx.ts';
import { enterpriseListService } from './enterprise-list.service.ts';
import { expertsService } from './experts.service.ts';
import { enterprisesByIds, expertsByIds, usccsOf, yearsOfEnterprises } from './export.repo.ts';
import { institutesService } from './institutes.service.ts';
import { revealsAny } from './parties.policy.ts';
import { partiesService } from './parties.service.ts';
import { exactCounting, searchCounting } from './search-count.repo.ts';
import { patentsService } from './patents.service.ts';

export type ExportCell = string | number | null;
export type ExportRow = Record<string, ExportCell>;

export interface ExportPlan {
  kind: ExportKind;
  /** Rows the filters select (for yearly figures: enterprises). */
  total: number;
  rows: AsyncIterable<ExportRow>;
}

const PAGE = 500;
const LIST = '；';

const yuan = (fen: string | number | null): number | null =>
  fen === null ? null : Number(yuanString(BigInt(fen)));
const yesNo = (v: boolean): string => (v ? '是' : '否');
const industryText = (code: string | null): string | null =>
  code === null ? null : `${industryByCode(code)?.section ?? ''}${code}`;

/** Fetches page 1 (to know the total), then hands out every page's items in order. */
async function pagesOf<T>(
  fetch: (page: number) => Promise<{ items: T[]; total: number }>,
): Promise<{ total: number; pages: AsyncGenerator<T[]> }> {
  const first = await fetch(1);
  async function* pages() {
    let current = first.items;
    for (let page = 1; current.length > 0;) {
      yield current;
      if (current.length < PAGE) return;
      page++;
      current = (await fetch(page)).items;
    }
  }
  return { total: first.total, pages: pages() };
}

export function exportService(deps: { db: Database; cipher: PersonalDataCipher; clock: () => Date }) {
  const { db, cipher, clock } = deps;
  // An export writes every matching row and audits their number, so it counts them all.
  const enterprises = enterpriseListService({ ...deps, search: exactCounting(searchCounting.enterprises) });
  const patents = patentsService({ ...deps, search: exactCounting(searchCounting.patents) });
  const experts = expertsService(deps);
  const institutes = institutesService(deps);
  const parties = partiesService(deps);
  const decrypt = (value: string | null) => (value ? cipher.decrypt(value) : null);

  /** `ctx` acts; its actor's scope chooses the rows. */
  async function plan(
    ctx: RequestContext & { actor: Actor },
    kind: ExportKind,
    filters: Record<string, unknown>,
    reveal: boolean,
  ): Promise<ExportPlan> {
    const page = (n: number) => ({ page: n, pageSize: PAGE });
    switch (kind) {
      case 'enterprises': {
        const q = filters as ExportQuery<'enterprises'>;
        const { total, pages } = await pagesOf((n) => enterprises.list(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const e of await enterprisesByIds(
              db,
              items.map((i) => i.id),
            )) {
              const phone = decrypt(e.contact_phone_enc);
              yield {
                uscc: e.uscc,
                name: e.name,
                formerNames: (e.former_names ?? []).join(LIST) || null,
                legalRep: e.legal_rep,
                registeredOn: e.registered_on,
                address: e.address,
                townCode: e.town_name,
                industryCode: industryText(e.industry_code),
                hitechField: e.hitech_field,
                staff: e.staff,
                revenueFen: yuan(e.revenue_fen),
                contactName: e.contact_name,
                contactPhone: phone === null ? null : reveal ? phone : maskPhone(phone),
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'enterprise-years': {
        const q = filters as ExportQuery<'enterprise-years'>;
        const { total, pages } = await pagesOf((n) => enterprises.list(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const y of await yearsOfEnterprises(
              db,
              items.map((i) => i.id),
              q.year ?? null,
            )) {
              yield {
                uscc: y.uscc,
                name: y.name,
                year: y.year,
                revenueFen: yuan(y.revenue_fen),
                rdFen: yuan(y.rd_fen),
                staff: y.staff,
                techStaff: y.tech_staff,
                netAssetsFen: yuan(y.net_assets_fen),
                totalAssetsFen: yuan(y.total_assets_fen),
                aboveScale: yesNo(y.above_scale),
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'patents': {
        const q = filters as ExportQuery<'patents'>;
        const { total, pages } = await pagesOf((n) => patents.list(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            const firstIds = items.flatMap((p) => {
              const first = p.applicants[0];
              return first?.holderType === 'enterprise' && first.holderId ? [first.holderId] : [];
            });
            const usccs = await usccsOf(db, firstIds);
            for (const p of items) {
              const first = p.applicants[0];
              yield {
                applicationNo: p.applicationNo,
                type: patentTypeChoices[p.type],
                title: p.title,
                ipcCodes: p.ipcCodes.join(LIST) || null,
                filedOn: p.filedOn,
                publishedOn: p.publishedOn,
                grantedOn: p.grantedOn,
                legalStatus: patentStatusChoices[p.legalStatus],
                lapsedOn: p.lapsedOn,
                townCode: p.townName,
                applicants: p.applicants.map((a) => a.name).join(LIST),
                firstApplicantUscc: first?.holderId ? (usccs.get(first.holderId) ?? null) : null,
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'experts': {
        const q = filters as ExportQuery<'experts'>;
        const { total, pages } = await pagesOf((n) => experts.list(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const x of await expertsByIds(
              db,
              items.map((i) => i.id),
            )) {
              const phone = decrypt(x.phone_enc);
              const idCard = decrypt(x.id_card_enc);
              yield {
                code: x.code,
                name: x.name,
                title: x.title,
                employerUscc: x.employer_uscc,
                institute: x.institute_name,
                fields: (x.fields ?? []).join(LIST) || null,
                ipcClasses: (x.ipc_classes ?? []).join(LIST) || null,
                expertise: x.expertise,
                phone: phone === null ? null : reveal ? phone : maskPhone(phone),
                idCard: idCard === null ? null : reveal ? idCard : maskIdNumber(idCard),
                available: yesNo(x.available),
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'institutes': {
        const q = filters as ExportQuery<'institutes'>;
        const { total, pages } = await pagesOf((n) => institutes.list(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const i of items) {
              yield {
                name: i.name,
                kind: instituteKindChoices[i.kind],
                uscc: i.uscc,
                address: i.address,
                townCode: i.townName,
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'talents': {
        const q = filters as ExportQuery<'talents'>;
        const { total, pages } = await pagesOf((n) => parties.listTalents(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            const usccs = await usccsOf(
              db,
              items.flatMap((t) => (t.enterpriseId ? [t.enterpriseId] : [])),
            );
            for (const t of items) {
              yield {
                kind: talentKindChoices[t.kind],
                name: t.name,
                leaderName: t.leaderName,
                enterprise: t.enterpriseName,
                enterpriseUscc: t.enterpriseId ? (usccs.get(t.enterpriseId) ?? null) : null,
                programme: t.programme,
                year: t.year,
                field: t.field,
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'carriers': {
        const q = filters as ExportQuery<'carriers'>;
        const { total, pages } = await pagesOf((n) => parties.listCarriers(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const c of items) {
              yield {
                code: c.code,
                name: c.name,
                kind: carrierKindChoices[c.kind],
                operatorUscc: c.operatorUscc,
                townCode: c.townName,
                // numeric(12,2) as text: at most 12 digits, so the number is exact.
                areaM2: c.areaM2 === null ? null : Number(c.areaM2),
                tenants: c.tenants,
              };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
      case 'banks': {
        const q = filters as ExportQuery<'banks'>;
        const { total, pages } = await pagesOf((n) => parties.listBanks(ctx, { ...q, ...page(n) }));
        async function* rows(): AsyncGenerator<ExportRow> {
          for await (const items of pages) {
            for (const b of items) {
              yield { code: b.code, name: b.name, kind: bankKindChoices[b.kind], uscc: b.uscc };
            }
          }
        }
        return { kind, total, rows: rows() };
      }
    }
  }

  /**
   * Chooses the rows and records the export in the audit trail; the rows are read as they are written. Without a
   * signed-in actor (the command line) `reader` chooses the rows and the export is audited as the system's.
   */
  async function start(
    ctx: RequestContext,
    kind: ExportKind,
    filters: Record<string, unknown>,
    reader?: Actor,
  ): Promise<ExportPlan> {
    const actor = ctx.actor ?? reader;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const reveal = revealsAny(actor.role) || (kind === 'experts' && actor.role === 'expert');
    const chosen = await plan({ ...ctx, actor }, kind, filters, reveal);
    const personalData = reveal && (kind === 'enterprises' || kind === 'experts');
    await db.transaction((tx) =>
      writeAudit(
        tx,
        ctx,
        {
          action: 'registry.exported',
          entityType: 'export',
          changes: { kind, filters, rows: chosen.total, personalData },
        },
        clock(),
      ),
    );
    return chosen;
  }

  return { start };
}

/** Writes the rows under the import template's headers (and its hidden key row) and ends `out`; resolves with the row count. */
export async function writeExport(plan: ExportPlan, out: Writable): Promise<number> {
  const columns = sheetColumns[plan.kind];
  const workbook = streamingWorkbook(out);
  const sheet = workbook.addWorksheet(sheetKindNames[plan.kind].zh, {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  writeHeader(sheet, columns);
  // Amounts in yuan and areas in m² show their two decimals.
  const moneyColumns = columns.filter((c) => c.key.endsWith('Fen') || c.key === 'areaM2').map((c) => c.key);
  let count = 0;
  for await (const row of plan.rows) {
    const values = columns.map((c) => {
      const v = row[c.key] ?? null;
      return typeof v === 'string' ? clip(v) : v;
    });
    const written = sheet.addRow(values);
    for (const key of moneyColumns) written.getCell(key).numFmt = '0.00';
    written.commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
