/**
 * Demo funds: the shipped policy standards, and last year's science-plan call (closed) with two approved
 * applications — the demo enterprise's, with its agreement signed, its award made and the first instalment paid
 * (which moved it to 拨付), and another firm's, approved (立项) and waiting for its award, for the officer to try.
 * Dated relative to the seed's today; idempotent (nothing is added when the call exists).
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { formSchema } from '@jinke/core/programmes/form-schema.ts';
import { applicationsService, initialForm, prefillOf, registryFacts } from '../programmes/index.ts';
import { fundsService } from './funds.service.ts';
import { installShippedStandards } from './standards.service.ts';

const DAY_MS = 86_400_000;
const at = (day: string, hour = 10) =>
  new Date(Date.parse(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`));
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const DEMO_ENTERPRISE_USCC = '91350582MA8RFY385R';
export const demoFundsCallTitle = (year: number) => `${year}年度晋江市科技计划项目（资金拨付）`;

/** The phases an approved application went through, with the days before today they were entered. */
const HISTORY: [string | null, string, string, number][] = [
  [null, 'draft', 'create', 100],
  ['draft', 'formal_check', 'submit', 95],
  ['formal_check', 'expert_review', 'accept', 90],
  ['expert_review', 'decision', 'close_review', 60],
  ['decision', 'notice', 'propose', 45],
  ['notice', 'approved', 'confirm', 30],
];

async function insertApproved(
  tx: Executor,
  q: {
    callId: string;
    enterpriseId: string;
    schema: unknown;
    form: Record<string, unknown>;
    by: string;
    today: string;
  },
): Promise<string> {
  // Pre-filled from the registry as a real draft is, then completed.
  const registry = (await registryFacts(tx, q.enterpriseId, shift(q.today, -100)))!;
  const formData = { ...initialForm(registry, formSchema.parse(q.schema)), ...q.form };
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO programme_applications (call_id, enterprise_id, phase, form_data, prefill, submitted_at, created_by,
       created_at, updated_at, clock_started_on)
     VALUES ($1, $2, 'approved', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      q.callId,
      q.enterpriseId,
      JSON.stringify(formData),
      JSON.stringify(prefillOf(registry)),
      at(shift(q.today, -95)),
      q.by,
      at(shift(q.today, -100)),
      at(shift(q.today, -30)),
      shift(q.today, -95),
    ],
  );
  const id = rows[0]!.id;
  for (const [from, to, action, daysAgo] of HISTORY)
    await tx.query(
      `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, actor_id, at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, action, q.by, at(shift(q.today, -daysAgo))],
    );
  return id;
}

const form = (name: string, uscc: string, title: string, requestedWan: number) => ({
  enterpriseName: name,
  uscc,
  projectTitle: title,
  summary: '研发面向鞋服产业的智能制造关键技术，实现在线检测与工艺参数自适应，提升良品率。',
  level: '晋江市级',
  requestedWan,
  contactName: '林晓',
  contactPhone: '0595-85000001',
});

export async function seedFundsDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  await deps.db.transaction((tx) => installShippedStandards(tx, ctx, now));
  const officer = (
    await deps.db.query<{ id: string; username: string }>(
      `SELECT id, username FROM users WHERE role = 'officer' AND disabled_at IS NULL
       ORDER BY (username = 'officer') DESC, username LIMIT 1`,
    )
  ).rows[0];
  if (!officer) return;
  const title = demoFundsCallTitle(year);
  const seeded = await deps.db.transaction(async (tx) => {
    if ((await tx.query('SELECT 1 FROM programme_calls WHERE title = $1', [title])).rows.length > 0)
      return null;
    const definition = (
      await tx.query<{ id: string; form_schema: unknown }>(
        `SELECT id, form_schema FROM programme_definitions WHERE kind = 'science_plan' ORDER BY version DESC LIMIT 1`,
      )
    ).rows[0];
    const firms = (
      await tx.query<{ id: string; uscc: string; name: string }>(
        `SELECT id, uscc, name FROM enterprises ORDER BY (uscc = $1) DESC, uscc LIMIT 2`,
        [DEMO_ENTERPRISE_USCC],
      )
    ).rows;
    if (!definition || firms.length < 2) return null;
    const call = await tx.query<{ id: string }>(
      `INSERT INTO programme_calls (kind, definition_id, title, year, opens_on, closes_on, budget_fen, description,
         status, created_by, created_at, opened_by, opened_at)
       VALUES ('science_plan', $1, $2, $3, $4, $5, 300000000, '上年度科技计划项目，已立项，按协议分期拨付。', 'closed',
         $6, $7, $6, $7) RETURNING id`,
      [definition.id, title, year, shift(today, -120), shift(today, -90), officer.id, at(shift(today, -120))],
    );
    const callId = call.rows[0]!.id;
    const [mine, other] = firms as [(typeof firms)[0], (typeof firms)[0]];
    const funded = await insertApproved(tx, {
      callId,
      enterpriseId: mine.id,
      schema: definition.form_schema,
      form: form(mine.name, mine.uscc, '运动鞋底智能成型装备研发', 30),
      by: officer.id,
      today,
    });
    const approved = await insertApproved(tx, {
      callId,
      enterpriseId: other.id,
      schema: definition.form_schema,
      form: form(other.name, other.uscc, '纺织面料数字化印染工艺研究', 60),
      by: officer.id,
      today,
    });
    for (const id of [funded, approved])
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.demo_application_seeded',
          entityType: 'programme_application',
          entityId: id,
          changes: { call: [null, callId], phase: [null, 'approved'] },
        },
        now,
      );
    return funded;
  });
  if (!seeded) return;
  const actor: Actor = {
    userId: officer.id,
    username: officer.username,
    role: 'officer',
    scopeType: null,
    scopeId: null,
    sections: [],
  };
  const officerCtx = { ...ctx, actor };
  const funds = fundsService(deps);
  await funds.createAward(officerCtx, seeded);
  await deps.db.transaction((tx) =>
    applicationsService(deps).actIn(tx, officerCtx, seeded, { action: 'sign' }),
  );
  await funds.disburse(officerCtx, seeded, {
    budgetLine: '市级科技三项经费',
    amountFen: '15000000',
    paidOn: today,
    voucherNo: `JJKJ-${year + 1}-0001`,
  });
}
