/**
 * Expert reviews end to end on the API: setting up a round, the panel followed through a decline, declarations,
 * drafts and submissions with exact totals, reveal after submit, the results (trimmed mean) and calibration with
 * exact values, the workflow's close-review guard, the frozen form and the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssignmentsResponse,
  CalibrationResponse,
  ProgressResponse,
  ResultsResponse,
  ReviewDetail,
  RoundResponse,
} from '@jinke/core/reviews/api.contract.ts';
import { reviewFacts } from './review-facts.ts';
import { COMMENT, FORM, insertDrawnDraw, reviewsFixture, type ReviewsFixture } from './reviews.fixtures.ts';

let f: ReviewsFixture;
beforeAll(async () => {
  f = await reviewsFixture();
}, 120_000);
afterAll(() => f?.t.close());

const A_SCORES: Record<string, Record<string, number>> = {
  // 8×3 + 7×2.5 + 9×2.5 + 4×4 = 80; 60; 92; 74.5; 68
  'EXP-0001': { innovation: 8, market: 7, foundation: 9, benefit: 4 },
  'EXP-0002': { innovation: 6, market: 6, foundation: 6, benefit: 3 },
  'EXP-0003': { innovation: 9, market: 9, foundation: 9, benefit: 5 },
  'EXP-0004': { innovation: 7, market: 8, foundation: 7, benefit: 4 },
  'EXP-0005': { innovation: 7, market: 7, foundation: 7, benefit: 3 },
};
const B_SCORES: Record<string, Record<string, number>> = {
  // 48; 51; 45; 54.5 (EXP-0003 declares a conflict)
  'EXP-0001': { innovation: 5, market: 5, foundation: 5, benefit: 2 },
  'EXP-0002': { innovation: 6, market: 5, foundation: 5, benefit: 2 },
  'EXP-0004': { innovation: 4, market: 5, foundation: 5, benefit: 2 },
  'EXP-0005': { innovation: 5, market: 6, foundation: 5, benefit: 3 },
};
const round = () => f.as('officer').get(`/api/reviews/calls/${f.call.id}/round`);
const url = (id: string, rest = '') => `/api/reviews/applications/${id}${rest}`;
const fields = (res: { json: () => unknown }) =>
  (res.json() as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map(
    (x) => x.field,
  );

describe('setting up the round', () => {
  it('is null before, and refuses a draw not yet drawn, bad weights and a window closing before it opens', async () => {
    expect((await round()).json()).toEqual({ round: null });
    const put = (body: object) =>
      f.as('officer').put(`/api/reviews/calls/${f.call.id}/round`, {
        drawId: f.drawId,
        form: FORM,
        opensOn: '2026-11-20',
        closesOn: '2026-12-05',
        ...body,
      });
    const frozen = await insertDrawnDraw(f, [], [], 'frozen');
    const notDrawn = await put({ drawId: frozen });
    expect(notDrawn.statusCode).toBe(400);
    expect(fields(notDrawn)).toEqual(['drawId']);
    expect(notDrawn.json().error.message).toContain('尚未完成');
    const weights = await put({ form: { ...FORM, categories: FORM.categories.slice(1) } });
    expect(weights.statusCode).toBe(400);
    expect(weights.body).toContain('form.categories');
    const order = await put({ closesOn: '2026-11-19' });
    expect(order.statusCode).toBe(400);
    expect(fields(order)).toEqual(['closesOn']);
  });

  it('stores the form and raises its version when the form changes', async () => {
    await f.setRound({ form: { ...FORM, aggregation: { method: 'mean' } } });
    expect((await round()).json<RoundResponse>().round).toMatchObject({ formVersion: 1, frozen: false });
    await f.setRound();
    const r = (await round()).json<RoundResponse>().round!;
    expect(r).toMatchObject({
      formVersion: 2,
      frozen: false,
      window: { opensOn: '2026-11-20', closesOn: '2026-12-05', state: 'open' },
      panel: ['EXP-0001', 'EXP-0002', 'EXP-0003', 'EXP-0004', 'EXP-0005'].map((code, i) => ({
        code,
        name: `专家${i + 1}号`,
      })),
    });
    const audit = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'reviews.round%' ORDER BY seq`,
    );
    expect(audit.rows.map((x) => x.action)).toEqual(['reviews.round_created', 'reviews.round_changed']);
  });
});

describe('the panel follows the draw', () => {
  it('assigns an alternate seated after a decline, and no longer the member who left', async () => {
    const swap = (from: string, to: string) =>
      f.t.db.query(
        `UPDATE draws SET current_panel = (SELECT jsonb_agg(CASE WHEN x = $2 THEN $3 ELSE x END)
           FROM jsonb_array_elements_text(current_panel) x) WHERE id = $1`,
        [f.drawId, from, to],
      );
    await swap('EXP-0005', 'EXP-0006');
    expect(
      (await f.expert('EXP-0006').get('/api/reviews/assignments')).json<AssignmentsResponse>().items,
    ).toHaveLength(2);
    expect((await f.expert('EXP-0005').get(url(f.apps.a.id))).statusCode).toBe(404);
    await swap('EXP-0006', 'EXP-0005');
    const items = (await f.expert('EXP-0005').get('/api/reviews/assignments')).json<AssignmentsResponse>()
      .items;
    expect(items.map((i) => [i.enterpriseName, i.status, i.window.state]).sort()).toEqual([
      ['乙纺织有限公司', 'pending', 'open'],
      ['甲鞋业有限公司', 'pending', 'open'],
    ]);
  });
});

describe('an expert reviews', () => {
  const e1 = () => f.expert('EXP-0001');
  const a = () => f.apps.a.id;

  it('declares before reading the application; a draft keeps gaps but not a score out of range', async () => {
    const before = (await e1().get(url(a()))).json<ReviewDetail>();
    expect(before).toMatchObject({ status: 'pending', application: null, others: null });
    expect((await e1().put(url(a(), '/review'), { scores: {} })).json().error.code).toBe(
      'REVIEW_NOT_DECLARED',
    );
    const declared = await e1().post(url(a(), '/declaration'), { conflict: false });
    expect(declared.json<ReviewDetail>()).toMatchObject({
      status: 'declared',
      application: { enterpriseName: '甲鞋业有限公司', projectTitle: '智能鞋底成型装备研发' },
    });
    expect((await e1().post(url(a(), '/declaration'), { conflict: false })).statusCode).toBe(409);
    const draft = await e1().put(url(a(), '/review'), { scores: { innovation: 8 }, comments: {} });
    expect(draft.json<ReviewDetail>()).toMatchObject({
      status: 'draft',
      scores: { innovation: 8 },
      total: null,
    });
    const bad = await e1().put(url(a(), '/review'), { scores: { innovation: 11, extra: 1 }, comments: {} });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['scores.innovation', 'scores.extra']);
  });

  it('submits only a complete review, naming each problem, and never twice', async () => {
    const incomplete = await e1().post(url(a(), '/submit'), {
      scores: { innovation: 8 },
      comments: { innovation: '好' },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(fields(incomplete)).toEqual(
      [
        'scores.innovation',
        'comments.innovation',
        'scores.market',
        'scores.foundation',
        'scores.benefit',
      ].filter((x) => x !== 'scores.innovation'),
    );
    expect(incomplete.json().error.details.fields[0].message).toBe('“技术创新性”的评审意见不少于 5 字');
    const ok = await e1().post(url(a(), '/submit'), { scores: A_SCORES['EXP-0001'], comments: COMMENT });
    expect(ok.json<ReviewDetail>()).toMatchObject({
      status: 'submitted',
      total: { exact: '80', decimal: '80' },
      others: [],
    });
    const again = await e1().post(url(a(), '/submit'), { scores: A_SCORES['EXP-0001'], comments: COMMENT });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REVIEW_SUBMITTED');
    expect((await e1().put(url(a(), '/review'), { scores: {} })).statusCode).toBe(409);
  });

  it('freezes the form once a review is in; the window may still move', async () => {
    const put = (form: object) =>
      f.as('officer').put(`/api/reviews/calls/${f.call.id}/round`, {
        drawId: f.drawId,
        form,
        opensOn: '2026-11-20',
        closesOn: '2026-12-05',
      });
    expect((await put({ ...FORM, aggregation: { method: 'median' } })).json().error.code).toBe(
      'REVIEW_FORM_FROZEN',
    );
    expect((await put(FORM)).statusCode).toBe(200);
    expect((await round()).json<RoundResponse>().round).toMatchObject({ frozen: true, formVersion: 2 });
  });

  it('voids the assignment of an expert who declares a conflict, which needs a reason', async () => {
    const e3 = f.expert('EXP-0003');
    const b = f.apps.b.id;
    const noReason = await e3.post(url(b, '/declaration'), { conflict: true });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['reason']);
    expect(await reviewFacts(f.t.db, b)).toEqual({ reviewsAssigned: 5, reviewsSubmitted: 0 });
    const declared = await e3.post(url(b, '/declaration'), {
      conflict: true,
      reason: '曾为该企业提供技术咨询',
    });
    expect(declared.json<ReviewDetail>()).toMatchObject({ status: 'conflicted', application: null });
    expect(await reviewFacts(f.t.db, b)).toEqual({ reviewsAssigned: 4, reviewsSubmitted: 0 });
    expect((await e3.put(url(b, '/review'), { scores: {} })).json().error.code).toBe('REVIEW_CONFLICTED');
    const progress = (
      await f.as('officer').get(`/api/reviews/calls/${f.call.id}/progress`)
    ).json<ProgressResponse>();
    expect(progress.items.find((i) => i.applicationId === b)).toMatchObject({
      assigned: 4,
      submitted: 0,
      conflicted: 1,
    });
    expect(progress.items.find((i) => i.applicationId === b)!.reviewers[2]).toEqual({
      code: 'EXP-0003',
      name: '专家3号',
      status: 'conflicted',
      reason: '曾为该企业提供技术咨询',
    });
  });

  it('keeps close_review closed until every assigned review is in', async () => {
    const blocked = await f
      .as('officer')
      .post(`/api/programmes/applications/${a()}/transitions`, { action: 'close_review' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('1/5');
    for (const code of ['EXP-0002', 'EXP-0003', 'EXP-0004', 'EXP-0005'])
      await f.review(code, a(), A_SCORES[code]!);
    for (const [code, scores] of Object.entries(B_SCORES)) await f.review(code, f.apps.b.id, scores);
    expect(await reviewFacts(f.t.db, f.apps.b.id)).toEqual({ reviewsAssigned: 4, reviewsSubmitted: 4 });
    expect(
      (
        await f
          .as('officer')
          .post(`/api/programmes/applications/${a()}/transitions`, { action: 'close_review' })
      ).statusCode,
    ).toBe(200);
  });

  it('shows the others to a submitted expert as 专家A, B, … in the order they submitted, without names', async () => {
    const detail = (await e1().get(url(a()))).json<ReviewDetail>();
    expect(detail.others!.map((o) => [o.label.zh, o.total.decimal])).toEqual([
      ['专家A', '60'],
      ['专家B', '92'],
      ['专家C', '74.5'],
      ['专家D', '68'],
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/EXP-000[2-5]|专家[2-5]号/);
  });
});

describe('results and calibration', () => {
  it('trims the highest and lowest and ranks: A (80, 60, 92, 74.5, 68) → 445/6; B (48, 51, 45, 54.5) → 99/2', async () => {
    const r = (await f.as('leader').get(`/api/reviews/calls/${f.call.id}/results`)).json<ResultsResponse>();
    expect(r.aggregation).toEqual({ method: 'trimmed-mean', trim: 1 });
    expect(r.items.map((i) => [i.enterpriseName, i.result, i.used, i.rank])).toEqual([
      ['甲鞋业有限公司', { exact: '445/6', decimal: '74.17' }, 3, 1],
      ['乙纺织有限公司', { exact: '99/2', decimal: '49.5' }, 2, 2],
    ]);
    expect(r.items[0]!.reviews.map((x) => [x.code, x.name, x.total.exact])).toEqual([
      ['EXP-0001', '专家1号', '80'],
      ['EXP-0002', '专家2号', '60'],
      ['EXP-0003', '专家3号', '92'],
      ['EXP-0004', '专家4号', '149/2'],
      ['EXP-0005', '专家5号', '68'],
    ]);
  });

  it('gives each expert the mean offset from the other members and its spread', async () => {
    const c = (
      await f.as('officer').get(`/api/reviews/calls/${f.call.id}/calibration`)
    ).json<CalibrationResponse>();
    // EXP-0001: A 80 − 294.5/4 = 51/8; B 48 − 150.5/3 = −13/6; mean 101/48, spread |51/8 + 13/6| / 2 ≈ 4.27.
    expect(c.items.find((i) => i.code === 'EXP-0001')).toEqual({
      code: 'EXP-0001',
      name: '专家1号',
      reviews: 2,
      meanOffset: { exact: '101/48', decimal: '2.1' },
      spread: '4.27',
      outlier: false,
    });
    // EXP-0003 reviewed A only: 92 − 282.5/4 = 171/8, too few reviews to be flagged.
    expect(c.items.find((i) => i.code === 'EXP-0003')).toMatchObject({
      reviews: 1,
      meanOffset: { exact: '171/8', decimal: '21.38' },
      outlier: false,
    });
  });
});

describe('a form that does not reveal', () => {
  it('shows a submitted expert no other scores', async () => {
    const call = await f.openCall({ title: '2026年度晋江市专利产业化项目' });
    const app = await f.start(call.id);
    await f.submit(app.id);
    await f.act('officer', app.id, 'accept');
    const res = await f.as('admin').put(`/api/reviews/calls/${call.id}/round`, {
      drawId: f.drawId,
      form: { ...FORM, revealAfterSubmit: false },
      opensOn: '2026-11-20',
      closesOn: '2026-12-05',
    });
    expect(res.statusCode, res.body).toBe(200);
    await f.review('EXP-0001', app.id, A_SCORES['EXP-0001']!);
    await f.review('EXP-0002', app.id, A_SCORES['EXP-0002']!);
    const detail = (await f.expert('EXP-0002').get(url(app.id))).json<ReviewDetail>();
    expect(detail).toMatchObject({ status: 'submitted', total: { exact: '60' }, others: null });
    const tasks = (await f.expert('EXP-0002').get('/api/reviews/assignments')).json<AssignmentsResponse>();
    expect(tasks.items).toHaveLength(3);
  });
});

describe('the window', () => {
  it('refuses reading and scoring outside it with 409 naming its dates; the list still shows it', async () => {
    await f.travel('2026-12-06T02:00:00Z');
    const res = await f.expert('EXP-0002').get(url(f.apps.a.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'REVIEW_WINDOW_CLOSED',
      message: '评审时间为 2026-11-20 至 2026-12-05，已结束',
    });
    const en = await f.expert('EXP-0002').get(url(f.apps.a.id), { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Reviews run from 2026-11-20 to 2026-12-05; the window has closed');
    const list = (await f.expert('EXP-0002').get('/api/reviews/assignments')).json<AssignmentsResponse>();
    expect(list.items.map((i) => i.window.state)).toEqual(['closed', 'closed', 'closed']);
    expect(
      (await f.expert('EXP-0002').post(url(f.apps.b.id, '/declaration'), { conflict: false })).statusCode,
    ).toBe(409);
  });
});
