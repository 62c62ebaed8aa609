/**
 * 高新技术企业认定条件 — the eight conditions of 国科发火〔2016〕32号 第十一条, with the definitions of
 * 国科发火〔2016〕195号 三. Pure and exact: ratios are rationals, amounts are bigint 分, gaps are rounded up to the 分.
 */
import { Rational } from '../common/rational.ts';
import { mulFen, toFenNumber, type Fen } from '../common/money.ts';
import { dayOf, isoOf, yearOfDay } from './calendar.ts';
import {
  criterion,
  failedIds,
  overall,
  pct,
  persons,
  undecided,
  undecidedIds,
  words,
  yuan,
  type Bilingual,
  type Criterion,
  type CriterionDef,
} from './criteria.ts';
import {
  resolvedStaff,
  type HnteConditionsInput,
  type HnteConditionsResult,
  type HnteFigures,
  type ScoreRange,
} from './hnte-conditions.contract.ts';
import {
  BOOLEAN_WORDS,
  DEF,
  HNTE_MIN_DOMESTIC_RD,
  HNTE_MIN_HITECH_REVENUE,
  HNTE_MIN_REGISTRATION_DAYS,
  HNTE_MIN_TECH_STAFF,
  HNTE_PASS_SCORE,
  NO_YEAR,
  RD_REQUIRED,
  rdThresholdPctFor,
  type BooleanWords,
} from './hnte-conditions.defs.ts';

export type { HnteConditionsResult, HnteFigures, ScoreRange } from './hnte-conditions.contract.ts';
export {
  HNTE_MIN_DOMESTIC_RD,
  HNTE_MIN_HITECH_REVENUE,
  HNTE_MIN_REGISTRATION_DAYS,
  HNTE_MIN_TECH_STAFF,
  HNTE_PASS_SCORE,
  HNTE_RD_BANDS,
  rdThresholdPctFor,
} from './hnte-conditions.defs.ts';

function booleanCriterion(
  def: CriterionDef,
  value: boolean | undefined,
  path: string,
  good: boolean,
  w: BooleanWords,
): Criterion {
  if (value === undefined) return undecided(def, [path]);
  const pass = value === good;
  return criterion(def, pass, value ? w.yes : w.no, pass ? null : w.gap);
}

function registrationCriterion(
  input: HnteConditionsInput,
  application: number,
  figures: HnteFigures,
): Criterion {
  if (!input.registrationDate) return undecided(DEF.registration, ['registrationDate']);
  const registered = dayOf(input.registrationDate);
  const days = application - registered;
  const earliest = isoOf(registered + HNTE_MIN_REGISTRATION_DAYS);
  figures.registrationDays = days;
  figures.earliestApplicationDate = earliest;
  const pass = days >= HNTE_MIN_REGISTRATION_DAYS;
  const short = HNTE_MIN_REGISTRATION_DAYS - days;
  return criterion(
    DEF.registration,
    pass,
    words(`注册成立 ${days} 天`, `${days} days since registration`),
    pass
      ? null
      : words(
          `还需 ${short} 天（最早 ${earliest} 可申请）`,
          `${short} more days needed (earliest application ${earliest})`,
        ),
  );
}

function staffCriterion(input: HnteConditionsInput, figures: HnteFigures): Criterion {
  const { tech, total } = resolvedStaff(input.staff);
  if (!tech || !total)
    return undecided(DEF.techStaff, [
      ...(tech ? [] : ['staff.techStaff']),
      ...(total ? [] : ['staff.totalStaff']),
    ]);
  figures.techStaff = persons(tech);
  figures.totalStaff = persons(total);
  if (total.isZero()) {
    return criterion(
      DEF.techStaff,
      false,
      words('职工总数为 0', 'Total staff is 0'),
      words('须有职工且科技人员占比不低于10%', 'Staff are needed, with at least 10 % tech staff'),
    );
  }
  const share = tech.div(total);
  const sharePct = pct(share);
  figures.techStaffPct = sharePct;
  const pass = share.gte(HNTE_MIN_TECH_STAFF);
  const actual = words(
    `科技人员 ${figures.techStaff} 人 ÷ 职工总数 ${figures.totalStaff} 人 = ${sharePct}%`,
    `${figures.techStaff} tech staff ÷ ${figures.totalStaff} staff = ${sharePct} %`,
  );
  if (pass) return criterion(DEF.techStaff, true, actual);
  // Total unchanged (existing staff take up R&D work) vs newly hired tech staff, who also join the total.
  const reassign = total.mul(HNTE_MIN_TECH_STAFF).sub(tech).ceil().toString();
  const hire = total
    .sub(tech.mul(Rational.of(10n)))
    .div(Rational.of(9n))
    .ceil()
    .toString();
  return criterion(
    DEF.techStaff,
    false,
    actual,
    words(
      `科技人员还需 ${reassign} 人（职工总数不变时）；如新招聘科技人员，需 ${hire} 人`,
      `${reassign} more tech staff needed with total staff unchanged; ${hire} if newly hired`,
    ),
  );
}

