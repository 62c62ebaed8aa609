import { describe, expect, it } from 'vitest';
import { TRANSITIONS, checkTransition, chinaDate, isOverdue, problemStatuses } from './status.ts';

describe('problem status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = problemStatuses.flatMap((from) =>
      problemStatuses.filter((to) => checkTransition(from, to, 'done').ok).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'open→in_progress',
      'open→resolved',
      'in_progress→resolved',
      'resolved→closed',
      'resolved→reopened',
      'closed→reopened',
      'reopened→in_progress',
      'reopened→resolved',
    ]);
    expect(Object.keys(TRANSITIONS)).toEqual([...problemStatuses]);
  });

  it('names the allowed statuses when refusing a move', () => {
    expect(checkTransition('open', 'closed', 'done')).toEqual({
      ok: false,
      field: 'status',
      rule: 'illegal_transition',
      zh: '不能从“待办理”改为“已办结”，只能改为：办理中（in_progress）、已解决（resolved）',
      en: 'cannot move from open to closed; allowed: In progress (in_progress), Resolved (resolved)',
    });
    expect(checkTransition('closed', 'closed', 'done')).toMatchObject({
      ok: false,
      en: 'cannot move from closed to closed; allowed: Reopened (reopened)',
    });
  });

  it('requires a resolution to resolve or close, blank counting as none', () => {
    expect(checkTransition('in_progress', 'resolved', '  ')).toEqual({
      ok: false,
      field: 'resolution',
      rule: 'resolution_required',
      zh: '为必填项：解决问题须填写办理结果',
      en: 'is required to mark the problem resolved',
    });
    expect(checkTransition('resolved', 'closed', null)).toMatchObject({
      ok: false,
      field: 'resolution',
      en: 'is required to mark the problem closed',
    });
    expect(checkTransition('resolved', 'reopened', null)).toEqual({ ok: true });
    expect(checkTransition('open', 'in_progress', undefined)).toEqual({ ok: true });
  });
});

describe('overdue', () => {
  it('reads the day in China time', () => {
    expect(chinaDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });

  it('flags pending problems due before today only', () => {
    expect(isOverdue('open', '2026-11-25', '2026-11-26')).toBe(true);
    expect(isOverdue('reopened', '2026-11-25', '2026-11-26')).toBe(true);
    expect(isOverdue('in_progress', '2026-11-26', '2026-11-26')).toBe(false);
    expect(isOverdue('resolved', '2026-01-01', '2026-11-26')).toBe(false);
    expect(isOverdue('closed', '2026-01-01', '2026-11-26')).toBe(false);
  });
});
