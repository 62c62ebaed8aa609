/**
 * 科技型中小企业评价 (国科发政〔2017〕115号): basic conditions (第六条), the 100-point table (第七条) with the better
 * of the two R&D indicators for the enterprise (both shown), the non-zero 科技人员 rule, ≥ 60 points, and direct
 * confirmation (第八条). Ratios are exact rationals; lower band bounds are inclusive ("（含）").
 */
import { Rational } from '../common/rational.ts';
import { addYears, dayOf } from './calendar.ts';
import {
  cite,
  criterion,
  persons,
  undecided,
  words,
  yuan,
  type Bilingual,
  type Citation,
  type Criterion,
  type CriterionDef,
} from './criteria.ts';
import type { TsmeInput } from './tsme.contract.ts';
import {
  T,
  TSME_MAX_ASSETS_FEN,
  TSME_MAX_EMPLOYEES,
  TSME_MAX_SALES_FEN,
  TSME_PASS,
  TSME_RD_COST_BANDS,
  TSME_RD_SALES_BANDS,
  ipIndicator,
  ratioIndicator,
  staffIndicator,
  type TsmeIndicator,
} from './tsme.indicators.ts';

export {
  TSME_MAX_ASSETS_FEN,
  TSME_MAX_EMPLOYEES,
  TSME_MAX_SALES_FEN,
  TSME_PASS,
  TSME_RD_COST_BANDS,
  TSME_RD_SALES_BANDS,
  TSME_STAFF_BANDS,
  tsmeIpPoints,
  type TsmeIndicator,
} from './tsme.indicators.ts';

export interface TsmeResult {
  qualified: boolean | null;
  basicOk: boolean | null;
  directConfirm: boolean;
  failures: string[];
  undecided: string[];
  criteria: Criterion[];
  score: {
    staff: number | null;
    rd: number | null;
    rdBySales: number | null;
    rdByCost: number | null;
    rdChosen: 'sales' | 'cost' | null;
    ip: number | null;
    total: number | null;
  };
  indicators: TsmeIndicator[];
  directRoutes: { id: string; pass: boolean; actual: Bilingual; citation: Citation }[];
}

function flagCriterion(
  id: string,
  value: boolean | undefined,
  path: string,
  good: boolean,
  title: [string, string],
  article: string,
  gap: [string, string],
): Criterion {
  const def: CriterionDef = {
    id,
    title: words(...title),
    required: good ? YES : NO,
    citation: cite(T, article),
  };
  if (value === undefined) return undecided(def, [path]);
  const pass = value === good;
  return criterion(def, pass, value ? YES : NO, pass ? null : words(...gap));
}

function limitCriterion(
  id: string,
  title: [string, string],
  value: string | null,
  ok: boolean | null,
  limit: [string, string],
  path: string,
  gap: [string, string],
): Criterion {
  const def: CriterionDef = {
    id,
    title: words(...title),
    required: words(...limit),
    citation: cite(T, '第六条（二）'),
  };
  if (ok === null || value === null) return undecided(def, [path]);
  return criterion(def, ok, words(value, value), ok ? null : words(...gap));
}

const YES = words('是', 'Yes');
const NO = words('否', 'No');

const SCORE_DEF: CriterionDef = {
  id: 'score',
  title: words('综合评价得分不低于60分', 'Total score at least 60'),
  required: words('≥ 60 分', '≥ 60 points'),
  citation: cite(T, '第六条（五）；第七条'),
};

const STAFF_DEF: CriterionDef = {
  id: 'tech-staff-nonzero',
  title: words('科技人员指标得分不得为0分', 'Tech-staff indicator may not score 0'),
  required: words('科技人员占比 ≥ 10%', 'tech staff ≥ 10 %'),
  citation: cite(T, '第六条（五）'),
};

/** Input fields whose absence leaves the score open. */
function missingScoreFields(input: TsmeInput): string[] {
  const fields: [string, unknown][] = [
    ['techStaff', input.techStaff],
    ['employees', input.employees],
    ['ipI', input.ipI],
    ['ipII', input.ipII],
  ];
  if (input.rdExpenseFen === undefined) fields.push(['rdExpenseFen', undefined]);
  else if (input.salesRevenueFen === undefined && input.totalCostFen === undefined)
    fields.push(['salesRevenueFen', undefined]);
  return fields.filter(([, v]) => v === undefined).map(([k]) => k);
}

