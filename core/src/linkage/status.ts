/**
 * The life of a problem an enterprise raises with its linked leader (诉求/问题), as pure rules shared by the server
 * and the browser (docs/adr/0009-leader-enterprise-linkage.md):
 *
 *   open ──▶ in_progress ──▶ resolved ──▶ closed
 *     └──────────────────────▶ ▲  │          │
 *   reopened ◀────────────────────┘◀─────────┘
 *     └──▶ in_progress / resolved
 *
 * Moving to `resolved` needs a resolution text; `closed` needs one too (the one given when resolved is kept).
 * A problem is overdue (逾期) when its due date is before today in China time and it is neither resolved nor closed.
 */
export const problemStatuses = ['open', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export const statusLabels: Record<ProblemStatus, { zh: string; en: string }> = {
  open: { zh: '待办理', en: 'Open' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
};

/** The statuses each status may move to. */
export const TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['in_progress', 'resolved'],
};

/** Statuses in which a problem still needs work: only these can be overdue. */
export const PENDING_STATUSES: readonly ProblemStatus[] = ['open', 'in_progress', 'reopened'];

export type TransitionCheck =
  { ok: true } | { ok: false; field: 'status' | 'resolution'; rule: string; zh: string; en: string };

const list = (to: readonly ProblemStatus[], lang: 'zh' | 'en') =>
  lang === 'zh'
    ? to.map((s) => `${statusLabels[s].zh}（${s}）`).join('、')
    : to.map((s) => `${statusLabels[s].en} (${s})`).join(', ');

/**
 * Whether a problem in `from` may move to `to`. `resolution` is the text given with the change, or the one the
 * problem already holds; blank counts as none.
 */
export function checkTransition(
  from: ProblemStatus,
  to: ProblemStatus,
  resolution: string | null | undefined,
): TransitionCheck {
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(to)) {
    return {
      ok: false,
      field: 'status',
      rule: 'illegal_transition',
      zh: `不能从“${statusLabels[from].zh}”改为“${statusLabels[to].zh}”，只能改为：${list(allowed, 'zh')}`,
      en: `cannot move from ${from} to ${to}; allowed: ${list(allowed, 'en')}`,
    };
  }
  if ((to === 'resolved' || to === 'closed') && !(resolution ?? '').trim()) {
    return {
      ok: false,
      field: 'resolution',
      rule: 'resolution_required',
      zh: `为必填项：${to === 'closed' ? '办结' : '解决'}问题须填写办理结果`,
      en: `is required to mark the problem ${to}`,
    };
  }
  return { ok: true };
}

/** The calendar day (`YYYY-MM-DD`) of `now` in China (UTC+8, no daylight saving). */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** True when the problem is still pending and its due date lies before `today` (`YYYY-MM-DD`, China time). */
export function isOverdue(status: ProblemStatus, dueOn: string, today: string): boolean {
  return PENDING_STATUSES.includes(status) && dueOn < today;
}
