/**
 * Demo linkage (挂钩联系): every active leader is linked to 12 registered enterprises spread over the towns (the demo
 * `leader` account also to the demo enterprise account's firm, so that account has problems to read), with visits
 * over the past months and problems in every status, some overdue, all dated back from the seed clock's day
 * (PRODUCT.md "Demo time"). Idempotent: a leader who has any link already is left alone. Every row written is audited.
 */
import type { ProblemCategory } from '@jinke/core/linkage/api.contract.ts';
import { chinaDate, type ProblemStatus } from '@jinke/core/linkage/status.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';

/** The demo enterprise account's firm (accounts' DEMO_ACCOUNTS). */
const DEMO_FIRM = '91350582MA8RFY385R';
const PER_LEADER = 12;

interface DemoProblem {
  title: string;
  category: ProblemCategory;
  department: string;
  status: ProblemStatus;
  /** Days after the visit the problem is due. */
  dueAfter: number;
  resolution?: string;
}

/** One problem per shape; the visit day decides which of them are overdue on the seed day. */
const PROBLEMS: readonly DemoProblem[] = [
  {
    title: '申报高新技术企业认定需要辅导',
    category: 'policy',
    department: '高新科',
    status: 'open',
    dueAfter: 30,
  },
  {
    title: '研发费用加计扣除归集口径不清',
    category: 'policy',
    department: '高新科',
    status: 'in_progress',
    dueAfter: 20,
  },
  {
    title: '申请市级科技计划项目资金',
    category: 'funding',
    department: '综合科',
    status: 'resolved',
    dueAfter: 45,
    resolution: '已指导企业完成项目申报书，市科技局已受理。',
  },
  {
    title: '急需引进机械设计高级工程师',
    category: 'talent',
    department: '综合科',
    status: 'closed',
    dueAfter: 60,
    resolution: '已对接人才市场专场招聘会，企业已招到 2 名工程师。',
  },
  {
    title: '新型鞋材发泡工艺需要高校技术合作',
    category: 'technology',
    department: '成果转化科',
    status: 'reopened',
    dueAfter: 40,
    resolution: '已推荐华侨大学材料学院对接。',
  },
  {
    title: '发明专利申请希望加快审查',
    category: 'ip',
    department: '知识产权科',
    status: 'open',
    dueAfter: 15,
  },
  {
    title: '知识产权质押融资渠道咨询',
    category: 'finance',
    department: '知识产权科',
    status: 'in_progress',
    dueAfter: 90,
  },
  {
    title: '企业技术中心认定条件咨询',
    category: 'other',
    department: '高新科',
    status: 'open',
    dueAfter: 120,
  },
];

const SUMMARIES = [
  '了解企业生产经营和研发投入情况，宣讲科技惠企政策。',
  '实地查看研发中心建设进展，听取企业技术攻关需求。',
  '座谈了解企业人才、资金等方面困难，现场协调相关科室。',
];

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function enterprisesFor(ex: Executor, offset: number, withFirm: boolean) {
  // One enterprise per town first, then a second round, so the links spread over the county.
  const { rows } = await ex.query<{ id: string; uscc: string }>(
    `SELECT id, uscc FROM (
       SELECT e.id, e.uscc, e.town_code, row_number() OVER (PARTITION BY e.town_code ORDER BY e.uscc) AS rn
         FROM enterprises e WHERE e.town_code IS NOT NULL AND e.uscc <> $1) x
      ORDER BY rn, town_code, uscc LIMIT $2 OFFSET $3`,
    [DEMO_FIRM, withFirm ? PER_LEADER - 1 : PER_LEADER, offset],
  );
  if (!withFirm) return rows;
  const firm = await ex.query<{ id: string; uscc: string }>(
    'SELECT id, uscc FROM enterprises WHERE uscc = $1',
    [DEMO_FIRM],
  );
  return [...firm.rows, ...rows];
}