interface WindowSums {
  sales: Fen;
  rd: Fen;
  domestic: Fen;
  missingRd: string[];
  missingDomestic: string[];
  latestSales: Fen | undefined;
}

function sumWindow(input: HnteConditionsInput, window: number[], latestYear: number): WindowSums {
  const sums: WindowSums = {
    sales: 0n,
    rd: 0n,
    domestic: 0n,
    missingRd: [],
    missingDomestic: [],
    latestSales: undefined,
  };
  for (const year of window) {
    const y = input.years.find((r) => r.year === year);
    if (y?.salesFen === undefined) sums.missingRd.push(`years[year=${year}].salesFen`);
    else sums.sales += y.salesFen;
    if (y?.rdFen === undefined) sums.missingRd.push(`years[year=${year}].rdFen`);
    else sums.rd += y.rdFen;
    if (y?.domesticRdFen === undefined) sums.missingDomestic.push(`years[year=${year}].domesticRdFen`);
    else sums.domestic += y.domesticRdFen;
    if (year === latestYear) sums.latestSales = y?.salesFen;
  }
  return sums;
}

function yearsMissingWords(paths: string[]): Bilingual {
  const years = [...new Set(paths.map((p) => /year=(\d+)/.exec(p)?.[1] ?? p))];
  return words(
    `缺少 ${years.join('、')} 年度数据（${paths.join('、')}）`,
    `Missing figures for ${years.join(', ')} (${paths.join(', ')})`,
  );
}

function rdRatioCriterion(sums: WindowSums, window: number[], figures: HnteFigures): Criterion {
  const interpretation = window.length < 3 ? { interpretation: 'I-02' } : undefined;
  if (window.length === 0) return criterion(DEF.rdRatio, null, NO_YEAR);
  if (sums.missingRd.length > 0)
    return criterion(
      DEF.rdRatio,
      null,
      yearsMissingWords(sums.missingRd),
      null,
      sums.missingRd,
      interpretation,
    );
  const thresholdPct = rdThresholdPctFor(sums.latestSales ?? 0n);
  const threshold = Rational.percent(thresholdPct);
  figures.rdThresholdPct = thresholdPct;
  figures.salesTotalFen = toFenNumber(sums.sales);
  figures.rdTotalFen = toFenNumber(sums.rd);
  const required = RD_REQUIRED.get(thresholdPct) ?? DEF.rdRatio.required;
  const years = window.join('、');
  if (sums.sales === 0n) {
    return criterion(
      DEF.rdRatio,
      false,
      words(
        `${years} 年度销售收入合计为零，比例无法计算`,
        `Sales over ${window.join(', ')} total zero; the ratio is undefined`,
      ),
      words('须有销售收入', 'Sales revenue is needed'),
      [],
      { required, interpretation: 'I-03' },
    );
  }
  const share = Rational.of(sums.rd, sums.sales);
  const sharePct = pct(share);
  figures.rdRatio = share.toString();
  figures.rdRatioPct = sharePct;
  const pass = share.gte(threshold);
  const rd = yuan(sums.rd);
  const sales = yuan(sums.sales);
  const actual = words(
    `${years} 年度研发费用 ${rd} ÷ 销售收入 ${sales} = ${sharePct}%`,
    `R&D ${rd} ÷ sales ${sales} over ${window.join(', ')} = ${sharePct} %`,
  );
  if (pass) return criterion(DEF.rdRatio, true, actual, null, [], { required, ...interpretation });
  const needed = yuan(mulFen(sums.sales, threshold, 'ceil') - sums.rd);
  return criterion(
    DEF.rdRatio,
    false,
    actual,
    words(`研发费用还差 ${needed}`, `R&D expense short by ${needed}`),
    [],
    { required, ...interpretation },
  );
}

