/** The actions of a 高企 cultivation plan (logic in cultivation-plan.ts). */
import { mulFen, type Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { addYears, dayOf, isoOf, yearOfDay } from './calendar.ts';
import { words, yuan, type Bilingual, type Criterion } from './criteria.ts';
import {
  action,
  cumulativeTargets,
  planMonthOfDate,
  yearEndMonth,
  type PlanAction,
  type PlanCalendar,
} from './cultivation-plan.calendar.ts';
import { dataAction, ipRouteSteps, staffAction, type ActionSet } from './cultivation-plan.parts.ts';
import { resolvedStaff } from './hnte-conditions.contract.ts';
import { HNTE_MIN_DOMESTIC_RD, HNTE_MIN_HITECH_REVENUE, rdThresholdPctFor } from './hnte-conditions.defs.ts';
import { hnteWindow } from './hnte-conditions.rules.ts';
import type { HnteAssessmentInput, HnteAssessmentResult } from './hnte-assessment.rules.ts';
import { hnteScoreActions } from './cultivation-plan.score.ts';

type Years = HnteAssessmentInput['years'];

/** The record of the latest year that has the figure, as the estimate of the target year's. */
function latestWith<K extends 'salesFen' | 'rdFen' | 'totalRevenueFen'>(
  years: Years,
  key: K,
): { year: number; value: Fen } | null {
  let best: { year: number; value: Fen } | null = null;
  for (const y of years) {
    const value = y[key];
    if (value !== undefined && (best === null || y.year > best.year)) best = { year: y.year, value };
  }
  return best;
}

/** Sums of the next window's earlier years, or null when one of them lacks a figure. */
function earlierSums(
  years: Years,
  window: readonly number[],
  target: number,
  keys: readonly ('salesFen' | 'rdFen' | 'domesticRdFen')[],
) {
  const sums = { salesFen: 0n, rdFen: 0n, domesticRdFen: 0n };
  for (const year of window) {
    if (year === target) continue;
    const y = years.find((r) => r.year === year);
    for (const key of keys) {
      const value = y?.[key];
      if (value === undefined) return null;
      sums[key] += value;
    }
  }
  return sums;
}

function yearlyAction(
  cal: PlanCalendar,
  id: string,
  criterion: Criterion,
  title: Bilingual,
  amount: Fen,
  steps: Bilingual[],
  describe: (cumulative: string, month: number) => Bilingual,
): PlanAction {
  return action(cal, {
    id,
    criteria: [criterion.id],
    title,
    startMonth: 1,
    dueMonth: yearEndMonth(cal),
    steps: criterion.gap
      ? [...steps, words(`当前差距：${criterion.gap.zh}`, `Current gap: ${criterion.gap.en}`)]
      : steps,
    targets: cumulativeTargets(cal, amount, (cumulative, month) => describe(yuan(cumulative), month)),
  });
}

function windowWords(window: readonly number[]): string {
  return window.join('、');
}

export function hnteActions(
  input: HnteAssessmentInput,
  result: HnteAssessmentResult,
  cal: PlanCalendar,
): ActionSet {
  const byId = new Map(result.criteria.map((c) => [c.id, c]));
  const failed = (id: string) => byId.get(id)?.pass === false;
  const actions: PlanAction[] = [];
  const target = cal.targetYear;
  const notes: Bilingual[] = [
    words(
      `目标年度 ${target}：本计划以 ${target} 年度数据在 ${target + 1} 年申报高新技术企业安排，月份为评估日期之后的 12 个自然月`,
      `Target year ${target}: the plan prepares an application in ${target + 1} on the ${target} figures; months are the 12 calendar months after the assessment date`,
    ),
  ];
  let applicationYear = target + 1;

  const data = dataAction(
    cal,
    result.criteria.filter((c) => c.pass === null),
  );
  if (data) actions.push(data);

  const registration = byId.get('registration');
  if (registration?.pass === false && result.figures.earliestApplicationDate) {
    const earliest = result.figures.earliestApplicationDate;
    applicationYear = Math.max(applicationYear, yearOfDay(dayOf(earliest)));
    actions.push(
      action(cal, {
        id: 'registration',
        criteria: ['registration'],
        title: words('等待注册成立满一年', 'Wait for one year since registration'),
        startMonth: 1,
        dueMonth: planMonthOfDate(cal, earliest),
        steps: [
          words(
            `注册成立满 365 个日历天后方可申请：最早 ${earliest}`,
            `An application is possible from ${earliest}`,
          ),
        ],
      }),
    );
  }

  if (failed('key-fields')) {
    actions.push(
      action(cal, {
        id: 'key-fields',
        criteria: ['key-fields'],
        title: words('确认技术领域', 'Settle the technology field'),
        startMonth: 1,
        dueMonth: null,
        steps: [
          words(
            '对照《国家重点支持的高新技术领域》逐项梳理主要产品（服务）的核心支持技术',
            'Check the core technology of each main product against the catalogue of key fields',
          ),
          words(
            '核心技术不在领域范围内的，须调整研发方向和主营产品，一般难以在一年内完成',
            'A technology outside the fields needs a change of R&D and products, rarely possible within a year',
          ),
        ],
      }),
    );
  }

  if (failed('core-ip')) {
    const { steps, soonest } = ipRouteSteps(cal, ['I', 'II']);
    actions.push(
      action(cal, {
        id: 'ip-core',
        criteria: ['core-ip'],
        title: words('取得核心知识产权', 'Obtain core IP'),
        startMonth: 1,
        dueMonth: soonest,
        steps: [
          words(
            '知识产权须在申请前获得授权（证书或授权通知书）且与主要产品（服务）相关，权属人为本企业（195号 三（二））',
            'The IP must be granted before applying, relate to the main products and be owned by the enterprise',
          ),
          ...steps,
        ],
      }),
    );
  }

  const { tech, total } = resolvedStaff(input.staff);
  if (failed('tech-staff') && tech && total && !total.isZero()) {
    const staff = staffAction(cal, 'tech-staff', tech, total);
    actions.push(staff.action);
    if (staff.nextYear) {
      applicationYear = Math.max(applicationYear, target + 2);
      notes.push(
        words(
          `科技人员须在 ${target + 1} 年度达标，申请年度相应顺延至 ${target + 2} 年`,
          `Tech staff can only meet the ratio in ${target + 1}, so the application moves to ${target + 2}`,
        ),
      );
    }
  }

  const registrationYear = input.registrationDate ? yearOfDay(dayOf(input.registrationDate)) : undefined;
  const nextWindow = hnteWindow(target + 1, registrationYear);
  const sales = latestWith(input.years, 'salesFen');
  let rdTarget: Fen | null = null;
  const rdCriterion = byId.get('rd-ratio');
  if (rdCriterion?.pass === false && sales) {
    const pct = rdThresholdPctFor(sales.value);
    const sums = earlierSums(input.years, nextWindow, target, ['salesFen', 'rdFen']);
    const needed = sums
      ? mulFen(sums.salesFen + sales.value, Rational.percent(pct), 'ceil') - sums.rdFen
      : mulFen(sales.value, Rational.percent(pct), 'ceil');
    rdTarget = needed > 0n ? needed : 0n;
    actions.push(
      yearlyAction(
        cal,
        'rd-ratio',
        rdCriterion,
        words('研究开发费用达到销售收入比例', 'Reach the R&D-to-sales ratio'),
        rdTarget,
        [
          words(
            `${target} 年度研究开发费用全年不少于 ${yuan(rdTarget)}，使 ${windowWords(nextWindow)} 年度合计达到 ${pct}%（按 ${target} 年销售收入与 ${sales.year} 年持平 ${yuan(sales.value)} 估算${sums ? '' : '；前两年数据不全，按当年单独达标计'}）`,
            `R&D of at least ${yuan(rdTarget)} in ${target}, so that ${nextWindow.join(', ')} together reach ${pct} % (sales assumed flat at ${yuan(sales.value)} of ${sales.year}${sums ? '' : '; earlier years incomplete, so the year alone must reach it'})`,
          ),
          words(
            '按项目设立研发费用辅助账，按月归集人员人工、直接投入、折旧摊销、设计试验等费用（195号 三（六））',
            'Keep an R&D auxiliary ledger per project and record the costs every month (195号 三（六）)',
          ),
          words(
            '以往年度真实发生但未归集的研发支出，可依辅助账重新归集',
            'R&D costs of earlier years that were really incurred but not recorded can be recollected from the ledger',
          ),
        ],
        (cumulative, month) =>
          words(
            `截至 ${month} 月末累计研发费用不少于 ${cumulative}`,
            `Cumulative R&D by the end of month ${month} at least ${cumulative}`,
          ),
      ),
    );
  }

  const domestic = byId.get('domestic-rd');
  if (domestic?.pass === false) {
    const rdOfTarget = rdTarget ?? latestWith(input.years, 'rdFen')?.value ?? 0n;
    const sums = earlierSums(input.years, nextWindow, target, ['rdFen', 'domesticRdFen']);
    let needed = sums
      ? mulFen(sums.rdFen + rdOfTarget, HNTE_MIN_DOMESTIC_RD, 'ceil') - sums.domesticRdFen
      : mulFen(rdOfTarget, HNTE_MIN_DOMESTIC_RD, 'ceil');
    if (needed < 0n) needed = 0n;
    actions.push(
      yearlyAction(
        cal,
        'domestic-rd',
        domestic,
        words('提高境内研发费用占比', 'Raise the domestic share of R&D'),
        needed,
        [
          words(
            `${target} 年度境内研究开发费用不少于 ${yuan(needed)}（${target} 年研发费用按 ${yuan(rdOfTarget)} 计）${needed > rdOfTarget ? '，须全部在境内进行并相应增加研发投入' : ''}`,
            `Domestic R&D of at least ${yuan(needed)} in ${target} (R&D of ${target} taken as ${yuan(rdOfTarget)})${needed > rdOfTarget ? '; all of it in China, with more R&D' : ''}`,
          ),
          words(
            '将委托境外的研发活动调整为自主研发或委托境内机构',
            'Move R&D entrusted abroad in-house or to domestic partners',
          ),
        ],
        (cumulative, month) =>
          words(
            `截至 ${month} 月末累计境内研发费用不少于 ${cumulative}`,
            `Cumulative domestic R&D by month ${month} at least ${cumulative}`,
          ),
      ),
    );
  }

  const hiTech = byId.get('hitech-revenue');
  const revenue = latestWith(input.years, 'totalRevenueFen');
  if (hiTech?.pass === false && revenue) {
    const needed = mulFen(revenue.value, HNTE_MIN_HITECH_REVENUE, 'ceil');
    actions.push(
      yearlyAction(
        cal,
        'hitech-revenue',
        hiTech,
        words('提高高新技术产品（服务）收入占比', 'Raise the share of hi-tech revenue'),
        needed,
        [
          words(
            `${target} 年度高新技术产品（服务）收入不少于 ${yuan(needed)}，且不低于当年总收入的 60%（总收入按 ${revenue.year} 年 ${yuan(revenue.value)} 估算）`,
            `Hi-tech revenue of at least ${yuan(needed)} in ${target} and at least 60 % of total revenue (total taken as ${yuan(revenue.value)} of ${revenue.year})`,
          ),
          words(
            '梳理高新技术产品（服务）清单，单独核算其收入及技术转让、技术服务、接受委托研发收入',
            'List the hi-tech products and services and account their revenue separately, with technology transfer and service income',
          ),
        ],
        (cumulative, month) =>
          words(
            `截至 ${month} 月末累计高新技术产品（服务）收入不少于 ${cumulative}`,
            `Cumulative hi-tech revenue by month ${month} at least ${cumulative}`,
          ),
      ),
    );
  }

  const score = byId.get('innovation-score');
  if (score?.pass === false) {
    const s = hnteScoreActions(cal, result.score, input.score);
    actions.push(s);
  }

  if (failed('no-major-incident')) {
    const clearFrom = isoOf(addYears(dayOf(input.assessmentDate), 1));
    actions.push(
      action(cal, {
        id: 'incident',
        criteria: ['no-major-incident'],
        title: words('满足无重大事故期间要求', 'Let a year pass since the incident'),
        startMonth: 1,
        dueMonth: planMonthOfDate(cal, clearFrom) ?? 12,
        steps: [
          words(
            `自重大事故或严重环境违法行为发生之日起满 365 天后方可申请（至迟 ${clearFrom}），期间落实整改`,
            `An application is possible 365 days after the event (by ${clearFrom} at the latest); put the remedies in place meanwhile`,
          ),
        ],
      }),
    );
  }

  notes.push(
    words(
      '知识产权须在申请前获得授权且在有效期内；按Ⅱ类评价的知识产权在申请高企时仅限使用一次',
      'IP must be granted and in force before applying; class Ⅱ IP counts for one application only',
    ),
    words(
      '知识产权取得时间为常规办理周期的规划假设，非法定时限',
      'IP lead times are planning assumptions based on usual processing times, not legal deadlines',
    ),
  );
  return { actions, notes, applicationYear };
}
