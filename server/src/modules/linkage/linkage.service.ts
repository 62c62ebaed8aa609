/**
 * Leader–enterprise linkage (挂钩联系): officers link leaders to enterprises; leaders record visits (走访) and the
 * problems (诉求/问题) raised; officers assign and track them through the status rules of
 * core/src/linkage/status.ts; a problem is overdue (逾期) when its due date has passed in China time while it is
 * still pending. Reads are scoped (linkage.policy.ts); every change is audited in its transaction. Links: links.service.ts.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type {
  AssignRequest,
  ProblemFields,
  ProblemItem,
  ProblemBody,
  ProblemsResponse,
  StatusRequest,
  VisitBody,
  VisitResponse,
  VisitsResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { checkTransition, chinaDate, type ProblemStatus } from '@jinke/core/linkage/status.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { LEADER_STATUSES, linkedOnly } from './linkage.policy.ts';
import * as repo from './linkage.repo.ts';
import { enterpriseOf, userOfRole } from './linkage.lookups.ts';
import { fieldError, scopeOf, toProblem, toVisit, type Scoped } from './linkage.views.ts';

export function linkageService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  /** A leader may write only for enterprises linked to them now. */
  async function requireLinked(ex: Executor, actor: Actor, enterpriseId: string): Promise<void> {
    if (linkedOnly(actor) && !(await repo.activeLink(ex, actor.userId, enterpriseId)))
      throw new AppError('LINKAGE_NOT_LINKED');
  }

  async function problemOf(ex: Executor, actor: Actor, id: string): Promise<ProblemItem> {
    const { rows } = await repo.listProblems(ex, scopeOf(actor), { id }, today(), 1);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return toProblem(rows[0], actor);
  }

  /* ---------- visits ---------- */

  async function listVisits(
    ctx: Scoped,
    q: {
      leaderId?: string | undefined;
      town?: string | undefined;
      enterpriseId?: string | undefined;
      page: number;
      pageSize: number;
    },
  ): Promise<VisitsResponse> {
    const { rows, total } = await repo.listVisits(
      db,
      scopeOf(ctx.actor),
      q,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return { items: rows.map(toVisit), total, page: q.page, pageSize: q.pageSize };
  }

  /** Checks a new problem's assignee and due date; `prefix` names the field in the request body. */
  async function checkProblem(ex: Executor, ctx: Scoped, p: ProblemFields, raisedOn: string, prefix: string) {
    if (p.dueOn < raisedOn)
      throw fieldError(
        ctx.locale,
        `${prefix}dueOn`,
        'due_before_raised',
        `不能早于${prefix ? '走访日期' : '登记日期'}（${raisedOn}）`,
        `must not be before the ${prefix ? 'visit' : 'day it is raised'} (${raisedOn})`,
      );
    if (p.assigneeId) await userOfRole(ex, ctx, p.assigneeId, 'officer', `${prefix}assigneeId`);
  }

  async function addProblem(
    tx: Executor,
    ctx: Scoped,
    enterpriseId: string,
    visitId: string | null,
    raisedOn: string,
    p: ProblemFields,
    now: Date,
  ): Promise<string> {
    const id = await repo.insertProblem(tx, {
      enterpriseId,
      visitId,
      title: p.title,
      description: p.description ?? '',
      category: p.category,
      assigneeId: p.assigneeId ?? null,
      department: p.department || null,
      raisedOn,
      dueOn: p.dueOn,
      by: ctx.actor.userId,
      at: now,
    });
    await writeAudit(
      tx,
      ctx,
      {
        action: 'linkage.problem_raised',
        entityType: 'linkage_problem',
        entityId: id,
        changes: {
          enterprise: [null, enterpriseId],
          visit: [null, visitId],
          title: [null, p.title],
          category: [null, p.category],
          assignee: [null, p.assigneeId ?? null],
          department: [null, p.department || null],
          dueOn: [null, p.dueOn],
        },
      },
      now,
    );
    return id;
  }

  async function recordVisit(ctx: Scoped, body: VisitBody): Promise<VisitResponse> {
    const now = clock();
    if (body.visitedOn > today())
      throw fieldError(ctx.locale, 'visitedOn', 'future_visit', '不能晚于今天', 'must not be after today');
    return db.transaction(async (tx) => {
      const e = await enterpriseOf(tx, ctx, body.enterpriseId);
      let leaderId: string;
      if (linkedOnly(ctx.actor)) {
        if (body.leaderId && body.leaderId !== ctx.actor.userId) throw new AppError('FORBIDDEN');
        leaderId = ctx.actor.userId;
        await requireLinked(tx, ctx.actor, e.id);
      } else {
        if (!body.leaderId)
          throw fieldError(
            ctx.locale,
            'leaderId',
            'required',
            '为必填项：走访的局领导',
            'is required: the leader who visited',
          );
        leaderId = (await userOfRole(tx, ctx, body.leaderId, 'leader', 'leaderId')).id;
      }
      for (const [i, p] of body.problems.entries())
        await checkProblem(tx, ctx, p, body.visitedOn, `problems.${i}.`);
      const id = await repo.insertVisit(tx, {
        enterpriseId: e.id,
        leaderId,
        visitedOn: body.visitedOn,
        summary: body.summary,
        participants: body.participants,
        by: ctx.actor.userId,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'linkage.visit_recorded',
          entityType: 'linkage_visit',
          entityId: id,
          changes: {
            enterprise: [null, e.uscc],
            leader: [null, leaderId],
            visitedOn: [null, body.visitedOn],
            summary: [null, body.summary],
            problems: [null, body.problems.length],
          },
        },
        now,
      );
      for (const p of body.problems) await addProblem(tx, ctx, e.id, id, body.visitedOn, p, now);
      const unscoped: repo.Scope = () => 'TRUE';
      const visit = (await repo.listVisits(tx, unscoped, { id }, 1)).rows[0]!;
      const problems = (await repo.listProblems(tx, unscoped, { enterpriseId: e.id }, today(), null)).rows
        .filter((r) => r.visit_id === id)
        .map((r) => toProblem(r, ctx.actor));
      return { visit: toVisit(visit), problems };
    });
  }

  /* ---------- problems ---------- */

  async function listProblems(
    ctx: Scoped,
    q: {
      q?: string | undefined;
      status?: ProblemStatus | undefined;
      overdue?: boolean | undefined;
      leaderId?: string | undefined;
      town?: string | undefined;
      enterpriseId?: string | undefined;
      page: number;
      pageSize: number;
    },
  ): Promise<ProblemsResponse> {
    const { rows, total } = await repo.listProblems(
      db,
      scopeOf(ctx.actor),
      q,
      today(),
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return {
      today: today(),
      items: rows.map((r) => toProblem(r, ctx.actor)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Every overdue problem, bureau-wide (the command line's list). */
  async function overdueProblems(ctx: Scoped): Promise<ProblemsResponse> {
    const { rows, total } = await repo.listProblems(db, scopeOf(ctx.actor), { overdue: true }, today(), null);
    return {
      today: today(),
      items: rows.map((r) => toProblem(r, ctx.actor)),
      total,
      page: 1,
      pageSize: total,
    };
  }

  async function raiseProblem(ctx: Scoped, body: ProblemBody): Promise<ProblemItem> {
    const now = clock();
    const raisedOn = today();
    return db.transaction(async (tx) => {
      const e = await enterpriseOf(tx, ctx, body.enterpriseId);
      await requireLinked(tx, ctx.actor, e.id);
      await checkProblem(tx, ctx, body, raisedOn, '');
      const id = await addProblem(tx, ctx, e.id, null, raisedOn, body, now);
      return problemOf(tx, ctx.actor, id);
    });
  }

  async function assign(ctx: Scoped, id: string, body: AssignRequest): Promise<ProblemItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await repo.lockProblem(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      const after = {
        assigneeId: body.assigneeId === undefined ? before.assignee_id : body.assigneeId,
        department: body.department === undefined ? before.department : body.department || null,
        dueOn: body.dueOn ?? before.due_on,
      };
      if (after.assigneeId) await userOfRole(tx, ctx, after.assigneeId, 'officer', 'assigneeId');
      if (after.dueOn < before.raised_on)
        throw fieldError(
          ctx.locale,
          'dueOn',
          'due_before_raised',
          `不能早于提出日期（${before.raised_on}）`,
          `must not be before the day the problem was raised (${before.raised_on})`,
        );
      const changes = diff(
        { assignee: before.assignee_id, department: before.department, dueOn: before.due_on },
        { assignee: after.assigneeId, department: after.department, dueOn: after.dueOn },
      );
      if (Object.keys(changes).length > 0) {
        await repo.updateAssignment(tx, id, after, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'linkage.problem_assigned', entityType: 'linkage_problem', entityId: id, changes },
          now,
        );
      }
      return problemOf(tx, ctx.actor, id);
    });
  }

  async function changeStatus(ctx: Scoped, id: string, body: StatusRequest): Promise<ProblemItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await repo.lockProblem(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      if (linkedOnly(ctx.actor)) {
        if (!(await repo.activeLink(tx, ctx.actor.userId, before.enterprise_id)))
          throw new AppError('NOT_FOUND');
        if (!LEADER_STATUSES.includes(body.status)) throw new AppError('FORBIDDEN');
      }
      const from = before.status as ProblemStatus;
      const resolution = body.resolution?.trim() || before.resolution;
      const check = checkTransition(from, body.status, resolution);
      if (!check.ok) throw fieldError(ctx.locale, check.field, check.rule, check.zh, check.en);
      const after = {
        status: body.status,
        // A reopened problem keeps its last resolution as history until a new one replaces it.
        resolution: resolution ?? null,
        // Closing keeps the day it was resolved; a reopened problem has none.
        resolvedOn:
          body.status === 'resolved'
            ? today()
            : body.status === 'closed'
              ? (before.resolved_on ?? today())
              : null,
      };
      await repo.updateStatus(tx, id, after, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'linkage.problem_status_changed',
          entityType: 'linkage_problem',
          entityId: id,
          changes: diff(
            { status: from, resolution: before.resolution },
            { status: after.status, resolution: after.resolution },
          ),
        },
        now,
      );
      return problemOf(tx, ctx.actor, id);
    });
  }

  return {
    listVisits,
    recordVisit,
    listProblems,
    overdueProblems,
    raiseProblem,
    assign,
    changeStatus,
  };
}

export type { Scoped };
export type LinkageService = ReturnType<typeof linkageService>;
