/**
 * Demo data of 高企云服务 beyond the registry: a catalogue of 高企 policy courses with sessions dated from today
 * (two to five weeks ahead, one held three weeks ago), and — through pipeline.seed.ts — the 2018 HNTE target with
 * a computed pipeline snapshot. Course titles and topics follow the bureau's usual 高企 training; the materials
 * links are the official sites of the policies (高新技术企业认定管理工作网, 国家税务总局, 国家知识产权局,
 * 科技型中小企业服务平台). Places are demo values; online links use the reserved `.example` domain.
 * Idempotent: nothing is added once a course exists. `seedDemo` calls `seedCultivationDemo` after the registry.
 */
import { addDays, chinaDate } from '@jinke/core/registry/qualifications.ts';
import type { TrainingTopic } from '@jinke/core/cultivation/training.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { seedPipelineDemo } from './pipeline.seed.ts';

interface DemoSession {
  /** Days from today (China time); negative for a session already held. */
  inDays: number;
  start: string;
  end: string;
  place?: string;
  onlineUrl?: string;
  capacity: number;
}

interface DemoCourse {
  title: string;
  summary: string;
  topic: TrainingTopic;
  materialsUrl: string;
  sessions: DemoSession[];
}

const BUREAU_HALL = '晋江市科技和知识产权局三楼多功能厅';
const SERVICE_CENTRE = '晋江市行政服务中心A区五楼培训室';
const ZONE_CENTRE = '晋江经济开发区（五里园）企业服务中心二楼会议室';

export const DEMO_COURSES: readonly DemoCourse[] = [
  {
    title: '高新技术企业认定政策解读与申报实务',
    summary:
      '逐条解读《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条八项认定条件和《工作指引》（国科发火〔2016〕195号）的口径：科技人员、研发费用、高新技术产品（服务）收入与创新能力评价，并讲解申报材料的准备和常见退回原因。',
    topic: 'recognition',
    materialsUrl: 'http://www.innocom.gov.cn/',
    sessions: [
      { inDays: 7, start: '09:30', end: '11:30', place: BUREAU_HALL, capacity: 80 },
      {
        inDays: 21,
        start: '14:30',
        end: '16:30',
        onlineUrl: 'https://live.jinke.example/hnte-policy',
        capacity: 300,
      },
    ],
  },
  {
    title: '研发费用归集与辅助账规范',
    summary:
      '研发项目立项、研发费用辅助账的设置与按月归集；高企口径（八类费用、委托研发按80%计入、其他费用不超过20%）与加计扣除口径的差异及调整说明。',
    topic: 'rd_expense',
    materialsUrl: 'http://www.innocom.gov.cn/',
    sessions: [
      { inDays: 10, start: '14:30', end: '17:00', place: SERVICE_CENTRE, capacity: 40 },
      { inDays: -21, start: '09:30', end: '11:30', place: SERVICE_CENTRE, capacity: 40 },
    ],
  },
  {
    title: '研发费用税前加计扣除政策与申报',
    summary:
      '加计扣除比例的历年变化（50%、75%、100%）、制造业与科技型中小企业的适用条件、负面清单行业、其他相关费用限额的计算，以及年度汇算清缴与预缴申报的填报要点。',
    topic: 'super_deduction',
    materialsUrl: 'https://www.chinatax.gov.cn/',
    sessions: [
      {
        inDays: 14,
        start: '09:00',
        end: '11:30',
        onlineUrl: 'https://live.jinke.example/rd-deduction',
        capacity: 300,
      },
    ],
  },
  {
    title: '知识产权布局与创新能力评价',
    summary:
      'Ⅰ类、Ⅱ类知识产权在创新能力评价中的计分方法，专利申请与核心技术保护布局，科技成果转化的认定与佐证材料。',
    topic: 'ip',
    materialsUrl: 'https://www.cnipa.gov.cn/',
    sessions: [{ inDays: 28, start: '09:30', end: '11:30', place: ZONE_CENTRE, capacity: 30 }],
  },
  {
    title: '科技型中小企业评价入库指南',
    summary:
      '《科技型中小企业评价办法》（国科发政〔2017〕115号）的基本条件与评价指标、直接认定情形、年度入库流程，以及入库后可享受的研发费用加计扣除政策。',
    topic: 'tsme',
    materialsUrl: 'https://www.innofund.gov.cn/',
    sessions: [
      {
        inDays: 35,
        start: '14:30',
        end: '16:30',
        onlineUrl: 'https://live.jinke.example/tsme-guide',
        capacity: 150,
      },
    ],
  },
];

/** Seeds the training catalogue (once) and the pipeline's demo target and snapshot. */
export async function seedCultivationDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  const today = chinaDate(now);
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM training_courses LIMIT 1');
    if (rows.length > 0) return;
    let sessions = 0;
    for (const c of DEMO_COURSES) {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO training_courses (title, summary, topic, materials_url, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [c.title, c.summary, c.topic, c.materialsUrl, now],
      );
      for (const s of c.sessions) {
        const day = addDays(today, s.inDays);
        await tx.query(
          `INSERT INTO training_sessions (course_id, starts_at, ends_at, mode, place, online_url, capacity,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
          [
            inserted.rows[0]!.id,
            `${day}T${s.start}:00+08:00`,
            `${day}T${s.end}:00+08:00`,
            s.place ? 'onsite' : 'online',
            s.place ?? null,
            s.onlineUrl ?? null,
            s.capacity,
            now,
          ],
        );
        sessions++;
      }
    }
    await writeAudit(
      tx,
      ctx,
      {
        action: 'training.demo_seeded',
        entityType: 'training_course',
        changes: { courses: DEMO_COURSES.length, sessions },
      },
      now,
    );
  });
  await seedPipelineDemo(deps, ctx);
}
