import { describe, expect, it } from 'vitest';
import { APPLICANT, type WorkflowDefinitionInput } from './definition.contract.ts';
import { applyTransition, availableActions, checkDefinition, type CaseFacts } from './engine.ts';
import { standardCall } from './standard-call.ts';

const checked = checkDefinition(standardCall);
if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
const def = checked.definition;

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  today: '2026-11-26',
  deadlines: { submission: '2026-12-15' },
  reviewsAssigned: 5,
  reviewsSubmitted: 0,
  formValid: true,
  ...over,
});

describe('checkDefinition', () => {
  it('accepts the standard call', () => {
    expect(checked.ok).toBe(true);
  });

  it('names the unknown phase a transition points to', () => {
    const broken: WorkflowDefinitionInput = {
      ...standardCall,
      transitions: [
        ...standardCall.transitions,
        { id: 'oops', from: 'draft', to: 'limbo', label: { zh: '错', en: 'x' }, by: ['officer'] },
      ],
    };
    expect(checkDefinition(broken)).toEqual({
      ok: false,
      problems: [
        { zh: '流转 oops 指向未定义的环节 limbo', en: 'transition oops names the unknown phase limbo' },
      ],
    });
  });

  it('finds a phase nobody can reach and a phase that never ends', () => {
    const broken: WorkflowDefinitionInput = {
      key: 'tiny',
      version: 1,
      name: { zh: '小', en: 'tiny' },
      initial: 'a',
      phases: [
        { id: 'a', staffName: { zh: 'a', en: 'a' }, publicName: { zh: 'a', en: 'a' } },
        { id: 'b', staffName: { zh: 'b', en: 'b' }, publicName: { zh: 'b', en: 'b' } },
        { id: 'loop', staffName: { zh: 'l', en: 'l' }, publicName: { zh: 'l', en: 'l' } },
        { id: 'end', staffName: { zh: 'e', en: 'e' }, publicName: { zh: 'e', en: 'e' }, terminal: true },
      ],
      transitions: [
        { id: 'go', from: 'a', to: 'end', label: { zh: 'g', en: 'g' }, by: ['officer'] },
        { id: 'spin', from: 'a', to: 'loop', label: { zh: 's', en: 's' }, by: ['officer'] },
      ],
    };
    expect(checkDefinition(broken)).toEqual({
      ok: false,
      problems: [
        { zh: '环节 b 无法到达', en: 'the phase b cannot be reached' },
        { zh: '环节 loop 无法走到终止环节', en: 'the phase loop never leads to a terminal phase' },
      ],
    });
  });

  it('reports schema errors by path, e.g. a transition nobody may take', () => {
    const broken = { ...standardCall, transitions: [{ ...standardCall.transitions[0]!, by: [] }] };
    const result = checkDefinition(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.en).toMatch(/^transitions\.0\.by: /);
  });
});

describe('availableActions', () => {
  it('offers the officer accept, return and reject in the formal check, and the applicant nothing', () => {
    expect(availableActions(def, 'formal_check', ['officer'], facts()).map((a) => a.transition.id)).toEqual([
      'return',
      'accept',
      'reject_formal',
    ]);
    expect(availableActions(def, 'formal_check', [APPLICANT], facts())).toEqual([]);
  });

  it('keeps close-review visible but disabled, saying how many reviews are in, until all are', () => {
    const [action] = availableActions(def, 'expert_review', ['officer'], facts({ reviewsSubmitted: 3 }));
    expect(action).toMatchObject({ enabled: false, blockedBy: [{ zh: '评审意见尚未全部提交（3/5）' }] });
    expect(
      availableActions(def, 'expert_review', ['officer'], facts({ reviewsSubmitted: 5 }))[0]!.enabled,
    ).toBe(true);
  });
});

describe('applyTransition', () => {
  it('refuses a submission after the deadline, naming the deadline', () => {
    expect(applyTransition(def, 'draft', 'submit', [APPLICANT], facts({ today: '2026-12-16' }))).toEqual({
      ok: false,
      code: 'BLOCKED',
      problems: [{ zh: '已过截止日期 2026-12-15', en: 'the deadline 2026-12-15 has passed' }],
    });
    expect(
      applyTransition(def, 'draft', 'submit', [APPLICANT], facts({ today: '2026-12-15' })),
    ).toMatchObject({ ok: true, to: 'formal_check' });
  });

  it('requires a reason to return an application, and passes the reason on', () => {
    expect(applyTransition(def, 'formal_check', 'return', ['officer'], facts())).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(
      applyTransition(def, 'formal_check', 'return', ['officer'], facts(), ' 缺少营业执照 '),
    ).toMatchObject({
      ok: true,
      to: 'correction',
      reason: '缺少营业执照',
    });
  });

  it('says who may not act and what is not possible in the phase', () => {
    expect(applyTransition(def, 'formal_check', 'accept', [APPLICANT], facts())).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(applyTransition(def, 'draft', 'accept', ['officer'], facts())).toMatchObject({
      ok: false,
      code: 'UNKNOWN_TRANSITION',
    });
  });

  it('holds the confirmation until the notice has closed with no objection open', () => {
    expect(
      applyTransition(def, 'notice', 'confirm', ['officer'], facts({ noticeEndsOn: '2026-11-30' })),
    ).toMatchObject({
      ok: false,
      problems: [{ zh: '公示期至 2026-11-30 结束' }],
    });
    expect(
      applyTransition(
        def,
        'notice',
        'confirm',
        ['officer'],
        facts({ noticeEndsOn: '2026-11-20', openObjections: 1 }),
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ zh: '尚有 1 件异议未处理' }],
    });
    expect(
      applyTransition(
        def,
        'notice',
        'confirm',
        ['officer'],
        facts({ noticeEndsOn: '2026-11-20', openObjections: 0 }),
      ),
    ).toMatchObject({ ok: true, to: 'approved' });
  });

  it('walks a call from draft to closed, returned once on the way', () => {
    const path: [string, (typeof APPLICANT | 'officer')[], string?][] = [
      ['submit', [APPLICANT]],
      ['return', ['officer'], '请补充近三年财务报表'],
      ['resubmit', [APPLICANT]],
      ['accept', ['officer']],
      ['close_review', ['officer']],
      ['propose', ['officer']],
      ['confirm', ['officer']],
      ['sign', ['officer']],
      ['disburse', ['officer']],
      ['midterm', [APPLICANT]],
      ['apply_acceptance', [APPLICANT]],
      ['close', ['officer']],
    ];
    let phase = def.initial;
    const done = facts({ reviewsSubmitted: 5, noticeEndsOn: '2026-11-20', openObjections: 0 });
    for (const [id, actors, reason] of path) {
      const outcome = applyTransition(def, phase, id, actors, done, reason);
      if (!outcome.ok) throw new Error(`${id}: ${outcome.problems.map((p) => p.en).join()}`);
      phase = outcome.to;
    }
    expect(phase).toBe('closed');
  });
});