function domesticCriterion(sums: WindowSums, window: number[], figures: HnteFigures): Criterion {
  if (window.length === 0) return criterion(DEF.domesticRd, null, NO_YEAR);
  const missing = [...sums.missingRd.filter((p) => p.endsWith('.rdFen')), ...sums.missingDomestic];
  if (missing.length > 0) return criterion(DEF.domesticRd, null, yearsMissingWords(missing), null, missing);
  figures.domesticRdTotalFen = toFenNumber(sums.domestic);
  if (sums.rd === 0n) {
    return criterion(
      DEF.domesticRd,
      false,
      words('研发费用总额为零', 'Total R&D is zero'),
      words('须有研究开发费用', 'R&D expense is needed'),
      [],
      { interpretation: 'I-03' },
    );
  }
  const share = Rational.of(sums.domestic, sums.rd);
  const sharePct = pct(share);
  figures.domesticRdPct = sharePct;
  const pass = share.gte(HNTE_MIN_DOMESTIC_RD);
  const domestic = yuan(sums.domestic);
  const total = yuan(sums.rd);
  const actual = words(
    `境内 ${domestic} ÷ 总额 ${total} = ${sharePct}%`,
    `domestic ${domestic} ÷ total ${total} = ${sharePct} %`,
  );
  if (pass) return criterion(DEF.domesticRd, true, actual);
  const shift = yuan(mulFen(sums.rd, HNTE_MIN_DOMESTIC_RD, 'ceil') - sums.domestic);
  // Added domestic R&D also raises the total: x ≥ (60 %·T − d) ÷ 40 % = (3T − 5d) ÷ 2.
  const added = yuan(mulFen(sums.rd * 3n - sums.domestic * 5n, Rational.of(1n, 2n), 'ceil'));
  return criterion(
    DEF.domesticRd,
    false,
    actual,
    words(
      `境内研发费用还差 ${shift}（总额不变时）；如新增境内研发，需 ${added}`,
      `Domestic R&D short by ${shift} with the total unchanged; ${added} if added on top`,
    ),
  );
}

function hiTechCriterion(input: HnteConditionsInput, latestYear: number, figures: HnteFigures): Criterion {
  const y = input.years.find((r) => r.year === latestYear);
  if (!y || y.hiTechRevenueFen === undefined || y.totalRevenueFen === undefined) {
    const missing = [
      ...(y?.hiTechRevenueFen === undefined ? [`years[year=${latestYear}].hiTechRevenueFen`] : []),
      ...(y?.totalRevenueFen === undefined ? [`years[year=${latestYear}].totalRevenueFen`] : []),
    ];
    return criterion(DEF.hiTech, null, yearsMissingWords(missing), null, missing);
  }
  const h = y.hiTechRevenueFen;
  const r = y.totalRevenueFen;
  if (r === 0n) {
    return criterion(
      DEF.hiTech,
      false,
      words(`${latestYear} 年度总收入为零`, `Total revenue of ${latestYear} is zero`),
      words('须有高新技术产品（服务）收入', 'Hi-tech revenue is needed'),
      [],
      { interpretation: 'I-03' },
    );
  }
  const share = Rational.of(h, r);
  const sharePct = pct(share);
  figures.hiTechRevenuePct = sharePct;
  const pass = share.gte(HNTE_MIN_HITECH_REVENUE);
  const hText = yuan(h);
  const rText = yuan(r);
  const actual = words(
    `${latestYear} 年度 ${hText} ÷ ${rText} = ${sharePct}%`,
    `${latestYear}: ${hText} ÷ ${rText} = ${sharePct} %`,
  );
  if (pass) return criterion(DEF.hiTech, true, actual);
  const shift = yuan(mulFen(r, HNTE_MIN_HITECH_REVENUE, 'ceil') - h);
  const added = yuan(mulFen(r * 3n - h * 5n, Rational.of(1n, 2n), 'ceil'));
  return criterion(
    DEF.hiTech,
    false,
    actual,
    words(
      `高新技术产品（服务）收入还差 ${shift}（总收入不变时）；如新增收入，需 ${added}`,
      `Hi-tech revenue short by ${shift} with total revenue unchanged; ${added} if earned on top`,
    ),
  );
}

