/**
 * R&D projects of an enterprise. A project's code is unique within its enterprise. A change is checked as a whole
 * (dates in order, contractor facts for entrusted R&D) and against the entries already recorded: none may fall
 * outside the new dates or be of a category the new kind does not allow. Deleting a project deletes its entries;
 * the audit entry records how many and their sum.
 */
import {
  type CreateProjectInput,
  type LedgerProblem,
  type ProjectItem,
  type ProjectList,
  type ProjectValues,
  type UpdateProjectInput,
  isEntrustedKind,
  projectProblems,
} from '@jinke/core/cultivation/ledger.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { ledgerActor, ledgerEnterpriseOf } from './ledger-access.ts';
import { ledgerInvalid, projectNotFound } from './ledger.errors.ts';
import { ledgerScope } from './ledger.policy.ts';
import {
  deleteProject,
  entriesAgainst,
  findProject,
  insertProject,
  listProjects,
  updateProject,
} from './ledger.repo.ts';

export interface LedgerDeps {
  db: Database;
  clock: () => Date;
}

export function valuesOf(p: ProjectItem): ProjectValues {
  return {
    code: p.code,
    name: p.name,
    kind: p.kind,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    capitalised: p.capitalised,
    payeeType: p.payeeType,
    relatedParty: p.relatedParty,
    contractRegistered: p.contractRegistered,
    contractor: p.contractor,
    note: p.note,
  };
}

/** Month index (year × 12 + month − 1) of an ISO date. */
export const monthIndexOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Problems the stored entries of `projectId` would have under `next` (years in `exceptYears` left out). */
export async function storedEntryProblems(
  ex: Executor,
  projectId: string,
  next: ProjectValues,
  exceptYears: readonly number[] = [],
): Promise<LedgerProblem[]> {
  const found = await entriesAgainst(
    ex,
    projectId,
    monthIndexOf(next.startsOn),
    next.endsOn === null ? null : monthIndexOf(next.endsOn),
    isEntrustedKind(next.kind),
    exceptYears,
  );
  const out: LedgerProblem[] = [];
  if (found.outside > 0)
    out.push({
      field: next.endsOn === null ? 'startsOn' : 'endsOn',
      zh: `项目已有 ${found.outside} 条费用明细不在新的起止期间内，请先调整这些明细`,
      en: `${found.outside} recorded entries of the project fall outside the new dates; move them first`,
      rule: 'entries_outside',
    });
  if (found.wrongCategory > 0)
    out.push({
      field: 'kind',
      zh: `项目已有 ${found.wrongCategory} 条费用明细的类别与新的研发形式不符`,
      en: `${found.wrongCategory} recorded entries have a category the new kind does not allow`,
      rule: 'entries_wrong_category',
    });
  return out;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export const codeTaken = (code: string) =>
  new AppError('LEDGER_PROJECT_CODE_TAKEN', {
    userMessage: { zh: `本企业已有编号为 ${code} 的研发项目`, en: `The enterprise already has a project coded ${code}` },
    details: { field: 'code' },
  });

export function ledgerProjectsService({ db, clock }: LedgerDeps) {
  async function list(ctx: RequestContext, enterpriseId: string | undefined): Promise<ProjectList> {
    const e = await ledgerEnterpriseOf(db, ctx, enterpriseId);
    return { enterprise: { id: e.id, uscc: e.uscc, name: e.name }, items: await listProjects(db, e.id) };
  }

  async function get(ctx: RequestContext, id: string): Promise<ProjectItem> {
    const p = await findProject(db, id, ledgerScope(ledgerActor(ctx)));
    if (!p) throw projectNotFound();
    return p;
  }

  async function create(ctx: RequestContext, input: CreateProjectInput): Promise<ProjectItem> {
    const actor = ledgerActor(ctx);
    const { enterpriseId, ...values } = input;
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const e = await ledgerEnterpriseOf(tx, ctx, enterpriseId);
        const id = await insertProject(tx, e.id, values, actor.userId, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'ledger.project_created', entityType: 'rd_project', entityId: id, changes: { enterpriseId: e.id, ...diff({}, { ...values }) } },
          now,
        );
        const created = await findProject(tx, id, ledgerScope(actor));
        if (!created) throw projectNotFound();
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(values.code);
      throw error;
    }
  }

  async function update(ctx: RequestContext, id: string, patch: UpdateProjectInput): Promise<ProjectItem> {
    const actor = ledgerActor(ctx);
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const current = await findProject(tx, id, ledgerScope(actor), true);
        if (!current) throw projectNotFound();
        const before = valuesOf(current);
        const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const next: ProjectValues = { ...before, ...given };
        const problems = projectProblems(next);
        if (problems.length === 0) problems.push(...(await storedEntryProblems(tx, id, next)));
        if (problems.length > 0) throw ledgerInvalid(ctx.locale, problems);
        const changes = diff({ ...before }, { ...next });
        if (Object.keys(changes).length === 0) return current;
        await updateProject(tx, id, next, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'ledger.project_updated', entityType: 'rd_project', entityId: id, changes },
          now,
        );
        const updated = await findProject(tx, id, ledgerScope(actor));
        if (!updated) throw projectNotFound();
        return updated;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(patch.code ?? '');
      throw error;
    }
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    const actor = ledgerActor(ctx);
    const now = clock();
    await db.transaction(async (tx) => {
      const current = await findProject(tx, id, ledgerScope(actor), true);
      if (!current) throw projectNotFound();
      await deleteProject(tx, id);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'ledger.project_deleted',
          entityType: 'rd_project',
          entityId: id,
          changes: {
            enterpriseId: current.enterpriseId,
            ...diff({ ...valuesOf(current) }, {}),
            entries: [current.entryCount, 0],
            totalFen: [current.totalFen, 0],
          },
        },
        now,
      );
    });
  }

  return { list, get, create, update, remove };
}