function directRoutes(input: TsmeInput): TsmeResult['directRoutes'] {
  const today = dayOf(input.assessmentDate);
  const fiveYearsAgo = addYears(today, -5);
  const d = input.direct;
  const cert = d.hnteCertificate;
  const certEnd = cert
    ? cert.validUntil
      ? dayOf(cert.validUntil)
      : addYears(dayOf(cert.issuedOn), 3)
    : null;
  const certValid =
    cert !== undefined && certEnd !== null && dayOf(cert.issuedOn) <= today && today <= certEnd;
  const award = d.nationalAwards.find((a) => dayOf(a.awardedOn) >= fiveYearsAgo && a.rank <= 3);
  const standard = d.ledStandards.find((s) => dayOf(s.publishedOn) >= fiveYearsAgo && s.drafterRank <= 5);
  return [
    {
      id: 'hnte-certificate',
      pass: certValid,
      actual: cert
        ? words(
            `高新技术企业证书 ${cert.issuedOn} 颁发，${certValid ? '在有效期内' : '不在有效期内'}`,
            `HNTE certificate issued ${cert.issuedOn}, ${certValid ? 'valid' : 'not valid'} on the assessment date`,
          )
        : words('无', 'None'),
      citation: cite(T, '第八条（一）；32号 第九条（有效期三年）'),
    },
    {
      id: 'national-award',
      pass: award !== undefined,
      actual: award
        ? words(
            `${award.awardedOn} 国家级科技奖励，排名第 ${award.rank}`,
            `National S&T award ${award.awardedOn}, rank ${award.rank}`,
          )
        : words('近五年无排名前三的国家级科技奖励', 'No national S&T award (top 3) in five years'),
      citation: cite(T, '第八条（二）'),
    },
    {
      id: 'provincial-rd-institution',
      pass: d.provincialRdInstitution === true,
      actual: words(d.provincialRdInstitution ? '拥有' : '无', d.provincialRdInstitution ? 'Yes' : 'No'),
      citation: cite(T, '第八条（三）'),
    },
    {
      id: 'led-standard',
      pass: standard !== undefined,
      actual: standard
        ? words(
            `${standard.publishedOn} 主导制定标准（起草单位第 ${standard.drafterRank} 名）`,
            `Led a standard ${standard.publishedOn} (drafter no. ${standard.drafterRank})`,
          )
        : words('近五年未主导制定国际、国家或行业标准', 'No standard led in five years'),
      citation: cite(T, '第八条（四）'),
    },
  ];
}

