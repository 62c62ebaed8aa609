/**
 * Demo notices, dated from the seed's today: a patent-industrialisation call whose three approvals are on notice
 * now (first day two days ago, seven days) with one declined, and an innovation-award call whose notice ended months
 * ago with its three approvals confirmed (立项) and one declined, and a talent-team call whose three applications
 * await the decision (研究决定), reviewed five days ago. Applications are written at each phase with the
 * events the workflow would have written (create, submit, accept, close_review, propose/decline, confirm), so the
 * timeline and the guards read them as if they had been moved one by one. Idempotent: nothing is added when a call
 * of the same title exists.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import {
  NOTICE_DEFAULT_DAYS,
  defaultNoticeTitle,
  noticeEndsOn,
  shiftDay,
} from '@jinke/core/notices/rules.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import * as repo from './notices.repo.ts';

interface DemoCall {
  kind: string;
  title: string;
  /** Days relative to today. */
  opens: number;
  closes: number;
  /** The first day of the notice; for a call still at the decision, five days after its review closed. */
  noticeStarts: number;
  stage: 'decision' | 'notice' | 'confirmed';
  projects: { title: string; wan: number | null }[];
}

export const demoNoticeCallTitles = (year: number) => ({
  running: `${year}年度晋江市专利产业化项目`,
  finished: `${year}年度晋江市科技创新奖励`,
  deciding: `${year}年度晋江市人才与团队项目`,
});

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

async function event(
  ex: Executor,
  e: {
    id: string;
    from: string | null;
    to: string;
    action: string;
    reason?: string;
    by: string | null;
    day: string;
  },
): Promise<void> {
  await ex.query(
    `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, reason, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.id, e.from, e.to, e.action, e.reason ?? null, e.by, at(e.day).toISOString()],
  );
}

async function seedCall(
  ex: Executor,
  ctx: RequestContext,
  c: DemoCall,
  today: string,
  by: string | null,
  enterprises: { id: string; name: string; uscc: string; user: string | null }[],
) {
  const day = (n: number) => shiftDay(today, n);
  const def = await ex.query<{ id: string }>(
    `SELECT id FROM programme_definitions WHERE kind = $1 ORDER BY version DESC LIMIT 1`,
    [c.kind],
  );
  if (!def.rows[0]) return;
  const year = Number(today.slice(0, 4));
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_calls (kind, definition_id, title, year, opens_on, closes_on, budget_fen, description, status,
                                  created_by, created_at, opened_by, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, 500000000, '支持企业专利转化实施和创新成果奖励。', 'closed', $7, $8, $7, $8) RETURNING id`,
    [c.kind, def.rows[0].id, c.title, year, day(c.opens), day(c.closes), by, at(day(c.opens)).toISOString()],
  );
  const callId = rows[0]!.id;
  const startsOn = day(c.noticeStarts);
  const endsOn = noticeEndsOn(startsOn, NOTICE_DEFAULT_DAYS);
  const noticeId =
    c.stage === 'decision'
      ? null
      : await repo.insertNotice(ex, {
          callId,
          title: defaultNoticeTitle(c.title),
          startsOn,
          days: NOTICE_DEFAULT_DAYS,
          endsOn,
          by,
          at: at(startsOn, 9),
        });
  for (const [i, p] of c.projects.entries()) {
    const e = enterprises[i]!;
    const approved = p.wan !== null;
    const phase =
      c.stage === 'decision'
        ? 'decision'
        : !approved
          ? 'rejected'
          : c.stage === 'confirmed'
            ? 'approved'
            : 'notice';
    const inserted = await ex.query<{ id: string }>(
      `INSERT INTO programme_applications (call_id, enterprise_id, phase, form_data, submitted_at, clock_started_on,
                                           created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $5) RETURNING id`,
      [
        callId,
        e.id,
        phase,
        JSON.stringify({ enterpriseName: e.name, uscc: e.uscc, projectTitle: p.title }),
        at(day(c.closes - 3)).toISOString(),
        day(c.closes - 3),
        e.user,
        at(day(c.opens + 2)).toISOString(),
      ],
    );
    const id = inserted.rows[0]!.id;
    await event(ex, { id, from: null, to: 'draft', action: 'create', by: e.user, day: day(c.opens + 2) });
    await event(ex, {
      id,
      from: 'draft',
      to: 'formal_check',
      action: 'submit',
      by: e.user,
      day: day(c.closes - 3),
    });
    await event(ex, {
      id,
      from: 'formal_check',
      to: 'expert_review',
      action: 'accept',
      by,
      day: day(c.closes + 2),
    });
    await event(ex, {
      id,
      from: 'expert_review',
      to: 'decision',
      action: 'close_review',
      by,
      day: day(c.noticeStarts - 5),
    });
    if (noticeId === null) continue;
    if (!approved) {
      await event(ex, {
        id,
        from: 'decision',
        to: 'rejected',
        action: 'decline',
        reason: '评审得分未达立项分数线',
        by,
        day: startsOn,
      });
      continue;
    }
    await event(ex, { id, from: 'decision', to: 'notice', action: 'propose', by, day: startsOn });
    await repo.insertEntry(ex, {
      noticeId,
      applicationId: id,
      enterpriseName: e.name,
      projectTitle: p.title,
      proposedFen: String(p.wan! * 1_000_000),
      at: at(startsOn, 9),
    });
    if (c.stage === 'confirmed')
      await event(ex, {
        id,
        from: 'notice',
        to: 'approved',
        action: 'confirm',
        by,
        day: shiftDay(endsOn, 1),
      });
  }
  await writeAudit(
    ex,
    ctx,
    {
      action: 'notices.demo_seeded',
      entityType: noticeId ? 'programme_notice' : 'programme_call',
      entityId: noticeId ?? callId,
      changes: {
        call: [null, callId],
        title: [null, c.title],
        startsOn: [null, startsOn],
        endsOn: [null, endsOn],
      },
    },
    at(startsOn, 9),
  );
}

