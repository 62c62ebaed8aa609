/**
 * The patent registry: registering and correcting patents with their applicants, and the scoped lists officers,
 * towns and enterprises read. Every change is audited in its transaction; titles are re-segmented for search.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { validatePatentApplicationNumber } from '@jinke/core/common/ids/patent-number.ts';
import { patentValidAt } from '@jinke/core/registry/patent-status.ts';
import type {
  CreatePatentInput,
  EnterprisePatentsQuery,
  PatentItem,
  PatentListQuery,
  UpdatePatentInput,
} from '@jinke/core/registry/patents.contract.ts';
import { patentRecordIssues } from '@jinke/core/registry/patents.contract.ts';
import type { RegistryIssue } from '@jinke/core/registry/parties.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { segmentForIndex, segmentQuery } from '../../platform/search/index.ts';
import { invalidFields } from './enterprises.errors.ts';
import {
  chinaToday,
  checkTown,
  ipcPrefixPattern,
  iso,
  isUniqueViolation,
  notFoundIn,
} from './parties.shared.ts';
import { checkIpc, patentDuplicate, resolveApplicants } from './patents.checks.ts';
import { type SearchCounting, searchCounting } from './search-count.repo.ts';
import {
  type ApplicantRow,
  type ApplicantValues,
  type PatentRow,
  type PatentValues,
  findEnterpriseScope,
  findPatent,
  findPatentByNumber,
  insertPatent,
  listApplicants,
  listPatents,
  lockPatent,
  replaceApplicants,
  updatePatent,
} from './patents.repo.ts';

const patentNotFound = () => notFoundIn({ zh: '专利不存在', en: 'No such patent' });

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

type ApplicantInput = CreatePatentInput['applicants'][number];

export function patentsService(deps: {
  db: Database;
  clock: () => Date;
  search?: SearchCounting | undefined;
}) {
  const { db, clock } = deps;
  const search = deps.search ?? searchCounting.patents;

  function toItem(row: PatentRow, applicants: ApplicantRow[], today: string): PatentItem {
    return {
      id: row.id,
      applicationNo: row.application_no,
      type: row.type,
      title: row.title,
      ipcCodes: row.ipc_codes ?? [],
      filedOn: row.filed_on,
      publishedOn: row.published_on,
      grantedOn: row.granted_on,
      legalStatus: row.legal_status,
      lapsedOn: row.lapsed_on,
      expiresOn: row.expires_on,
      validToday: patentValidAt(
        {
          type: row.type,
          filedOn: row.filed_on,
          grantedOn: row.granted_on,
          lapsedOn: row.lapsed_on,
          legalStatus: row.legal_status,
        },
        today,
      ),
      applicantKind: row.applicant_kind,
      townCode: row.town_code,
      townName: row.town_name,
      applicants: applicants
        .filter((a) => a.patent_id === row.id)
        .map((a) => ({
          position: a.position,
          holderType: a.holder_type,
          holderId: a.holder_id,
          name: a.name,
        })),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  async function itemsOf(ex: Executor, rows: PatentRow[]): Promise<PatentItem[]> {
    const applicants = await listApplicants(
      ex,
      rows.map((r) => r.id),
    );
    const today = chinaToday(clock());
    return rows.map((r) => toItem(r, applicants, today));
  }

  async function list(ctx: RequestContext, query: PatentListQuery) {
    const actor = actorOf(ctx);
    const q = query.q?.trim() ?? '';
    const tsQuery = q ? segmentQuery(q) : null;
    const number = q ? validatePatentApplicationNumber(q) : null;
    const applicationNo = number?.ok ? number.normalized : null;
    const empty = { items: [], total: 0, totalCapped: false, page: query.page, pageSize: query.pageSize };
    // Nothing searchable in the query (punctuation only): an empty result, not every patent.
    if (q && tsQuery === null && applicationNo === null) return empty;
    const { rows, total, totalCapped } = await listPatents(db, actor, {
      tsQuery,
      applicationNo,
      type: query.type,
      status: query.status,
      validAt: query.validAt,
      filedYear: query.filedYear,
      grantedYear: query.grantedYear,
      town: query.town,
      enterpriseId: query.enterpriseId,
      ipcPattern: ipcPrefixPattern(query.ipc),
      sort: query.sort ?? (q ? 'relevance' : '-filedOn'),
      search,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: await itemsOf(db, rows), total, totalCapped, page: query.page, pageSize: query.pageSize };
  }

  async function get(ctx: RequestContext, id: string): Promise<PatentItem> {
    const row = await findPatent(db, actorOf(ctx), id);
    if (!row) throw patentNotFound();
    return (await itemsOf(db, [row]))[0]!;
  }

  /** The patents of one enterprise, for users who may see that enterprise (its own users, its town, the bureau). */
  async function listForEnterprise(ctx: RequestContext, enterpriseId: string, query: EnterprisePatentsQuery) {
    const actor = actorOf(ctx);
    const enterprise = await findEnterpriseScope(db, enterpriseId);
    const visible =
      enterprise &&
      (actor.scopeType === null ||
        (actor.scopeType === 'enterprise' && enterprise.uscc === actor.scopeId) ||
        (actor.scopeType === 'town' && enterprise.town_code === actor.scopeId));
    if (!visible) throw notFoundIn({ zh: '企业不存在', en: 'No such enterprise' });
    const { rows, total, totalCapped } = await listPatents(db, actor, {
      tsQuery: null,
      applicationNo: null,
      validAt: query.validAt,
      enterpriseId,
      ipcPattern: null,
      sort: '-filedOn',
      search,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: await itemsOf(db, rows), total, totalCapped, page: query.page, pageSize: query.pageSize };
  }

  const audited = (row: PatentRow, applicants: ApplicantValues[] | ApplicantRow[]) => ({
    applicationNo: row.application_no,
    type: row.type,
    title: row.title,
    ipcCodes: row.ipc_codes ?? [],
    filedOn: row.filed_on,
    publishedOn: row.published_on,
    grantedOn: row.granted_on,
    legalStatus: row.legal_status,
    lapsedOn: row.lapsed_on,
    townCode: row.town_code,
    applicants: applicants.map((a) => ({
      holderType: 'holderType' in a ? a.holderType : a.holder_type,
      holderId: 'holderId' in a ? a.holderId : a.holder_id,
      name: a.name,
    })),
  });

  /** Validates a whole record (merged for an update) and returns the values to store. */
  async function prepare(
    tx: Executor,
    ctx: RequestContext,
    d: Omit<PatentValues, 'type' | 'legalStatus' | 'expiresOn' | 'searchTokens' | 'townCode'> & {
      type?: PatentValues['type'] | undefined;
      legalStatus?: PatentValues['legalStatus'] | undefined;
      townCode?: string | null | undefined;
      applicants: ApplicantInput[] | null;
    },
    excludeId: string | null,
  ): Promise<{ values: PatentValues; applicants: ApplicantValues[] | null }> {
    // A number registered already is the answer that matters most: the officer opens that record instead.
    const number = validatePatentApplicationNumber(d.applicationNo);
    if (number.ok) {
      const existing = await findPatentByNumber(tx, number.normalized);
      if (existing && existing.id !== excludeId) throw patentDuplicate(existing, number.normalized);
    }
    const issues: RegistryIssue[] = [];
    const checked = patentRecordIssues(d, chinaToday(clock()));
    if (!checked.ok) issues.push(...checked.issues);
    const ipcCodes = checkIpc(d.ipcCodes, issues);
    const resolved = d.applicants ? await resolveApplicants(tx, d.applicants, issues) : null;
    const townIssue = await checkTown(tx, d.townCode, 'townCode');
    if (townIssue) issues.push(townIssue);
    if (issues.length > 0 || !checked.ok) throw invalidFields(ctx.locale, issues);
    const first = resolved?.applicants[0];
    return {
      applicants: resolved?.applicants ?? null,
      values: {
        applicationNo: checked.value.applicationNo,
        type: checked.value.type,
        title: d.title,
        ipcCodes,
        filedOn: d.filedOn,
        publishedOn: d.publishedOn,
        grantedOn: d.grantedOn,
        legalStatus: checked.value.legalStatus,
        lapsedOn: d.lapsedOn,
        expiresOn: checked.value.expiresOn,
        // Without new applicants (an update of other fields) the stored kind stays.
        applicantKind: first
          ? first.holderType === 'person'
            ? 'individual'
            : first.holderType
          : d.applicantKind,
        townCode: d.townCode !== undefined ? d.townCode : (resolved?.town ?? null),
        searchTokens: segmentForIndex(d.title),
      },
    };
  }

  async function create(ctx: RequestContext, input: CreatePatentInput): Promise<PatentItem> {
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const { values, applicants } = await prepare(
          tx,
          ctx,
          {
            ...input,
            applicantKind: 'enterprise',
            publishedOn: input.publishedOn ?? null,
            grantedOn: input.grantedOn ?? null,
            lapsedOn: input.lapsedOn ?? null,
            applicants: input.applicants,
          },
          null,
        );
        const id = await insertPatent(tx, values, now);
        await replaceApplicants(tx, id, applicants ?? []);
        const row = (await lockPatent(tx, id))!;
        await writeAudit(
          tx,
          ctx,
          {
            action: 'patent.created',
            entityType: 'patent',
            entityId: id,
            changes: audited(row, applicants ?? []),
          },
          now,
        );
        return (await itemsOf(tx, [row]))[0]!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('PATENT_DUPLICATE');
      throw error;
    }
  }

  async function update(ctx: RequestContext, id: string, input: UpdatePatentInput): Promise<PatentItem> {
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const row = await lockPatent(tx, id);
        if (!row) throw patentNotFound();
        const before = audited(row, await listApplicants(tx, [id]));
        const { values, applicants } = await prepare(
          tx,
          ctx,
          {
            applicationNo: input.applicationNo ?? row.application_no,
            type: input.type,
            title: input.title ?? row.title,
            applicantKind: row.applicant_kind,
            ipcCodes: input.ipcCodes ?? row.ipc_codes ?? [],
            filedOn: input.filedOn ?? row.filed_on,
            publishedOn: input.publishedOn !== undefined ? input.publishedOn : row.published_on,
            grantedOn: input.grantedOn !== undefined ? input.grantedOn : row.granted_on,
            lapsedOn: input.lapsedOn !== undefined ? input.lapsedOn : row.lapsed_on,
            // The stored status stays unless the grant or lapse date changes without a new one; then the dates decide.
            legalStatus:
              input.legalStatus ??
              (input.grantedOn !== undefined || input.lapsedOn !== undefined ? undefined : row.legal_status),
            townCode:
              input.townCode !== undefined ? input.townCode : input.applicants ? undefined : row.town_code,
            applicants: input.applicants ?? null,
          },
          id,
        );
        await updatePatent(tx, id, values, now);
        if (applicants) await replaceApplicants(tx, id, applicants);
        const updated = (await lockPatent(tx, id))!;
        const after = audited(updated, await listApplicants(tx, [id]));
        const changes = diff(before, after);
        if (Object.keys(changes).length > 0) {
          await writeAudit(
            tx,
            ctx,
            { action: 'patent.updated', entityType: 'patent', entityId: id, changes },
            now,
          );
        }
        return (await itemsOf(tx, [updated]))[0]!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('PATENT_DUPLICATE');
      throw error;
    }
  }

  return { list, get, listForEnterprise, create, update };
}
