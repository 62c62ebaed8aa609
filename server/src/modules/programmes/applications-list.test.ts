/**
 * The application list as a queue: filtered (call, phase, words of the enterprise / code / project title, with
 * `%` and `_` matching themselves), paged with the total of all matches, and limited to what the reader may see —
 * the applicant its own, bureau staff every phase their role views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationsResponse, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import { FIRM_B, programmesFixture, type ProgrammesFixture } from './programmes.fixtures.ts';

let f: ProgrammesFixture;
let call: CallDetail;
let a: string;
let b: string;

beforeAll(async () => {
  f = await programmesFixture();
  call = await f.openCall();
  a = (await f.start(call.id, 'enterprise')).id;
  b = (await f.start(call.id, 'other')).id;
  await f.submit(b, 'other');
}, 120_000);
afterAll(() => f?.t.close());

const list = async (who: 'officer' | 'leader' | 'enterprise' | 'other', query: string) => {
  const res = await f.as(who).get(`/api/programmes/applications?callId=${call.id}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationsResponse>();
};

describe('application list', () => {
  it('pages in queue order (submitted first) with the total of all matches', async () => {
    const first = await list('officer', 'pageSize=1&page=1');
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(first.items.map((i) => i.id)).toEqual([b]);
    const second = await list('officer', 'pageSize=1&page=2');
    expect(second.items.map((i) => i.id)).toEqual([a]);
    const beyond = await list('officer', 'pageSize=1&page=3');
    expect(beyond).toMatchObject({ items: [], total: 2 });
  });

  it('finds by a word of the name, the credit code or the project title; % is literal', async () => {
    expect((await list('officer', `q=${encodeURIComponent('乙纺织')}`)).items.map((i) => i.id)).toEqual([b]);
    expect((await list('officer', `q=${FIRM_B}`)).items.map((i) => i.id)).toEqual([b]);
    expect((await list('officer', `q=${encodeURIComponent('智能鞋底')}`)).items.map((i) => i.id)).toEqual([b]);
    expect((await list('officer', `q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('gives the applicant its own with public names; the phase filter still applies', async () => {
    const own = await list('other', '');
    expect(own.items.map((i) => [i.id, i.phaseName.zh])).toEqual([[b, '已提交，形式审查中']]);
    expect((await list('enterprise', 'phase=formal_check')).total).toBe(0);
    const staff = await list('leader', 'phase=formal_check');
    expect(staff.items.map((i) => [i.id, i.phaseName.zh])).toEqual([[b, '形式审查']]);
  });

  it('refuses a page size over 200 and a page of 0, naming the field', async () => {
    for (const [query, field] of [
      ['pageSize=201', 'pageSize'],
      ['page=0', 'page'],
    ]) {
      const res = await f.as('officer').get(`/api/programmes/applications?${query}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
  });
});
