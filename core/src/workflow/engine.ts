/**
 * The workflow engine, pure: checks a definition as a whole, lists what an actor may do in a phase (with the reason
 * each disabled action is disabled), and applies a transition. The server supplies the facts (deadlines, reviews,
 * notice window) and writes the result with its audit entry in one transaction.
 */
import {
  workflowDefinition,
  type GuardDefinition,
  type PhaseDefinition,
  type TransitionDefinition,
  type WorkflowActor,
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
} from './definition.contract.ts';

export interface Words {
  zh: string;
  en: string;
}

export type DefinitionCheck = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: Words[] };

/** Ids unique, transitions between known phases, every phase reachable, a terminal phase reachable from each. */
export function checkDefinition(raw: WorkflowDefinitionInput): DefinitionCheck {
  const parsed = workflowDefinition.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        zh: `${i.path.join('.')}：${i.message}`,
        en: `${i.path.join('.')}: ${i.message}`,
      })),
    };
  }
  const def = parsed.data;
  const problems: Words[] = [];
  const phases = new Map(def.phases.map((p) => [p.id, p]));
  if (phases.size !== def.phases.length)
    problems.push({ zh: '环节编号重复', en: 'a phase id is used twice' });
  if (new Set(def.transitions.map((t) => t.id)).size !== def.transitions.length) {
    problems.push({ zh: '流转编号重复', en: 'a transition id is used twice' });
  }
  if (!phases.has(def.initial)) {
    problems.push({
      zh: `起始环节 ${def.initial} 未定义`,
      en: `the initial phase ${def.initial} is not defined`,
    });
  }
  for (const t of def.transitions) {
    for (const end of [t.from, t.to]) {
      if (!phases.has(end)) {
        problems.push({
          zh: `流转 ${t.id} 指向未定义的环节 ${end}`,
          en: `transition ${t.id} names the unknown phase ${end}`,
        });
      }
    }
    if (phases.get(t.from)?.terminal) {
      problems.push({
        zh: `流转 ${t.id} 从终止环节 ${t.from} 出发`,
        en: `transition ${t.id} leaves the terminal phase ${t.from}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const reachable = walk(def.initial, (id) => def.transitions.filter((t) => t.from === id).map((t) => t.to));
  for (const phase of def.phases) {
    if (!reachable.has(phase.id)) {
      problems.push({ zh: `环节 ${phase.id} 无法到达`, en: `the phase ${phase.id} cannot be reached` });
    }
  }
  const terminals = def.phases.filter((p) => p.terminal).map((p) => p.id);
  if (terminals.length === 0) problems.push({ zh: '没有终止环节', en: 'no phase is terminal' });
  const leadsToEnd = new Set<string>();
  for (const end of terminals) {
    for (const id of walk(end, (to) => def.transitions.filter((t) => t.to === to).map((t) => t.from)))
      leadsToEnd.add(id);
  }
  for (const phase of def.phases) {
    if (terminals.length > 0 && reachable.has(phase.id) && !leadsToEnd.has(phase.id)) {
      problems.push({
        zh: `环节 ${phase.id} 无法走到终止环节`,
        en: `the phase ${phase.id} never leads to a terminal phase`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: def };
}

function walk(start: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const id of next(queue.shift()!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/** What the server knows about a case when an actor looks at it. */
export interface CaseFacts {
  today: string;
  /** Deadline id → last day (inclusive) the call allows. */
  deadlines: Record<string, string>;
  reviewsAssigned: number;
  reviewsSubmitted: number;
  /** The last day of the public notice, and the objections still open. */
  noticeEndsOn?: string;
  openObjections?: number;
  formValid?: boolean;
}

function guardFailure(guard: GuardDefinition, facts: CaseFacts): Words | null {
  switch (guard.kind) {
    case 'before-deadline': {
      const deadline = facts.deadlines[guard.deadline];
      if (deadline === undefined)
        return { zh: `未设置截止日期 ${guard.deadline}`, en: `the deadline ${guard.deadline} is not set` };
      return facts.today <= deadline
        ? null
        : { zh: `已过截止日期 ${deadline}`, en: `the deadline ${deadline} has passed` };
    }
    case 'after-deadline': {
      const deadline = facts.deadlines[guard.deadline];
      if (deadline === undefined)
        return { zh: `未设置截止日期 ${guard.deadline}`, en: `the deadline ${guard.deadline} is not set` };
      return facts.today > deadline
        ? null
        : { zh: `截止日期 ${deadline} 之后方可办理`, en: `possible only after the deadline ${deadline}` };
    }
    case 'all-reviews-in':
      return facts.reviewsAssigned > 0 && facts.reviewsSubmitted >= facts.reviewsAssigned
        ? null
        : {
            zh: `评审意见尚未全部提交（${facts.reviewsSubmitted}/${facts.reviewsAssigned}）`,
            en: `not all reviews are in (${facts.reviewsSubmitted}/${facts.reviewsAssigned})`,
          };
    case 'quorum':
      return facts.reviewsSubmitted >= guard.min
        ? null
        : {
            zh: `已提交评审 ${facts.reviewsSubmitted} 份，不足 ${guard.min} 份`,
            en: `${facts.reviewsSubmitted} reviews submitted, ${guard.min} needed`,
          };
    case 'notice-closed':
      if (facts.noticeEndsOn === undefined)
        return { zh: '尚未公示', en: 'the notice has not been published' };
      if (facts.today <= facts.noticeEndsOn) {
        return {
          zh: `公示期至 ${facts.noticeEndsOn} 结束`,
          en: `the notice runs until ${facts.noticeEndsOn}`,
        };
      }
      return (facts.openObjections ?? 0) > 0
        ? {
            zh: `尚有 ${facts.openObjections} 件异议未处理`,
            en: `${facts.openObjections} objections are still open`,
          }
        : null;
    case 'form-valid':
      return facts.formValid === false
        ? { zh: '申报表填写不完整或有误', en: 'the form is incomplete or invalid' }
        : null;
  }
}

export interface AvailableAction {
  transition: TransitionDefinition;
  enabled: boolean;
  /** Why it cannot be taken now, guard by guard. */
  blockedBy: Words[];
}

export function phaseOf(def: WorkflowDefinition, id: string): PhaseDefinition {
  const phase = def.phases.find((p) => p.id === id);
  if (!phase) throw new RangeError(`unknown phase ${id} in ${def.key} v${def.version}`);
  return phase;
}

/** The transitions out of `phase` the actor may take, with disabled ones kept and explained. */
export function availableActions(
  def: WorkflowDefinition,
  phase: string,
  actors: readonly WorkflowActor[],
  facts: CaseFacts,
): AvailableAction[] {
  phaseOf(def, phase);
  return def.transitions
    .filter((t) => t.from === phase && t.by.some((who) => actors.includes(who)))
    .map((transition) => {
      const blockedBy = transition.guards
        .map((g) => guardFailure(g, facts))
        .filter((w): w is Words => w !== null);
      return { transition, enabled: blockedBy.length === 0, blockedBy };
    });
}

export type TransitionOutcome =
  | { ok: true; from: string; to: string; transition: TransitionDefinition; reason: string | null }
  | {
      ok: false;
      code: 'NOT_ALLOWED' | 'BLOCKED' | 'REASON_REQUIRED' | 'UNKNOWN_TRANSITION';
      problems: Words[];
    };

/** Checks and applies one transition; the caller persists `to` and the reason with its audit entry. */
export function applyTransition(
  def: WorkflowDefinition,
  phase: string,
  transitionId: string,
  actors: readonly WorkflowActor[],
  facts: CaseFacts,
  reason?: string,
): TransitionOutcome {
  const transition = def.transitions.find((t) => t.id === transitionId && t.from === phase);
  if (!transition) {
    return {
      ok: false,
      code: 'UNKNOWN_TRANSITION',
      problems: [
        { zh: `当前环节不能执行“${transitionId}”`, en: `"${transitionId}" is not possible in this phase` },
      ],
    };
  }
  const action = availableActions(def, phase, actors, facts).find((a) => a.transition.id === transitionId);
  if (!action) {
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      problems: [{ zh: '您无权执行此操作', en: 'you may not take this action' }],
    };
  }
  if (!action.enabled) return { ok: false, code: 'BLOCKED', problems: action.blockedBy };
  const given = reason?.trim() ?? '';
  if (transition.requiresReason && given.length < 2) {
    return { ok: false, code: 'REASON_REQUIRED', problems: [{ zh: '请填写理由', en: 'give a reason' }] };
  }
  return { ok: true, from: phase, to: transition.to, transition, reason: given || null };
}
