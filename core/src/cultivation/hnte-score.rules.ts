/**
 * 企业创新能力评价 score (国科发火〔2016〕195号 三（七）): four indicators, integer points, pass ⇔ total > 70,
 * i.e. ≥ 71. Besides the total (when every score is known) it returns the "computed bands" view: for each item
 * the band the data implies and the points still achievable, and the min/max total — so it tells whether the
 * enterprise can pass at all before the experts have scored.
 */
import { Rational } from '../common/rational.ts';
import { DOCS, cite, words, type Bilingual, type Criterion, type CriterionDef } from './criteria.ts';
import { describeGrowth, growthRate } from './growth.ts';
import {
  GROWTH_BANDS,
  HNTE_SCORE_PASS,
  INDICATOR_MAX,
  IP_ACQUISITION_BANDS,
  IP_ADVANCED_BANDS,
  IP_COUNT_BANDS,
  IP_MAX,
  IP_STANDARDS_BANDS,
  IP_SUPPORT_BANDS,
  RD_MANAGEMENT_ITEMS,
  TRANSFORMATION_BANDS,
  findBand,
  growthBand,
  ipCountBand,
  transformationBand,
  type ScoreBand,
} from './hnte-score.bands.ts';
import type { GrowthSeries, HnteScoreInput } from './hnte-score.contract.ts';
import { scoreCriterion } from './hnte-conditions.rules.ts';

export interface ScoreItem {
  id: string;
  /** Input path of this item's points. */
  input: string;
  title: Bilingual;
  max: number;
  /** The band chosen by the expert or implied by the data; null when neither is known yet. */
  band: string | null;
  bandSource: 'data' | 'expert' | null;
  /** Every band of this item with its allowed point range (for forms). */
  bands: readonly ScoreBand[];
  /** Points still achievable given what is known. */
  range: { min: number; max: number };
  points: number | null;
  basis: Bilingual | null;
  interpretation?: string;
}

export interface ScoreIndicator {
  id: 'ip' | 'transformation' | 'rdManagement' | 'growth';
  title: Bilingual;
  max: number;
  items: ScoreItem[];
  /** Sum of the item ranges before the indicator's cap. */
  rawRange: { min: number; max: number };
  range: { min: number; max: number };
  rawPoints: number | null;
  points: number | null;
}

export interface HnteScoreResult {
  pass: boolean | null;
  /** Input paths of the scores still to be given by the experts. */
  unscored: string[];
  total: number | null;
  ipRaw: number | null;
  minTotal: number;
  maxTotal: number;
  /** The best achievable total reaches 71. */
  canPass: boolean;
  /** Even the lowest achievable total reaches 71. */
  certainPass: boolean;
  indicators: ScoreIndicator[];
  criteria: Criterion[];
}

// Band tables carry extra data (growth thresholds as rationals); items expose only band, range and label.
const bandViews = new WeakMap<readonly ScoreBand[], readonly ScoreBand[]>();
function view(bands: readonly ScoreBand[]): readonly ScoreBand[] {
  let v = bandViews.get(bands);
  if (!v) {
    v = bands.map(({ band, min, max, label }) => ({ band, min, max, label }));
    bandViews.set(bands, v);
  }
  return v;
}

// The highest points of a band table, computed once per table (every item of every assessment asks).
const bandMaxima = new WeakMap<readonly ScoreBand[], number>();
function maxOf(bands: readonly ScoreBand[]): number {
  let max = bandMaxima.get(bands);
  if (max === undefined) {
    max = Math.max(...bands.map((b) => b.max));
    bandMaxima.set(bands, max);
  }
  return max;
}

// Fixed titles, built once and shared by every result (results are read-only data).
const TITLES = {
  count: words('知识产权数量', 'Number of IP rights'),
  acquisition: words('知识产权获得方式', 'How the IP was obtained'),
  ip: words('知识产权', 'Intellectual property'),
  advanced: words('技术的先进程度', 'How advanced the technology is'),
  coreSupport: words(
    '对主要产品（服务）在技术上发挥核心支持作用',
    'Core support to the main products (services)',
  ),
  standards: words(
    '参与编制国家标准、行业标准、检测方法、技术规范（加分项）',
    'Took part in national/industry standards, test methods, specifications (bonus)',
  ),
  transformation: words('科技成果转化能力', 'Conversion of S&T achievements'),
  rdManagement: words('研究开发组织管理水平', 'R&D organisation and management'),
  growth: words('企业成长性', 'Growth'),
  netAssets: words('净资产增长率', 'Net-asset growth'),
  sales: words('销售收入增长率', 'Sales growth'),
  noIp: words('无知识产权', 'No IP'),
} as const;

/** Where an item's points go in the input. */
function inputPathOf(id: string): string {
  if (id.startsWith('rdManagement.')) return id;
  if (id === 'growth.netAssets') return 'growth.netAssetsPoints';
  if (id === 'growth.sales') return 'growth.salesPoints';
  return `${id}.points`;
}