export function evaluateTsme(input: TsmeInput): TsmeResult {
  const staff = staffIndicator(input);
  const bySales = ratioIndicator(
    'rdBySales',
    words('研发费用总额占销售收入总额的比例', 'R&D ÷ sales'),
    input.rdExpenseFen,
    input.salesRevenueFen,
    words('销售收入', 'sales'),
    TSME_RD_SALES_BANDS,
    '第七条（二）',
  );
  const byCost = ratioIndicator(
    'rdByCost',
    words('研发费用总额占成本费用支出总额的比例', 'R&D ÷ total costs'),
    input.rdExpenseFen,
    input.totalCostFen,
    words('成本费用支出总额', 'total costs'),
    TSME_RD_COST_BANDS,
    '第七条（二）',
  );
  const ip = ipIndicator(input);
  // The enterprise may choose either R&D indicator: the better one counts; one given alone is its choice.
  const rdKnown =
    bySales.points === null && byCost.points === null
      ? null
      : Math.max(bySales.points ?? 0, byCost.points ?? 0);
  const rd = rdKnown;
  const rdChosen = rd === null ? null : (bySales.points ?? -1) >= (byCost.points ?? -1) ? 'sales' : 'cost';
  const total =
    staff.points !== null && rdKnown !== null && ip.points !== null
      ? staff.points + rdKnown + ip.points
      : null;

  const e = input.employees;
  const criteria: Criterion[] = [
    flagCriterion(
      'resident',
      input.residentEnterprise,
      'residentEnterprise',
      true,
      [
        '在中国境内（不包括港、澳、台地区）注册的居民企业',
        'Resident enterprise registered in mainland China',
      ],
      '第六条（一）',
      ['须为境内注册的居民企业', 'Must be a resident enterprise registered in mainland China'],
    ),
    limitCriterion(
      'employees',
      ['职工总数不超过500人', 'At most 500 staff'],
      e ? `${persons(e)} 人` : null,
      e ? e.lte(Rational.of(TSME_MAX_EMPLOYEES)) : null,
      ['≤ 500 人', '≤ 500'],
      'employees',
      [
        `超出 ${e ? persons(e.sub(Rational.of(TSME_MAX_EMPLOYEES))) : ''} 人`,
        `${e ? persons(e.sub(Rational.of(TSME_MAX_EMPLOYEES))) : ''} above the limit`,
      ],
    ),
    limitCriterion(
      'sales',
      ['年销售收入不超过2亿元', 'Sales at most ¥200 m'],
      input.salesRevenueFen === undefined ? null : yuan(input.salesRevenueFen),
      input.salesRevenueFen === undefined ? null : input.salesRevenueFen <= TSME_MAX_SALES_FEN,
      ['≤ 2亿元（含）', '≤ ¥200,000,000.00'],
      'salesRevenueFen',
      [
        `超出 ${yuan((input.salesRevenueFen ?? 0n) - TSME_MAX_SALES_FEN)}`,
        `${yuan((input.salesRevenueFen ?? 0n) - TSME_MAX_SALES_FEN)} above the limit`,
      ],
    ),
    limitCriterion(
      'assets',
      ['资产总额不超过2亿元', 'Total assets at most ¥200 m'],
      input.totalAssetsFen === undefined ? null : yuan(input.totalAssetsFen),
      input.totalAssetsFen === undefined ? null : input.totalAssetsFen <= TSME_MAX_ASSETS_FEN,
      ['≤ 2亿元（含）', '≤ ¥200,000,000.00'],
      'totalAssetsFen',
      [
        `超出 ${yuan((input.totalAssetsFen ?? 0n) - TSME_MAX_ASSETS_FEN)}`,
        `${yuan((input.totalAssetsFen ?? 0n) - TSME_MAX_ASSETS_FEN)} above the limit`,
      ],
    ),
    flagCriterion(
      'industry',
      input.prohibitedIndustry,
      'prohibitedIndustry',
      false,
      [
        '产品和服务不属于国家规定的禁止、限制和淘汰类',
        'Products and services not prohibited, restricted or to be phased out',
      ],
      '第六条（三）',
      [
        '产品或服务属于禁止、限制或淘汰类',
        'Products or services are prohibited, restricted or to be phased out',
      ],
    ),
    flagCriterion(
      'integrity',
      input.incidentOrBlacklisted,
      'incidentOrBlacklisted',
      false,
      [
        '上一年及当年内未发生重大事故、严重环境违法、科研严重失信，未列入经营异常名录和严重违法失信企业名单',
        'No major accident, environmental or research-integrity violation, not on the abnormal-operation or serious-violation lists',
      ],
      '第六条（四）',
      ['不符合诚信与安全要求', 'Fails the safety and integrity condition'],
    ),
  ];
  const basic = criteria.slice();
  const scoreCriterion =
    total === null
      ? criterion(
          SCORE_DEF,
          null,
          words('得分无法计算（缺少数据）', 'Score cannot be computed (missing data)'),
          null,
          missingScoreFields(input),
        )
      : criterion(
          SCORE_DEF,
          total >= TSME_PASS,
          words(
            `科技人员 ${staff.points ?? 0} + 研发投入 ${rdKnown ?? 0} + 科技成果 ${ip.points ?? 0} = ${total} 分`,
            `staff ${staff.points ?? 0} + R&D ${rdKnown ?? 0} + IP ${ip.points ?? 0} = ${total}`,
          ),
          total >= TSME_PASS
            ? null
            : words(`综合得分还差 ${TSME_PASS - total} 分`, `${TSME_PASS - total} more points needed`),
        );
  const staffShort =
    e && input.techStaff ? e.mul(Rational.percent(10)).sub(input.techStaff).ceil().toString() : null;
  const staffCriterion =
    staff.points === null
      ? criterion(
          STAFF_DEF,
          null,
          staff.actual,
          null,
          missingScoreFields(input).filter((f) => f === 'techStaff' || f === 'employees'),
        )
      : criterion(
          STAFF_DEF,
          staff.points > 0,
          staff.actual,
          staff.points > 0 || staffShort === null
            ? null
            : words(
                `科技人员还需 ${staffShort} 人（职工总数不变）`,
                `${staffShort} more tech staff needed (same total)`,
              ),
        );
  criteria.push(scoreCriterion, staffCriterion);

  const routes = directRoutes(input);
  const directConfirm = routes.some((r) => r.pass);
  const basicOk = combine(basic.map((c) => c.pass));
  const scoreOk = combine([scoreCriterion.pass, staffCriterion.pass]);
  const qualified = basicOk === false ? false : directConfirm ? basicOk : combine([basicOk, scoreOk]);
  const blocking = directConfirm ? basic : criteria;
  return {
    qualified,
    basicOk,
    directConfirm,
    failures: blocking.filter((c) => c.pass === false).map((c) => c.id),
    undecided: blocking.filter((c) => c.pass === null).map((c) => c.id),
    criteria,
    score: {
      staff: staff.points,
      rd: rdKnown,
      rdBySales: bySales.points,
      rdByCost: byCost.points,
      rdChosen,
      ip: ip.points,
      total,
    },
    indicators: [staff, bySales, byCost, ip],
    directRoutes: routes,
  };
}

function combine(values: (boolean | null)[]): boolean | null {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}
