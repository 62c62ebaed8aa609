/**
 * What linkage readers see: rows mapped to the contract (an enterprise does not see who handles its problems inside
 * the bureau), the enterprises each actor may read, and the one-field 400 the service answers bad input with.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import type { LinkItem, ProblemItem, VisitItem } from '@jinke/core/linkage/api.contract.ts';
import type { ProblemStatus } from '@jinke/core/linkage/status.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeFilter } from '../../platform/scope.ts';
import { linkedOnly } from './linkage.policy.ts';
import type * as repo from './linkage.repo.ts';

export type Scoped = RequestContext & { actor: Actor };

/** A 400 naming one field, in the caller's language, like request validation's. */
export function fieldError(locale: Locale, field: string, rule: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${field} ${zh}`,
      en: `The submitted data is invalid: ${field} ${en}`,
    },
    details: { fields: [{ field, message: locale === 'en-US' ? en : zh, rule }] },
  });
}

/** The enterprises `actor` may read: linked ones for a leader, own town or enterprise for scoped users. */
export function scopeOf(actor: Actor): repo.Scope {
  return (p) => {
    if (linkedOnly(actor))
      return `EXISTS (SELECT 1 FROM linkage_links sl WHERE sl.enterprise_id = e.id AND sl.leader_id = ${p.add(actor.userId)} AND sl.until IS NULL)`;
    const f = scopeFilter(actor, { town: 'e.town_code', enterprise: 'e.uscc' }, p.values.length);
    p.values.push(...f.params);
    return f.sql;
  };
}

export const toLink = (r: repo.LinkRow): LinkItem => ({
  id: r.id,
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  uscc: r.uscc,
  townCode: r.town_code,
  townName: r.town_name,
  since: r.since,
  until: r.until,
  lastVisitOn: r.last_visit_on,
  pending: r.pending,
  overdue: r.overdue,
});

export const toVisit = (r: repo.VisitRow): VisitItem => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  townCode: r.town_code,
  townName: r.town_name,
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  visitedOn: r.visited_on,
  summary: r.summary,
  participants: r.participants,
  problems: r.problems,
});

/** A problem as `actor` may read it: an enterprise does not see who handles it inside the bureau. */
export function toProblem(r: repo.ProblemRow, actor: Actor): ProblemItem {
  const internal = actor.role !== 'enterprise';
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    townCode: r.town_code,
    townName: r.town_name,
    visitId: r.visit_id,
    leaderName: internal ? r.leader_name : null,
    title: r.title,
    description: r.description,
    category: r.category as ProblemItem['category'],
    assigneeId: internal ? r.assignee_id : null,
    assigneeName: internal ? r.assignee_name : null,
    department: r.department,
    raisedOn: r.raised_on,
    dueOn: r.due_on,
    status: r.status as ProblemStatus,
    resolution: r.resolution,
    resolvedOn: r.resolved_on,
    overdue: r.overdue,
  };
}
