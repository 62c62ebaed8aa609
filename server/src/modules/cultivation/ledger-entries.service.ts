/**
 * Ledger entries: one amount of one category in one month of one project. An entry must fall within its project's
 * months and be of a category the project's kind allows (entrusted amounts in entrusted projects only, in-house
 * costs never there); amounts are never negative. Every change is audited with its before and after values.
 */
import {
  type CreateEntryInput,
  type EntryItem,
  type EntryList,
  type EntryListQuery,
  type ProjectItem,
  type UpdateEntryInput,
  entryProblems,
  parseLedgerMonth,
} from '@jinke/core/cultivation/ledger.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { ledgerActor, ledgerEnterpriseOf } from './ledger-access.ts';
import type { LedgerDeps } from './ledger-projects.service.ts';
import { entryNotFound, ledgerInvalid, projectNotFound } from './ledger.errors.ts';
import { ledgerScope } from './ledger.policy.ts';
import {
  type EntryWrite,
  deleteEntry,
  findEntry,
  findProject,
  insertEntries,
  listEntries,
  updateEntry,
} from './ledger.repo.ts';

/** The audited form of an entry: what a reader of the log needs to recognise it. */
function audited(e: EntryWrite, projectCode: string): Record<string, unknown> {
  return {
    projectCode,
    month: `${e.year}-${String(e.month).padStart(2, '0')}`,
    category: e.category,
    amountFen: e.amountFen,
    nonTaxable: e.nonTaxable,
    voucherNo: e.voucherNo,
    note: e.note,
  };
}

function writeOf(e: EntryItem): EntryWrite {
  const m = parseLedgerMonth(e.month);
  return {
    projectId: e.projectId,
    year: m?.year ?? 0,
    month: m?.month ?? 0,
    category: e.category,
    amountFen: e.amountFen,
    nonTaxable: e.nonTaxable,
    voucherNo: e.voucherNo,
    note: e.note,
  };
}

export function ledgerEntriesService({ db, clock }: LedgerDeps) {
  async function projectOf(ex: Executor, ctx: RequestContext, id: string, lock = false): Promise<ProjectItem> {
    const p = await findProject(ex, id, ledgerScope(ledgerActor(ctx)), lock);
    if (!p) throw projectNotFound();
    return p;
  }

  function check(ctx: RequestContext, project: ProjectItem, e: EntryWrite): void {
    const problems = entryProblems(project, e);
    if (problems.length > 0) throw ledgerInvalid(ctx.locale, problems);
  }

  async function list(ctx: RequestContext, q: EntryListQuery): Promise<EntryList> {
    const e = await ledgerEnterpriseOf(db, ctx, q.enterpriseId);
    const month = q.month ? parseLedgerMonth(q.month) : null;
    if (month && q.year !== undefined && month.year !== q.year)
      return { items: [], total: 0, sumFen: 0, page: q.page, pageSize: q.pageSize };
    const found = await listEntries(
      db,
      { enterpriseId: e.id, projectId: q.projectId, year: month?.year ?? q.year, month: month?.month, category: q.category },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return { ...found, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: RequestContext, id: string): Promise<EntryItem> {
    const e = await findEntry(db, id, ledgerScope(ledgerActor(ctx)));
    if (!e) throw entryNotFound();
    const { enterpriseId: _enterpriseId, ...item } = e;
    return item;
  }

  async function create(ctx: RequestContext, input: CreateEntryInput): Promise<EntryItem> {
    const actor = ledgerActor(ctx);
    const now = clock();
    const m = parseLedgerMonth(input.month);
    if (!m) throw ledgerInvalid(ctx.locale, [{ field: 'month', zh: '应为年月 YYYY-MM', en: 'must be YYYY-MM', rule: 'month_format' }]);
    const write: EntryWrite = { ...input, year: m.year, month: m.month };
    return db.transaction(async (tx) => {
      const project = await projectOf(tx, ctx, input.projectId, true);
      check(ctx, project, write);
      const [id] = await insertEntries(tx, project.enterpriseId, [write], actor.userId, now);
      if (!id) throw new Error('the entry was not inserted');
      await writeAudit(
        tx,
        ctx,
        {
          action: 'ledger.entry_created',
          entityType: 'rd_ledger_entry',
          entityId: id,
          changes: { enterpriseId: project.enterpriseId, ...diff({}, audited(write, project.code)) },
        },
        now,
      );
      const created = await findEntry(tx, id, ledgerScope(actor));
      if (!created) throw entryNotFound();
      const { enterpriseId: _enterpriseId, ...item } = created;
      return item;
    });
  }

  async function update(ctx: RequestContext, id: string, patch: UpdateEntryInput): Promise<EntryItem> {
    const actor = ledgerActor(ctx);
    const now = clock();
    return db.transaction(async (tx) => {
      const current = await findEntry(tx, id, ledgerScope(actor), true);
      if (!current) throw entryNotFound();
      const before = writeOf(current);
      const m = patch.month ? parseLedgerMonth(patch.month) : null;
      const given = Object.fromEntries(
        Object.entries({ ...patch, month: undefined }).filter(([, v]) => v !== undefined),
      ) as Partial<EntryWrite>;
      const next: EntryWrite = { ...before, ...given, ...(m ? { year: m.year, month: m.month } : {}) };
      const project = await projectOf(tx, ctx, next.projectId, true);
      check(ctx, project, next);
      const changes = diff(audited(before, current.projectCode), audited(next, project.code));
      if (Object.keys(changes).length === 0) {
        const { enterpriseId: _enterpriseId, ...item } = current;
        return item;
      }
      await updateEntry(tx, id, next, now);
      await writeAudit(
        tx,
        ctx,
        { action: 'ledger.entry_updated', entityType: 'rd_ledger_entry', entityId: id, changes },
        now,
      );
      const updated = await findEntry(tx, id, ledgerScope(actor));
      if (!updated) throw entryNotFound();
      const { enterpriseId: _enterpriseId, ...item } = updated;
      return item;
    });
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    const actor = ledgerActor(ctx);
    const now = clock();
    await db.transaction(async (tx) => {
      const current = await findEntry(tx, id, ledgerScope(actor), true);
      if (!current) throw entryNotFound();
      await deleteEntry(tx, id);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'ledger.entry_deleted',
          entityType: 'rd_ledger_entry',
          entityId: id,
          changes: { enterpriseId: current.enterpriseId, ...diff(audited(writeOf(current), current.projectCode), {}) },
        },
        now,
      );
    });
  }

  return { list, get, create, update, remove };
}