export async function seedNoticesDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const today = chinaDate(deps.clock());
  const titles = demoNoticeCallTitles(Number(today.slice(0, 4)));
  await deps.db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM programme_calls WHERE title = ANY($1::text[])', [
      [titles.running, titles.finished, titles.deciding],
    ]);
    if (existing.rows.length > 0) return;
    const officer = await tx.query<{ id: string }>(
      `SELECT id FROM users WHERE role = 'officer' AND disabled_at IS NULL ORDER BY (username = 'officer') DESC, username LIMIT 1`,
    );
    const by = officer.rows[0]?.id ?? null;
    const firms = await tx.query<{ id: string; name: string; uscc: string; user: string | null }>(
      `SELECT e.id, e.name, e.uscc,
              (SELECT u.id FROM users u WHERE u.role = 'enterprise' AND u.scope_id = e.uscc LIMIT 1) AS user
         FROM enterprises e ORDER BY e.uscc LIMIT 11`,
    );
    if (firms.rows.length < 11) return;
    await seedCall(
      tx,
      ctx,
      {
        kind: 'patent_industrialisation',
        title: titles.running,
        opens: -75,
        closes: -45,
        noticeStarts: -2,
        stage: 'notice',
        projects: [
          { title: '高性能运动鞋材专利成果产业化', wan: 50 },
          { title: '纺织印染废水循环利用技术产业化', wan: 30 },
          { title: '食品冷链智能温控装置产业化', wan: 20 },
          { title: '一次性塑料制品改进', wan: null },
        ],
      },
      today,
      by,
      firms.rows.slice(0, 4),
    );
    await seedCall(
      tx,
      ctx,
      {
        kind: 'innovation_award',
        title: titles.finished,
        opens: -200,
        closes: -170,
        noticeStarts: -120,
        stage: 'confirmed',
        projects: [
          { title: '智能鞋底成型装备研发及应用', wan: 80 },
          { title: '卫生用品高速生产线关键技术', wan: 60 },
          { title: '新型环保涂料制备工艺', wan: 40 },
          { title: '传统包装工艺改良', wan: null },
        ],
      },
      today,
      by,
      firms.rows.slice(4, 8),
    );
    await seedCall(
      tx,
      ctx,
      {
        kind: 'talent_team',
        title: titles.deciding,
        opens: -60,
        closes: -30,
        noticeStarts: 0,
        stage: 'decision',
        projects: [
          { title: '新能源汽车电池热管理创新团队', wan: null },
          { title: '高端装备数字孪生研发团队', wan: null },
          { title: '生物基可降解材料青年人才项目', wan: null },
        ],
      },
      today,
      by,
      firms.rows.slice(8, 11),
    );
  });
}
