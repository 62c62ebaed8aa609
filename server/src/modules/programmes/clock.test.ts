/**
 * The formal-check clock on fixed dates with the shipped 2026 holiday calendar (中秋 9-25…27, 国庆 10-1…7, working
 * Saturday 10-10): five working days from a Monday submission; the days of the return and of the resubmission
 * count, the whole days between do not; then it runs on to an exact due day and an overdue flag. The expert review
 * that follows runs its own clock of 15 working days from the day it is entered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationsResponse } from '@jinke/core/programmes/api.contract.ts';
import { programmesFixture, type ProgrammesFixture } from './programmes.fixtures.ts';

let f: ProgrammesFixture;
let id: string;
const at = (day: string) => f.travelTo(`${day}T02:00:00Z`);
const clockOn = async () =>
  (await f.as('officer').get(`/api/programmes/applications/${id}`)).json<ApplicationDetail>().clock;

beforeAll(async () => {
  f = await programmesFixture();
  await at('2026-09-28');
  const call = await f.openCall({ opensOn: '2026-09-01', closesOn: '2026-10-31' });
  id = (await f.start(call.id)).id;
}, 120_000);
afterAll(() => f?.t.close());

describe('formal-check clock with a return and a resubmission', () => {
  it('starts on submission (Monday 2026-09-28): due the working Saturday 2026-10-10', async () => {
    const submitted = await f.submit(id);
    expect(submitted.clock).toEqual({
      phase: 'formal_check',
      startedOn: '2026-09-28',
      limit: 5,
      elapsed: 0,
      remaining: 5,
      dueOn: '2026-10-10',
      suspended: false,
      overdue: false,
      suspensions: [],
    });
  });

  it('is suspended from the day after the return (Wednesday 2026-09-30, two days run)', async () => {
    await at('2026-09-30');
    expect(await clockOn()).toMatchObject({ elapsed: 2, remaining: 3, dueOn: '2026-10-10' });
    const returned = await f.act('officer', id, 'return', '请补充项目预算明细');
    expect(returned.clock).toEqual({
      phase: 'formal_check',
      startedOn: '2026-09-28',
      limit: 5,
      elapsed: 2,
      remaining: 3,
      dueOn: null,
      suspended: true,
      overdue: false,
      suspensions: [{ from: '2026-10-01', to: null }],
    });
    await at('2026-10-08');
    expect(await clockOn()).toMatchObject({ elapsed: 2, remaining: 3, dueOn: null, suspended: true });
  });

  it('resumes with the resubmission (Friday 2026-10-09, which counts): due Monday 2026-10-12', async () => {
    await at('2026-10-09');
    const resubmitted = await f.act('enterprise', id, 'resubmit');
    expect(resubmitted.clock).toEqual({
      phase: 'formal_check',
      startedOn: '2026-09-28',
      limit: 5,
      elapsed: 3,
      remaining: 2,
      dueOn: '2026-10-12',
      suspended: false,
      overdue: false,
      suspensions: [{ from: '2026-10-01', to: '2026-10-09' }],
    });
    await at('2026-10-12');
    expect(await clockOn()).toMatchObject({ elapsed: 5, remaining: 0, dueOn: '2026-10-12', overdue: false });
  });

  it('is overdue the next working day, in the formal-check queue too', async () => {
    await at('2026-10-13');
    const queue = (
      await f.as('officer').get('/api/programmes/applications?phase=formal_check')
    ).json<ApplicationsResponse>();
    expect(queue.items.map((i) => [i.id, i.clock?.elapsed, i.clock?.dueOn, i.clock?.overdue])).toEqual([
      [id, 6, '2026-10-12', true],
    ]);
  });
});

describe('expert-review clock', () => {
  it('counts 15 working days from the day the formal check passes (Tuesday 2026-10-13): due 2026-11-03', async () => {
    const accepted = await f.act('officer', id, 'accept');
    expect(accepted.phase).toBe('expert_review');
    expect(accepted.clock).toEqual({
      phase: 'expert_review',
      startedOn: '2026-10-13',
      limit: 15,
      elapsed: 0,
      remaining: 15,
      dueOn: '2026-11-03',
      suspended: false,
      overdue: false,
      suspensions: [],
    });
    await at('2026-11-03');
    expect(await clockOn()).toMatchObject({ elapsed: 15, remaining: 0, overdue: false });
    await at('2026-11-04');
    expect(await clockOn()).toMatchObject({ phase: 'expert_review', elapsed: 16, overdue: true });
  });
});