const SCORE_MISSING = ['innovationScore'];
const SCORE_EXPERTS = words(
  `需专家评分达到 ${HNTE_PASS_SCORE} 分`,
  `Expert scores must reach ${HNTE_PASS_SCORE}`,
);

/** Condition (七) from a known score or from the range still achievable. */
export function scoreCriterion(range: ScoreRange | undefined, def: CriterionDef = DEF.score): Criterion {
  if (!range) return undecided(def, SCORE_MISSING);
  const actual =
    range.min === range.max
      ? words(`综合得分 ${range.min} 分`, `Total ${range.min} points`)
      : words(
          `综合得分可能为 ${range.min}–${range.max} 分（专家打分未全部给出）`,
          `Total between ${range.min} and ${range.max} points (expert scores incomplete)`,
        );
  if (range.min >= HNTE_PASS_SCORE) return criterion(def, true, actual);
  if (range.max < HNTE_PASS_SCORE) {
    const short = HNTE_PASS_SCORE - range.max;
    return criterion(
      def,
      false,
      actual,
      words(`创新能力评价还差 ${short} 分`, `${short} more point${short === 1 ? '' : 's'} needed`),
    );
  }
  return criterion(def, null, actual, SCORE_EXPERTS, range.unscored ?? SCORE_MISSING);
}

/** The three (or fewer) accounting years before the application year, from the registration year on (I-02). */
export function hnteWindow(applicationYear: number, registrationYear: number | undefined): number[] {
  const first = Math.max(applicationYear - 3, registrationYear ?? applicationYear - 3);
  const years: number[] = [];
  for (let y = first; y <= applicationYear - 1; y++) years.push(y);
  return years;
}

export function assessHnteConditions(input: HnteConditionsInput, score?: ScoreRange): HnteConditionsResult {
  const application = dayOf(input.applicationDate ?? input.assessmentDate);
  const applicationYear = yearOfDay(application);
  const latestYear = applicationYear - 1;
  const window = hnteWindow(
    applicationYear,
    input.registrationDate ? yearOfDay(dayOf(input.registrationDate)) : undefined,
  );
  const figures: HnteFigures = {
    applicationDate: isoOf(application),
    registrationDays: null,
    earliestApplicationDate: null,
    window,
    latestYear,
    rdThresholdPct: null,
    rdRatio: null,
    rdRatioPct: null,
    domesticRdPct: null,
    hiTechRevenuePct: null,
    techStaffPct: null,
    techStaff: null,
    totalStaff: null,
    salesTotalFen: null,
    rdTotalFen: null,
    domesticRdTotalFen: null,
  };
  const sums = sumWindow(input, window, latestYear);
  const criteria: Criterion[] = [
    registrationCriterion(input, application, figures),
    booleanCriterion(DEF.coreIp, input.hasCoreIpOwnership, 'hasCoreIpOwnership', true, BOOLEAN_WORDS.coreIp),
    booleanCriterion(DEF.keyFields, input.techInKeyFields, 'techInKeyFields', true, BOOLEAN_WORDS.keyFields),
    staffCriterion(input, figures),
    rdRatioCriterion(sums, window, figures),
    domesticCriterion(sums, window, figures),
    hiTechCriterion(input, latestYear, figures),
    scoreCriterion(
      score ??
        (input.innovationScore === undefined
          ? undefined
          : { min: input.innovationScore, max: input.innovationScore }),
    ),
    booleanCriterion(
      DEF.incident,
      input.majorIncidentWithinYear,
      'majorIncidentWithinYear',
      false,
      BOOLEAN_WORDS.incident,
    ),
  ];
  return {
    eligible: overall(criteria),
    failures: failedIds(criteria),
    undecided: undecidedIds(criteria),
    criteria,
    figures,
  };
}
