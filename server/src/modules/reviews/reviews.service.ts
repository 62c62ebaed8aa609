/**
 * Expert reviews (专家评审): an officer sets up a call's round (a drawn panel, the review form, the window); every
 * current panel member reviews every application of the call that has reached expert review — after declaring no
 * conflict (a declared conflict voids the assignment), scores saved as a draft and then submitted, final. Bureau
 * readers see progress, results and calibration. Each change is one transaction with its audit entry.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { checkReview, weightedTotal } from '@jinke/core/reviews/aggregate.ts';
import type {
  AssignmentsResponse,
  CalibrationResponse,
  DeclarationRequest,
  ProgressResponse,
  ResultsResponse,
  ReviewBody,
  ReviewDetail,
  RoundRequest,
  RoundResponse,
} from '@jinke/core/reviews/api.contract.ts';
import { reviewForm, type ReviewForm } from '@jinke/core/reviews/review.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { fieldError, formError, type Scoped } from './reviews.fields.ts';
import * as repo from './reviews.repo.ts';
import {
  anonymousLabel,
  calibration,
  counted,
  requireOpen,
  results,
  totalOf,
  windowOf,
} from './reviews.views.ts';

const noCall = () => notFound({ zh: '申报通知不存在', en: 'No such call' });
const noAssignment = () =>
  notFound({ zh: '没有分配给您的该申报书', en: 'No such application assigned to you' });

export function reviewsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  async function roundOf(ex: Executor, callId: string) {
    const round = await repo.roundOfCall(ex, callId);
    if (!round) {
      if (!(await repo.callExists(ex, callId))) throw noCall();
      throw new AppError('REVIEW_NO_ROUND');
    }
    return { round, form: reviewForm.parse(round.form), panel: new Set(round.current_panel) };
  }

  async function getRound(callId: string, ex: Executor = db): Promise<RoundResponse> {
    const round = await repo.roundOfCall(ex, callId);
    if (!round) {
      if (!(await repo.callExists(ex, callId))) throw noCall();
      return { round: null };
    }
    const names = await repo.expertNames(ex, round.current_panel);
    return {
      round: {
        id: round.id,
        callId: round.call_id,
        callTitle: round.call_title,
        drawId: round.draw_id,
        drawTitle: round.draw_title,
        form: reviewForm.parse(round.form),
        formVersion: round.form_version,
        frozen: round.frozen_at !== null,
        window: windowOf(round.opens_on, round.closes_on, today()),
        panel: round.current_panel.map((code) => ({ code, name: names.get(code) ?? null })),
        updatedAt: round.updated_at,
      },
    };
  }

  /** Sets up the round or changes it; the form and the draw are fixed once a review is submitted. */
  async function setRound(ctx: Scoped, callId: string, body: RoundRequest): Promise<RoundResponse> {
    const now = clock();
    const form: ReviewForm = reviewForm.parse(body.form);
    return db.transaction(async (tx) => {
      if (!(await repo.callExists(tx, callId))) throw noCall();
      const draw = await repo.drawState(tx, body.drawId);
      if (!draw)
        throw fieldError(ctx.locale, 'drawId', 'not_found', '抽取记录不存在', 'there is no such draw');
      if (draw.status !== 'drawn')
        throw fieldError(
          ctx.locale,
          'drawId',
          'not_drawn',
          '该次抽取尚未完成（未输入随机种子）',
          'the draw has not been drawn yet (no seed entered)',
        );
      const fields = { drawId: body.drawId, form, opensOn: body.opensOn, closesOn: body.closesOn };
      const existing = await repo.roundOfCall(tx, callId, true);
      if (!existing) {
        const id = await repo.insertRound(tx, callId, fields, ctx.actor.userId, now);
        await writeAudit(
          tx,
          ctx,
          {
            action: 'reviews.round_created',
            entityType: 'review_round',
            entityId: id,
            changes: {
              call: [null, callId],
              draw: [null, body.drawId],
              form: [null, form],
              window: [null, `${body.opensOn}..${body.closesOn}`],
            },
          },
          now,
        );
        return getRound(callId, tx);
      }
      const formChanged = JSON.stringify(reviewForm.parse(existing.form)) !== JSON.stringify(form);
      if (existing.frozen_at !== null && (formChanged || existing.draw_id !== body.drawId))
        throw new AppError('REVIEW_FORM_FROZEN');
      const version = existing.form_version + (formChanged ? 1 : 0);
      await repo.updateRound(tx, existing.id, fields, version, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'reviews.round_changed',
          entityType: 'review_round',
          entityId: existing.id,
          changes: {
            draw: [existing.draw_id, body.drawId],
            formVersion: [existing.form_version, version],
            ...(formChanged ? { form: [existing.form, form] } : {}),
            window: [`${existing.opens_on}..${existing.closes_on}`, `${body.opensOn}..${body.closesOn}`],
          },
        },
        now,
      );
      return getRound(callId, tx);
    });
  }

  async function progress(callId: string): Promise<ProgressResponse> {
    const { round, panel } = await roundOf(db, callId);
    const [applications, rows] = await Promise.all([
      repo.reviewedApplications(db, callId),
      repo.reviewsOfRound(db, round.id),
    ]);
    const names = await repo.expertNames(db, [...panel]);
    const byKey = new Map(rows.map((r) => [`${r.application_id}|${r.expert_code}`, r]));
    return {
      window: windowOf(round.opens_on, round.closes_on, today()),
      items: applications.map((a) => {
        const reviewers = [...panel].map((code) => {
          const r = byKey.get(`${a.id}|${code}`);
          return {
            code,
            name: names.get(code) ?? null,
            status: r?.status ?? ('pending' as const),
            reason: r?.conflict_reason ?? null,
          };
        });
        const conflicted = reviewers.filter((r) => r.status === 'conflicted').length;
        return {
          applicationId: a.id,
          enterpriseName: a.enterprise_name,
          projectTitle: a.project_title,
          phase: a.phase,
          assigned: panel.size - conflicted,
          submitted: reviewers.filter((r) => r.status === 'submitted').length,
          conflicted,
          reviewers,
        };
      }),
    };
  }

  async function resultsOf(callId: string): Promise<ResultsResponse> {
    const { round, form, panel } = await roundOf(db, callId);
    const [applications, rows, names] = await Promise.all([
      repo.reviewedApplications(db, callId),
      repo.reviewsOfRound(db, round.id, 'submitted'),
      repo.expertNames(db, [...panel]),
    ]);
    return results(form, applications, counted(rows, panel), names);
  }

  async function calibrationOf(callId: string): Promise<CalibrationResponse> {
    const { round, form, panel } = await roundOf(db, callId);
    const [rows, names] = await Promise.all([
      repo.reviewsOfRound(db, round.id, 'submitted'),
      repo.expertNames(db, [...panel]),
    ]);
    return calibration(form, counted(rows, panel), names);
  }

  const codeOf = (ctx: Scoped): string => {
    if (!ctx.actor.scopeId) throw noAssignment();
    return ctx.actor.scopeId;
  };

  async function assignments(ctx: Scoped): Promise<AssignmentsResponse> {
    const rows = await repo.assignmentsOf(db, codeOf(ctx));
    const day = today();
    return {
      items: rows.map((r) => ({
        applicationId: r.application_id,
        callId: r.call_id,
        callTitle: r.call_title,
        enterpriseName: r.enterprise_name,
        projectTitle: r.project_title,
        window: windowOf(r.opens_on, r.closes_on, day),
        status: r.status ?? 'pending',
      })),
    };
  }

  /** The assignment, only while its window is open; 404 when the expert is not on the panel for it. */
  async function openAssignment(ex: Executor, ctx: Scoped, applicationId: string, lock = false) {
    const row = await repo.assignment(ex, codeOf(ctx), applicationId, lock);
    if (!row) throw noAssignment();
    const window = windowOf(row.opens_on, row.closes_on, today());
    requireOpen(window);
    return { row, window, form: reviewForm.parse(row.form) };
  }

  async function detail(ex: Executor, ctx: Scoped, applicationId: string): Promise<ReviewDetail> {
    const code = codeOf(ctx);
    const { row, window, form } = await openAssignment(ex, ctx, applicationId);
    const mine = await repo.myReview(ex, applicationId, code);
    const status = mine?.status ?? 'pending';
    const reading = status !== 'pending' && status !== 'conflicted';
    let others: ReviewDetail['others'] = null;
    if (status === 'submitted' && form.revealAfterSubmit) {
      const { rows: panelRows } = await ex.query<{ current_panel: string[] }>(
        `SELECT d.current_panel FROM review_rounds r JOIN draws d ON d.id = r.draw_id WHERE r.id = $1`,
        [row.round_id],
      );
      const panel = new Set(panelRows[0]?.current_panel ?? []);
      const all = counted(await repo.reviewsOfApplication(ex, applicationId), panel);
      others = all
        .filter((r) => r.expert_code !== code)
        .map((r, i) => ({
          label: anonymousLabel(i),
          total: totalOf(weightedTotal(form, r.scores)),
          scores: r.scores,
        }));
    }
    return {
      applicationId,
      callTitle: row.call_title,
      window,
      status,
      form,
      application: reading
        ? {
            enterpriseName: row.enterprise_name,
            projectTitle: row.project_title,
            formData: row.form_data,
            formSchema: row.form_schema,
          }
        : null,
      scores: mine?.scores ?? {},
      comments: mine?.comments ?? {},
      total: mine?.status === 'submitted' ? totalOf(weightedTotal(form, mine.scores)) : null,
      submittedAt: mine?.submitted_at ?? null,
      others,
    };
  }

  const review = (ctx: Scoped, applicationId: string) => detail(db, ctx, applicationId);

  async function declare(
    ctx: Scoped,
    applicationId: string,
    body: DeclarationRequest,
  ): Promise<ReviewDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const code = codeOf(ctx);
      const { row } = await openAssignment(tx, ctx, applicationId, true);
      const reason = body.conflict ? (body.reason ?? '').trim() : null;
      const id = await repo.insertDeclaration(tx, {
        roundId: row.round_id,
        applicationId,
        code,
        conflictReason: reason,
        at: now,
      });
      if (!id) throw new AppError('REVIEW_ALREADY_DECLARED');
      await writeAudit(
        tx,
        ctx,
        {
          action: body.conflict ? 'reviews.conflict_declared' : 'reviews.no_conflict_declared',
          entityType: 'review',
          entityId: id,
          changes: {
            application: applicationId,
            expert: code,
            status: [null, body.conflict ? 'conflicted' : 'declared'],
            reason,
          },
        },
        now,
      );
      return detail(tx, ctx, applicationId);
    });
  }

  /** Saves (draft) or submits the scores: a draft keeps gaps but no unknown category or out-of-range score. */
  async function score(
    ctx: Scoped,
    applicationId: string,
    body: ReviewBody,
    submit: boolean,
  ): Promise<ReviewDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const code = codeOf(ctx);
      const { row, form } = await openAssignment(tx, ctx, applicationId, true);
      const mine = await repo.myReview(tx, applicationId, code);
      if (!mine) throw new AppError('REVIEW_NOT_DECLARED');
      if (mine.status === 'conflicted') throw new AppError('REVIEW_CONFLICTED');
      if (mine.status === 'submitted') throw new AppError('REVIEW_SUBMITTED');
      const scores = body.scores ?? {};
      const comments = Object.fromEntries(Object.entries(body.comments ?? {}).map(([k, v]) => [k, v.trim()]));
      const problems = checkReview(form, { scores, comments }).filter(
        (p) =>
          submit || (p.field.startsWith('scores.') && scores[p.field.slice('scores.'.length)] !== undefined),
      );
      const unknownComments = Object.keys(comments)
        .filter((id) => !form.categories.some((c) => c.id === id))
        .map((id) => ({
          field: `comments.${id}`,
          zh: `评分项 ${id} 不在评审表中`,
          en: `${id} is not a category of the form`,
        }));
      const all = [...problems, ...unknownComments];
      if (all.length > 0)
        throw formError(
          ctx.locale,
          all.map((p) => ({ ...p, rule: 'review' })),
        );
      const total = submit ? weightedTotal(form, scores).toString() : null;
      await repo.saveScores(tx, mine.id, { scores, comments, total, formVersion: row.form_version, at: now });
      if (submit) await repo.freezeRound(tx, row.round_id, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: submit ? 'reviews.review_submitted' : 'reviews.review_saved',
          entityType: 'review',
          entityId: mine.id,
          changes: {
            application: applicationId,
            expert: code,
            status: [mine.status, submit ? 'submitted' : 'draft'],
            scores: [mine.scores, scores],
            ...(total === null ? {} : { total: [null, total], formVersion: row.form_version }),
          },
        },
        now,
      );
      return detail(tx, ctx, applicationId);
    });
  }

  return {
    getRound: (callId: string) => getRound(callId),
    setRound,
    progress,
    results: resultsOf,
    calibration: calibrationOf,
    assignments,
    review,
    declare,
    save: (ctx: Scoped, id: string, body: ReviewBody) => score(ctx, id, body, false),
    submit: (ctx: Scoped, id: string, body: ReviewBody) => score(ctx, id, body, true),
  };
}