function judgedItem(
  id: string,
  title: Bilingual,
  bands: readonly ScoreBand[],
  given: { band: string; points?: number | undefined } | undefined,
  fallback: { min: number; max: number },
): ScoreItem {
  const max = maxOf(bands);
  if (!given)
    return {
      id,
      input: inputPathOf(id),
      title,
      max,
      band: null,
      bandSource: null,
      bands: view(bands),
      range: fallback,
      points: null,
      basis: null,
    };
  const band = findBand(bands, given.band);
  // A band whose range is a single value (E 无 = 0) needs no expert score.
  const points = given.points ?? (band.min === band.max ? band.min : null);
  return {
    id,
    input: inputPathOf(id),
    title,
    max,
    band: band.band,
    bandSource: 'expert',
    bands: view(bands),
    range: points === null ? { min: band.min, max: band.max } : { min: points, max: points },
    points,
    basis: band.label,
  };
}

function computedItem(
  id: string,
  title: Bilingual,
  bands: readonly ScoreBand[],
  band: ScoreBand,
  points: number | undefined,
  basis: Bilingual,
  interpretation?: string,
): ScoreItem {
  const max = maxOf(bands);
  const p = points ?? (band.min === band.max ? band.min : null);
  return {
    id,
    input: inputPathOf(id),
    title,
    max,
    band: band.band,
    bandSource: 'data',
    bands: view(bands),
    range: p === null ? { min: band.min, max: band.max } : { min: p, max: p },
    points: p,
    basis,
    ...(interpretation ? { interpretation } : {}),
  };
}

function unknownItem(id: string, title: Bilingual, bands: readonly ScoreBand[]): ScoreItem {
  const max = maxOf(bands);
  return {
    id,
    input: inputPathOf(id),
    title,
    max,
    band: null,
    bandSource: null,
    bands: view(bands),
    range: { min: 0, max },
    points: null,
    basis: null,
  };
}

function indicator(
  id: ScoreIndicator['id'],
  title: Bilingual,
  items: ScoreItem[],
  cap: number,
): ScoreIndicator {
  const rawMin = items.reduce((s, i) => s + i.range.min, 0);
  const rawMax = items.reduce((s, i) => s + i.range.max, 0);
  const known = items.every((i) => i.points !== null);
  const rawPoints = known ? items.reduce((s, i) => s + (i.points ?? 0), 0) : null;
  return {
    id,
    title,
    max: cap,
    items,
    rawRange: { min: rawMin, max: rawMax },
    range: { min: Math.min(cap, rawMin), max: Math.min(cap, rawMax) },
    rawPoints,
    points: rawPoints === null ? null : Math.min(cap, rawPoints),
  };
}

function ipIndicator(input: HnteScoreInput): ScoreIndicator {
  const { ip } = input;
  const noIp = ip.count !== undefined && ip.count.countI + ip.count.countII === 0;
  const countItem = ip.count
    ? computedItem(
        'ip.count',
        TITLES.count,
        IP_COUNT_BANDS,
        findBand(IP_COUNT_BANDS, ipCountBand(ip.count.countI, ip.count.countII)),
        ip.count.points,
        words(
          `Ⅰ类 ${ip.count.countI} 项，Ⅱ类 ${ip.count.countII} 项`,
          `class Ⅰ: ${ip.count.countI}, class Ⅱ: ${ip.count.countII}`,
        ),
      )
    : unknownItem('ip.count', TITLES.count, IP_COUNT_BANDS);
  const acquisitionTitle = TITLES.acquisition;
  const acquisition = noIp
    ? {
        ...unknownItem('ip.acquisition', acquisitionTitle, IP_ACQUISITION_BANDS),
        range: { min: 0, max: 0 },
        points: 0,
        basis: TITLES.noIp,
        interpretation: 'I-05',
      }
    : judgedItem('ip.acquisition', acquisitionTitle, IP_ACQUISITION_BANDS, ip.acquisition, {
        min: 0,
        max: 6,
      });
  return indicator(
    'ip',
    TITLES.ip,
    [
      judgedItem('ip.advanced', TITLES.advanced, IP_ADVANCED_BANDS, ip.advanced, { min: 0, max: 8 }),
      judgedItem('ip.coreSupport', TITLES.coreSupport, IP_SUPPORT_BANDS, ip.coreSupport, { min: 0, max: 8 }),
      countItem,
      acquisition,
      judgedItem('ip.standards', TITLES.standards, IP_STANDARDS_BANDS, ip.standards, { min: 0, max: 2 }),
    ],
    IP_MAX,
  );
}

