/**
 * Demo expert review: a science-plan call (重大科技专项) that opened 40 days before the seed's today and closed 20
 * days before it (closed since), four firms' applications submitted then and passed to expert review, a panel of
 * five drawn for them with the demo expert (EXP-0001) on it, and a review round whose window opened 3 days ago and
 * closes in 14 days. Three other panel members have submitted their reviews, so the demo expert sees 专家A/B/C after
 * submitting; one has not. The applications were entered by the demo officer on the firms' behalf (paper
 * submissions). The draw's seed is the first of `<year>-专项评审-1`, `-2`, … whose panel seats EXP-0001 — a demo
 * choice, stated in its seed source. Idempotent: nothing happens when the call exists or the demo expert or officer
 * is missing.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { runDraw } from '@jinke/core/draws/draw.ts';
import { parsePoolText } from '@jinke/core/draws/pool.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { DEFAULT_CATEGORIES } from '@jinke/core/reviews/api.contract.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { drawsService } from '../draws/index.ts';
import { applicationsService } from '../programmes/index.ts';
import { callsService } from '../programmes/index.ts';
import { reviewsService } from './reviews.service.ts';

const DAY_MS = 86_400_000;
export const DEMO_EXPERT = 'EXP-0001';
export const demoReviewCallTitle = (year: number) => `${year}年度晋江市重大科技专项（第一批）`;

const PROJECTS = [
  ['运动鞋底智能成型装备研发及产业化', 8, 8, 7, 7],
  ['高性能再生涤纶纤维关键技术研究', 7, 9, 8, 6],
  ['陶瓷薄板低温快烧工艺开发', 6, 6, 7, 8],
  ['纸尿裤高吸收复合芯体研发', 9, 7, 6, 7],
] as const;

export async function seedReviewsDemo(
  deps: { db: Database; clock: () => Date },
  base: RequestContext,
): Promise<void> {
  const { db } = deps;
  const now = deps.clock();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const title = demoReviewCallTitle(year);
  if ((await db.query('SELECT 1 FROM programme_calls WHERE title = $1', [title])).rows.length > 0) return;
  const officer = (
    await db.query<{ id: string; username: string }>(
      `SELECT id, username FROM users WHERE role = 'officer' AND disabled_at IS NULL
       ORDER BY (username = 'officer') DESC, username LIMIT 1`,
    )
  ).rows[0];
  const expert = (
    await db.query<{ employer_uscc: string | null; relations: { uscc?: string }[] }>(
      'SELECT employer_uscc, relations FROM experts WHERE code = $1',
      [DEMO_EXPERT],
    )
  ).rows[0];
  if (!officer || !expert) return;
  const avoid = [expert.employer_uscc, ...expert.relations.map((r) => r.uscc)].filter(
    (u): u is string => !!u,
  );
  const firms = (
    await db.query<{ uscc: string }>(
      `SELECT uscc FROM enterprises WHERE town_code IS NOT NULL AND uscc <> ALL($1::text[])
         AND uscc NOT IN (SELECT scope_id FROM users WHERE role = 'enterprise' AND scope_id IS NOT NULL)
       ORDER BY uscc LIMIT 4`,
      [avoid],
    )
  ).rows.map((r) => r.uscc);
  if (firms.length < PROJECTS.length) return;

  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const day = (days: number) => chinaDate(at(days));
  const as = (actor: Actor): RequestContext & { actor: Actor } => ({ ...base, actor });
  const officerActor: Actor = {
    userId: officer.id,
    username: officer.username,
    role: 'officer',
    scopeType: null,
    scopeId: null,
    sections: [],
  };

  // The call and its applications, as they happened 40 to 18 days ago.
  const calls = callsService({ db, clock: () => at(-40) });
  const call = await calls.create(as(officerActor), {
    kind: 'science_plan',
    title,
    year,
    opensOn: day(-40),
    closesOn: day(-20),
    budgetFen: 20_000_000_00,
    description: '围绕鞋服、纺织、建材等主导产业的关键核心技术攻关项目。',
  });
  await calls.open(as(officerActor), call.id);
  const submitted = applicationsService({ db, clock: () => at(-25) });
  const accepted = applicationsService({ db, clock: () => at(-18) });
  const applicationIds: string[] = [];
  for (const [i, uscc] of firms.entries()) {
    const onBehalf = as({ ...officerActor, role: 'enterprise', scopeType: 'enterprise', scopeId: uscc });
    const draft = await submitted.start(onBehalf, call.id);
    await submitted.saveForm(onBehalf, draft.id, {
      formData: {
        ...draft.formData,
        enterpriseName: draft.formData.enterpriseName ?? draft.enterpriseName,
        uscc,
        projectTitle: PROJECTS[i]![0],
        summary: `${PROJECTS[i]![0]}：突破关键工艺，形成自主知识产权并实现产业化应用，提升企业核心竞争力。`,
        level: '晋江市级',
        requestedWan: 50 + i * 10,
        contactName: '项目联系人',
        contactPhone: '0595-85000000',
      },
    });
    await submitted.act(onBehalf, draft.id, { action: 'submit' });
    await accepted.act(as(officerActor), draft.id, { action: 'accept' });
    applicationIds.push(draft.id);
  }
  await callsService({ db, clock: () => at(-18) }).close(as(officerActor), call.id);

  // The panel: frozen, then drawn with the first listed seed that seats the demo expert.
  const draws = drawsService({ db, clock: () => at(-15) });
  const frozen = await draws
    .create(as(officerActor), {
      title: `${title}评审专家抽取`,
      subject: title,
      spec: { panelSize: 5, alternates: 2, composition: [], fields: ['40303'], ipcPrefixes: [] },
      applicants: firms,
      overrides: [],
    })
    // A registry too small for a panel of five in the demo expert's field gets no demo review.
    .catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'DRAW_POOL_TOO_SMALL') return null;
      throw e;
    });
  if (!frozen) return;
  const stored = await db.query<{ pool_text: string; pool_hash: string }>(
    'SELECT pool_text, pool_hash FROM draws WHERE id = $1',
    [frozen.id],
  );
  const pool = parsePoolText(stored.rows[0]!.pool_text);
  let seed: string | null = null;
  for (let n = 1; pool && n <= 500 && seed === null; n++) {
    const candidate = `${year}-专项评审-${n}`;
    const outcome = runDraw(pool, candidate, stored.rows[0]!.pool_hash);
    if (outcome.ok && outcome.panel.includes(DEMO_EXPERT)) seed = candidate;
  }
  if (seed === null) return;
  const drawn = await draws.seed(as(officerActor), frozen.id, {
    seed,
    seedSource: '演示数据：依次试用种子，取首个使演示专家入选者',
  });

  const reviews = reviewsService({ db, clock: () => at(-3) });
  await reviews.setRound(as(officerActor), call.id, {
    drawId: drawn.id,
    form: {
      categories: DEFAULT_CATEGORIES,
      aggregation: { method: 'trimmed-mean', trim: 1 },
      revealAfterSubmit: true,
    },
    opensOn: day(-3),
    closesOn: day(14),
  });

  // Three of the other four members have reviewed; the fourth has not started.
  const others = (drawn.currentPanel ?? []).map((m) => m.code).filter((c) => c !== DEMO_EXPERT);
  for (const [k, code] of others.slice(0, 3).entries()) {
    const ctx = as({
      userId: `demo-${code}`,
      username: code,
      role: 'expert',
      scopeType: 'expert',
      scopeId: code,
      sections: [],
    });
    for (const [i, id] of applicationIds.entries()) {
      const [, ...base10] = PROJECTS[i]!;
      const ids = DEFAULT_CATEGORIES.map((c) => c.id);
      const scores = Object.fromEntries(
        ids.map((c, j) => [c, Math.max(0, Math.min(10, base10[j]! + ((k + j) % 3) - 1))]),
      );
      const comments = Object.fromEntries(
        ids.map((c) => [c, '材料完整，论证较充分，建议结合产业化目标进一步细化。']),
      );
      await reviews.declare(ctx, id, { conflict: false });
      await reviews.submit(ctx, id, { scores, comments });
    }
  }
}