export async function seedLinkageDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  const today = chinaDate(now);
  const audit = (
    tx: Executor,
    action: string,
    entityType: string,
    entityId: string,
    changes: Record<string, unknown>,
  ) => writeAudit(tx, ctx, { action, entityType, entityId, changes }, now);
  const leaders = await deps.db.query<{ id: string }>(
    `SELECT id FROM users WHERE role = 'leader' AND disabled_at IS NULL ORDER BY (username = 'leader') DESC, username`,
  );
  const officer = await deps.db.query<{ id: string }>(
    `SELECT id FROM users WHERE role = 'officer' AND disabled_at IS NULL ORDER BY (username = 'officer') DESC, username LIMIT 1`,
  );
  const officerId = officer.rows[0]?.id ?? null;

  for (const [k, leader] of leaders.rows.entries()) {
    await deps.db.transaction(async (tx) => {
      const has = await tx.query('SELECT 1 FROM linkage_links WHERE leader_id = $1 LIMIT 1', [leader.id]);
      if (has.rows.length > 0) return;
      const firms = await enterprisesFor(tx, k * PER_LEADER, k === 0);
      let shape = 0;
      for (const [j, firm] of firms.entries()) {
        const since = addDays(today, -300 - j);
        const link = await tx.query<{ id: string }>(
          `INSERT INTO linkage_links (leader_id, enterprise_id, since, linked_by) VALUES ($1, $2, $3, NULL) RETURNING id`,
          [leader.id, firm.id, since],
        );
        await audit(tx, 'linkage.linked', 'linkage_link', link.rows[0]!.id, {
          leader: [null, leader.id],
          enterprise: [null, firm.uscc],
          since: [null, since],
        });
        // Two visits: one a few months back, one recent; each raises one problem.
        for (const ago of [150 - ((j * 11) % 60), 45 - ((j * 7) % 30)]) {
          const visitedOn = addDays(today, -ago);
          const summary = SUMMARIES[(j + ago) % SUMMARIES.length]!;
          const visit = await tx.query<{ id: string }>(
            `INSERT INTO linkage_visits (enterprise_id, leader_id, visited_on, summary, participants, recorded_by)
             VALUES ($1, $2, $3, $4, $5, $2) RETURNING id`,
            [firm.id, leader.id, visitedOn, summary, '企业负责人、技术负责人；科技局相关科室'],
          );
          const visitId = visit.rows[0]!.id;
          await audit(tx, 'linkage.visit_recorded', 'linkage_visit', visitId, {
            enterprise: [null, firm.uscc],
            leader: [null, leader.id],
            visitedOn: [null, visitedOn],
            problems: [null, 1],
          });
          const p = PROBLEMS[shape++ % PROBLEMS.length]!;
          const dueOn = addDays(visitedOn, p.dueAfter);
          const done = p.status === 'resolved' || p.status === 'closed';
          // Resolved before the due date and before today.
          const resolvedOn = done ? addDays(visitedOn, Math.max(0, Math.min(p.dueAfter, ago) - 1)) : null;
          const problem = await tx.query<{ id: string }>(
            `INSERT INTO linkage_problems (enterprise_id, visit_id, title, description, category, assignee_id,
               department, raised_on, due_on, status, resolution, resolved_on, raised_by, created_at, updated_at)
             VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
            [
              firm.id,
              visitId,
              p.title,
              p.category,
              p.status === 'open' ? null : officerId,
              p.department,
              visitedOn,
              dueOn,
              p.status,
              p.resolution ?? null,
              resolvedOn,
              leader.id,
              now.toISOString(),
            ],
          );
          await audit(tx, 'linkage.problem_raised', 'linkage_problem', problem.rows[0]!.id, {
            enterprise: [null, firm.uscc],
            visit: [null, visitId],
            title: [null, p.title],
            status: [null, p.status],
            dueOn: [null, dueOn],
          });
        }
      }
    });
  }
}