function transformationIndicator(input: HnteScoreInput): ScoreIndicator {
  const title = TITLES.transformation;
  const t = input.transformation;
  if (!t)
    return indicator(
      'transformation',
      title,
      [unknownItem('transformation', title, TRANSFORMATION_BANDS)],
      INDICATOR_MAX.transformation,
    );
  const average = Rational.of(t.conversions, t.years);
  const band = findBand(TRANSFORMATION_BANDS, transformationBand(average));
  const inBetween = average.sign() > 0 && average.lt(Rational.ONE);
  const item = computedItem(
    'transformation',
    title,
    TRANSFORMATION_BANDS,
    band,
    t.points,
    words(
      `${t.years} 年共 ${t.conversions} 项，年均 ${average.toDecimal(4)} 项`,
      `${t.conversions} in ${t.years} year(s), ${average.toDecimal(4)} a year`,
    ),
    inBetween ? 'I-06' : t.years < 3 ? 'I-02' : undefined,
  );
  return indicator('transformation', title, [item], INDICATOR_MAX.transformation);
}

/** 研究开发组织管理水平 has no official bands: one open range per item, for forms. */
const RD_MANAGEMENT_BANDS = new Map<string, readonly ScoreBand[]>(
  RD_MANAGEMENT_ITEMS.map((def) => [
    def.id,
    [{ band: '-', min: 0, max: def.max, label: words('专家综合评价', 'expert judgement') }],
  ]),
);

function rdManagementIndicator(input: HnteScoreInput): ScoreIndicator {
  const items: ScoreItem[] = RD_MANAGEMENT_ITEMS.map((def) => {
    const p = input.rdManagement[def.id];
    const bands = RD_MANAGEMENT_BANDS.get(def.id) ?? [];
    return {
      id: `rdManagement.${def.id}`,
      input: `rdManagement.${def.id}`,
      title: def.label,
      max: def.max,
      band: null,
      bandSource: null,
      bands,
      range: p === undefined ? { min: 0, max: def.max } : { min: p, max: p },
      points: p ?? null,
      basis: null,
    };
  });
  return indicator('rdManagement', TITLES.rdManagement, items, INDICATOR_MAX.rdManagement);
}

function growthItem(
  id: string,
  title: Bilingual,
  series: readonly bigint[] | undefined,
  points: number | undefined,
): ScoreItem {
  if (!series || series.length === 0) return unknownItem(id, title, GROWTH_BANDS);
  const outcome = growthRate(series);
  const band = findBand(GROWTH_BANDS, growthBand(outcome.kind === 'rate' ? outcome.rate : null));
  const interpretation = outcome.kind === 'missing' ? undefined : outcome.interpretation;
  return computedItem(id, title, GROWTH_BANDS, band, points, describeGrowth(outcome), interpretation);
}

function growthIndicator(input: HnteScoreInput, derived: GrowthSeries): ScoreIndicator {
  const g = input.growth;
  return indicator(
    'growth',
    TITLES.growth,
    [
      growthItem(
        'growth.netAssets',
        TITLES.netAssets,
        g.netAssetsFen ?? derived.netAssets,
        g.netAssetsPoints,
      ),
      growthItem('growth.sales', TITLES.sales, g.salesFen ?? derived.sales, g.salesPoints),
    ],
    INDICATOR_MAX.growth,
  );
}

/** Growth rate of a series as an exact fraction and percentage (for reports). */
export function growthFigures(series: readonly bigint[]): {
  rate: string | null;
  ratePct: string | null;
  band: string;
} {
  const outcome = growthRate(series);
  const rate = outcome.kind === 'rate' ? outcome.rate : null;
  return { rate: rate?.toString() ?? null, ratePct: rate?.toPercent(4) ?? null, band: growthBand(rate) };
}

const SCORE_DEF: CriterionDef = {
  id: 'innovation-score',
  title: words('企业创新能力评价综合得分', 'Innovation-capability total score'),
  required: words(
    '综合得分 70 分以上（不含 70 分），即 ≥ 71 分',
    'Total above 70 points (70 excluded), i.e. ≥ 71',
  ),
  citation: cite(
    DOCS.hnteGuide,
    '三（七）企业创新能力评价（各级指标均按整数打分，综合得分达到70分以上（不含70分））',
  ),
};

export function scoreHnte(input: HnteScoreInput, derived: GrowthSeries = {}): HnteScoreResult {
  const indicators = [
    ipIndicator(input),
    transformationIndicator(input),
    rdManagementIndicator(input),
    growthIndicator(input, derived),
  ];
  const minTotal = indicators.reduce((s, i) => s + i.range.min, 0);
  const maxTotal = indicators.reduce((s, i) => s + i.range.max, 0);
  const known = indicators.every((i) => i.points !== null);
  const total = known ? indicators.reduce((s, i) => s + (i.points ?? 0), 0) : null;
  const unscored: string[] = [];
  for (const indicator of indicators)
    for (const item of indicator.items) if (item.points === null) unscored.push(item.input);
  const criterion = scoreCriterion({ min: minTotal, max: maxTotal, unscored }, SCORE_DEF);
  return {
    pass: criterion.pass,
    unscored,
    total,
    ipRaw: indicators[0]?.rawPoints ?? null,
    minTotal,
    maxTotal,
    canPass: maxTotal >= HNTE_SCORE_PASS,
    certainPass: minTotal >= HNTE_SCORE_PASS,
    indicators,
    criteria: [criterion],
  };
}
