/**
 * Programme calls (申报通知): officers draft a call, open it — which freezes the latest definition version of its
 * kind, so a later definition never changes a call under way — and close it. Enterprises see the open calls whose
 * window has started. Every change is audited in its transaction.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type {
  CallDetail,
  CallItem,
  CallRequest,
  CallsResponse,
  DefinitionItem,
} from '@jinke/core/programmes/api.contract.ts';
import { callRequest } from '@jinke/core/programmes/api.contract.ts';
import { formSchema } from '@jinke/core/programmes/form-schema.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './calls.repo.ts';
import { installDefinitions } from './definitions.install.ts';
import { ownOnly } from './programmes.policy.ts';
import { fieldError, toCall, type Scoped } from './views.ts';

type CallBody = ReturnType<typeof callRequest.parse>;

export function callsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  /** The enterprise id of an enterprise user (null for bureau users). */
  async function enterpriseOf(ex: Executor, ctx: Scoped): Promise<string | null> {
    if (!ownOnly(ctx.actor)) return null;
    const id = ctx.actor.scopeId ? await repo.enterpriseIdByUscc(ex, ctx.actor.scopeId) : null;
    if (!id) throw new AppError('PROGRAMME_NO_ENTERPRISE');
    return id;
  }

  async function callOf(ex: Executor, ctx: Scoped, id: string): Promise<CallDetail> {
    const enterpriseId = await enterpriseOf(ex, ctx);
    const filter: repo.CallFilter = enterpriseId === null ? { id } : { id, enterpriseId, today: today() };
    const row = (await repo.listCalls(ex, filter))[0];
    if (!row) throw new AppError('NOT_FOUND');
    return toCall(row);
  }

  async function definitions(): Promise<{ items: DefinitionItem[] }> {
    await installDefinitions(db);
    const rows = await repo.latestDefinitions(db);
    return {
      items: rows.map((r) => ({
        kind: r.kind as DefinitionItem['kind'],
        version: Number(r.version),
        name: { zh: r.name_zh, en: r.name_en },
        formSchema: formSchema.parse(r.form_schema),
      })),
    };
  }

  async function list(
    ctx: Scoped,
    q: { status?: string | undefined; year?: number | undefined },
  ): Promise<CallsResponse> {
    const enterpriseId = await enterpriseOf(db, ctx);
    const filter: repo.CallFilter = enterpriseId === null ? q : { ...q, enterpriseId, today: today() };
    const rows = await repo.listCalls(db, filter);
    return {
      items: rows.map((r): CallItem => {
        const { formSchema: _omit, ...item } = toCall(r);
        return item;
      }),
    };
  }

  const get = (ctx: Scoped, id: string) => callOf(db, ctx, id);

  function fieldsOf(body: CallBody): repo.CallFields {
    return { ...body, description: body.description };
  }

  async function create(ctx: Scoped, body: CallBody): Promise<CallDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const id = await repo.insertCall(tx, fieldsOf(body), ctx.actor.userId, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.call_created',
          entityType: 'programme_call',
          entityId: id,
          changes: {
            kind: [null, body.kind],
            title: [null, body.title],
            year: [null, body.year],
            opensOn: [null, body.opensOn],
            closesOn: [null, body.closesOn],
            budgetFen: [null, body.budgetFen],
          },
        },
        now,
      );
      return callOf(tx, ctx, id);
    });
  }

  /** Locks a call and checks it is still a draft. */
  async function draftCall(tx: Executor, ctx: Scoped, id: string): Promise<CallDetail> {
    const locked = await repo.lockCall(tx, id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.status !== 'draft') throw new AppError('PROGRAMME_CALL_NOT_DRAFT');
    return callOf(tx, ctx, id);
  }

  async function update(ctx: Scoped, id: string, body: CallBody): Promise<CallDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await draftCall(tx, ctx, id);
      await repo.updateCall(tx, id, fieldsOf(body));
      const pick = (c: CallRequest) => ({
        kind: c.kind,
        title: c.title,
        year: c.year,
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        budgetFen: c.budgetFen,
        description: c.description,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.call_updated',
          entityType: 'programme_call',
          entityId: id,
          changes: diff(pick(before), pick(body)),
        },
        now,
      );
      return callOf(tx, ctx, id);
    });
  }

  async function remove(ctx: Scoped, id: string): Promise<void> {
    const now = clock();
    await db.transaction(async (tx) => {
      const before = await draftCall(tx, ctx, id);
      await repo.deleteCall(tx, id);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.call_deleted',
          entityType: 'programme_call',
          entityId: id,
          changes: { title: [before.title, null] },
        },
        now,
      );
    });
  }

  /** Opens a draft call: the latest definition version of its kind is frozen into it. */
  async function open(ctx: Scoped, id: string): Promise<CallDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await draftCall(tx, ctx, id);
      if (before.closesOn < today())
        throw fieldError(
          ctx.locale,
          'closesOn',
          'past',
          `截止日期 ${before.closesOn} 已过，请先修改`,
          `the closing day ${before.closesOn} has passed; change it first`,
        );
      await installDefinitions(tx);
      const definition = (await repo.latestDefinitions(tx)).find((d) => d.kind === before.kind);
      if (!definition) throw new AppError('NOT_FOUND');
      await repo.openCall(tx, id, definition.id, ctx.actor.userId, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.call_opened',
          entityType: 'programme_call',
          entityId: id,
          changes: {
            status: ['draft', 'open'],
            definition: [null, `${definition.kind} v${definition.version}`],
          },
        },
        now,
      );
      return callOf(tx, ctx, id);
    });
  }

  async function close(ctx: Scoped, id: string): Promise<CallDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const locked = await repo.lockCall(tx, id);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.status !== 'open') throw new AppError('PROGRAMME_CALL_NOT_OPEN');
      await repo.closeCall(tx, id);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.call_closed',
          entityType: 'programme_call',
          entityId: id,
          changes: { status: ['open', 'closed'] },
        },
        now,
      );
      return callOf(tx, ctx, id);
    });
  }

  return { definitions, list, get, create, update, remove, open, close };
}
