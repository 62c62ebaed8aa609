/** Research institutes and innovation platforms: a searchable directory, kept by officers, read by towns and enterprises. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { normalizeIdText } from '@jinke/core/common/ids/id-result.ts';
import type {
  CreateInstituteInput,
  InstituteItem,
  InstituteListQuery,
  UpdateInstituteInput,
} from '@jinke/core/registry/institutes.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { segmentForIndex, segmentQuery } from '../../platform/search/index.ts';
import { invalidFields } from './enterprises.errors.ts';
import {
  type InstituteRow,
  type InstituteValues,
  findInstitute,
  findInstituteConflict,
  insertInstitute,
  listInstitutes,
  updateInstitute,
} from './institutes.repo.ts';
import { checkTown, iso, isUniqueViolation, notFoundIn } from './parties.shared.ts';

const instituteNotFound = () => notFoundIn({ zh: '机构不存在', en: 'No such institute' });

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

function toItem(row: InstituteRow): InstituteItem {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    uscc: row.uscc,
    address: row.address,
    townCode: row.town_code,
    townName: row.town_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const audited = (v: InstituteValues) => ({
  name: v.name,
  kind: v.kind,
  uscc: v.uscc,
  address: v.address,
  townCode: v.townCode,
});

export function institutesService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function list(ctx: RequestContext, query: InstituteListQuery) {
    const actor = actorOf(ctx);
    const q = query.q?.trim() ?? '';
    const tsQuery = q ? segmentQuery(q) : null;
    if (q && tsQuery === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const { rows, total } = await listInstitutes(db, actor, {
      tsQuery,
      kind: query.kind,
      town: query.town,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(ctx: RequestContext, id: string): Promise<InstituteItem> {
    const row = await findInstitute(db, actorOf(ctx), id);
    if (!row) throw instituteNotFound();
    return toItem(row);
  }

  /** Checks the town and uniqueness of a whole record; 409 names the institute that holds the name or code. */
  async function check(
    tx: Executor,
    ctx: RequestContext,
    v: InstituteValues,
    exceptId: string | null,
  ): Promise<void> {
    const townIssue = await checkTown(tx, v.townCode, 'townCode');
    if (townIssue) throw invalidFields(ctx.locale, [townIssue]);
    const conflict = await findInstituteConflict(tx, v.name, v.uscc, exceptId);
    if (conflict) {
      throw new AppError('INSTITUTE_DUPLICATE', {
        userMessage: {
          zh: `已登记同名或同一信用代码的机构“${conflict.name}”`,
          en: `An institute with this name or credit code is registered already: "${conflict.name}"`,
        },
        details: {
          existingId: conflict.id,
          name: conflict.name,
          field: conflict.name === v.name ? 'name' : 'uscc',
        },
      });
    }
  }

  function values(input: Omit<InstituteValues, 'searchTokens'>): InstituteValues {
    return {
      ...input,
      uscc: input.uscc ? normalizeIdText(input.uscc) : null,
      searchTokens: segmentForIndex(input.name, input.address),
    };
  }

  async function create(ctx: RequestContext, input: CreateInstituteInput): Promise<InstituteItem> {
    const now = clock();
    const v = values({
      name: input.name,
      kind: input.kind,
      uscc: input.uscc ?? null,
      address: input.address ?? null,
      townCode: input.townCode ?? null,
    });
    try {
      return await db.transaction(async (tx) => {
        await check(tx, ctx, v, null);
        const id = await insertInstitute(tx, v, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'institute.created', entityType: 'institute', entityId: id, changes: audited(v) },
          now,
        );
        return toItem((await findInstitute(tx, null, id))!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('INSTITUTE_DUPLICATE');
      throw error;
    }
  }

  async function update(
    ctx: RequestContext,
    id: string,
    input: UpdateInstituteInput,
  ): Promise<InstituteItem> {
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const row = await findInstitute(tx, null, id, true);
        if (!row) throw instituteNotFound();
        const before = values({
          name: row.name,
          kind: row.kind,
          uscc: row.uscc,
          address: row.address,
          townCode: row.town_code,
        });
        const v = values({
          name: input.name ?? row.name,
          kind: input.kind ?? row.kind,
          uscc: input.uscc !== undefined ? input.uscc : row.uscc,
          address: input.address !== undefined ? input.address : row.address,
          townCode: input.townCode !== undefined ? input.townCode : row.town_code,
        });
        const changes = diff(audited(before), audited(v));
        if (Object.keys(changes).length === 0) return toItem(row);
        await check(tx, ctx, v, id);
        await updateInstitute(tx, id, v, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'institute.updated', entityType: 'institute', entityId: id, changes },
          now,
        );
        return toItem((await findInstitute(tx, null, id))!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('INSTITUTE_DUPLICATE');
      throw error;
    }
  }

  return { list, get, create, update };
}
