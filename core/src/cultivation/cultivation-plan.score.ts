/**
 * The 高企 plan's action for an innovation score that cannot reach 71 (195号 三（七）): the items whose points can
 * still rise, each with the month it can take effect, taken soonest first until the shortfall is covered.
 */
import { words, type Bilingual } from './criteria.ts';
import {
  action,
  yearEndMonth,
  yearMonthOf,
  type PlanAction,
  type PlanCalendar,
} from './cultivation-plan.calendar.ts';
import { leadTime } from './cultivation-plan.data.ts';
import { HNTE_SCORE_PASS } from './hnte-score.bands.ts';
import type { HnteScoreInput } from './hnte-score.contract.ts';
import type { HnteScoreResult, ScoreIndicator } from './hnte-score.rules.ts';

interface Option {
  month: number;
  points: number;
  text: Bilingual;
}

function itemOf(indicators: readonly ScoreIndicator[], id: string) {
  for (const indicator of indicators) {
    const item = indicator.items.find((i) => i.id === id);
    if (item) return { indicator, item };
  }
  return null;
}

/** Points an item can still gain, within its indicator's cap. */
function headroom(indicators: readonly ScoreIndicator[], id: string, ceiling?: number): number {
  const found = itemOf(indicators, id);
  if (!found) return 0;
  const { indicator, item } = found;
  const own = (ceiling ?? item.max) - item.range.max;
  return Math.max(0, Math.min(own, indicator.max - indicator.range.max));
}

export function hnteScoreActions(
  cal: PlanCalendar,
  score: HnteScoreResult,
  input: HnteScoreInput,
): PlanAction {
  const shortfall = HNTE_SCORE_PASS - score.maxTotal;
  const yearEnd = yearEndMonth(cal);
  const utility = 1 + leadTime('utility').months;
  const transfer = 1 + leadTime('transfer').months;
  const options: Option[] = [];
  const management: [string, Bilingual][] = [
    [
      'rdManagement.system',
      words(
        '研发组织管理制度、研发投入核算体系和研发费用辅助账',
        'R&D management rules, cost accounting and the R&D ledger',
      ),
    ],
    [
      'rdManagement.institution',
      words(
        '内部研发机构、研发条件和产学研合作',
        'an in-house R&D unit, facilities and research co-operation',
      ),
    ],
    [
      'rdManagement.transformation',
      words(
        '成果转化组织实施与激励奖励制度、开放式创新平台',
        'conversion organisation, rewards and an open innovation platform',
      ),
    ],
    [
      'rdManagement.talent',
      words('人才培养、培训、引进和绩效评价奖励制度', 'training, recruitment and performance rewards'),
    ],
  ];
  for (const [id, what] of management) {
    const points = headroom(score.indicators, id);
    if (points > 0)
      options.push({ month: 3, points, text: words(`建立健全${what.zh}`, `Set up ${what.en}`) });
  }
  const count = input.ip.count;
  const viaClassII = headroom(score.indicators, 'ip.count', 6);
  if (viaClassII > 0) {
    const more = Math.max(1, 5 - (count?.countII ?? 0));
    options.push({
      month: utility,
      points: viaClassII,
      text: words(
        `再取得 ${more} 项Ⅱ类知识产权（实用新型、外观设计、软件著作权），知识产权数量升至 B 档`,
        `Obtain ${more} more class Ⅱ rights (utility models, designs, software copyright) for band B`,
      ),
    });
  }
  const viaClassI = headroom(score.indicators, 'ip.count') - viaClassII;
  if (viaClassI > 0) {
    options.push({
      month: transfer,
      points: viaClassI,
      text: words(
        '取得 1 项Ⅰ类知识产权（自行申请发明专利约需 22 个月；受让已授权发明专利约 2 个月）可得 A 档',
        'One class Ⅰ right gives band A (own invention patent about 22 months; acquiring a granted one about 2 months)',
      ),
    });
  }
  const acquisition = headroom(score.indicators, 'ip.acquisition');
  if (acquisition > 0)
    options.push({
      month: utility,
      points: acquisition,
      text: words('以自主研发取得知识产权（获得方式 A 档）', 'Obtain IP from own R&D (acquisition band A)'),
    });
  const standards = headroom(score.indicators, 'ip.standards');
  if (standards > 0)
    options.push({
      month: yearEnd,
      points: standards,
      text: words(
        '参与编制国家标准、行业标准、检测方法或技术规范（加分项）',
        'Take part in drafting standards (bonus)',
      ),
    });
  const transformation = headroom(score.indicators, 'transformation');
  if (transformation > 0)
    options.push({
      month: yearEnd,
      points: transformation,
      text: words(
        '增加科技成果转化（年均 5 项以上为 A 档），留存转化合同、产品和收入证明',
        'Convert more S&T achievements (5 a year or more for band A) and keep the evidence',
      ),
    });
  for (const id of ['ip.advanced', 'ip.coreSupport']) {
    const points = headroom(score.indicators, id);
    if (points > 0)
      options.push({
        month: yearEnd,
        points,
        text: words(
          id === 'ip.advanced'
            ? '通过研发提升核心技术的先进程度'
            : '加强知识产权对主要产品（服务）的核心支持作用',
          id === 'ip.advanced'
            ? 'Advance the core technology through R&D'
            : 'Tie the IP more closely to the main products',
        ),
      });
  }
  options.sort((a, b) => a.month - b.month);
  let gained = 0;
  let due: number | null = null;
  const steps: Bilingual[] = [
    words(
      `按现有数据最高 ${score.maxTotal} 分，距 ${HNTE_SCORE_PASS} 分还差 ${shortfall} 分`,
      `At most ${score.maxTotal} points on the present data, ${shortfall} short of ${HNTE_SCORE_PASS}`,
    ),
  ];
  for (const option of options) {
    const used = gained < shortfall;
    if (used) {
      gained += option.points;
      if (gained >= shortfall) due = option.month;
    }
    steps.push(
      words(
        `${used ? '' : '（备选）'}第 ${option.month} 个月（${yearMonthOf(cal, option.month)}）前：${option.text.zh}，最多可增 ${option.points} 分`,
        `${used ? '' : '(optional) '}By month ${option.month} (${yearMonthOf(cal, option.month)}): ${option.text.en}, up to ${option.points} more points`,
      ),
    );
  }
  if (due === null)
    steps.push(
      words(
        '上述各项全部做到仍不足 71 分，需超过一年的持续培育',
        'Even all of the above falls short; more than a year of work is needed',
      ),
    );
  return action(cal, {
    id: 'innovation-score',
    criteria: ['innovation-score'],
    title: words('提高企业创新能力评价得分', 'Raise the innovation score'),
    startMonth: 1,
    dueMonth: due,
    steps,
  });
}
