/**
 * Input of 企业创新能力评价 (国科发火〔2016〕195号 三（七）). Expert-judged items take a band and, once the expert
 * has scored, an integer inside that band's range. Bands that follow from data (知识产权数量, 成果转化, 成长性) are
 * computed; a score given for them must lie in the computed band. Everything is optional: missing scores widen
 * the achievable range instead of being guessed.
 */
import { z } from 'zod';
import type { Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { growthRate } from './growth.ts';
import {
  GROWTH_BANDS,
  IP_ACQUISITION_BANDS,
  IP_ADVANCED_BANDS,
  IP_COUNT_BANDS,
  IP_STANDARDS_BANDS,
  IP_SUPPORT_BANDS,
  TRANSFORMATION_BANDS,
  findBand,
  growthBand,
  ipCountBand,
  transformationBand,
  type ScoreBand,
} from './hnte-score.bands.ts';
import { conflict, fenAmount, nonNegativeFen, wholeCount } from './schema-parts.ts';

const fiveBand = z.enum(['A', 'B', 'C', 'D', 'E']);
const twoBand = z.enum(['A', 'B']);
const points = z.int().min(0).max(30);

export const hnteScoreShape = {
  ip: z
    .object({
      /** (1) 技术的先进程度 ≤ 8 */
      advanced: z.object({ band: fiveBand, points: points.optional() }).optional(),
      /** (2) 对主要产品（服务）在技术上发挥核心支持作用 ≤ 8 */
      coreSupport: z.object({ band: fiveBand, points: points.optional() }).optional(),
      /** (3) 知识产权数量 ≤ 8 — band computed from the counts. */
      count: z.object({ countI: wholeCount, countII: wholeCount, points: points.optional() }).optional(),
      /** (4) 知识产权获得方式 ≤ 6 */
      acquisition: z.object({ band: twoBand, points: points.optional() }).optional(),
      /** (5) 参与编制标准等（加分项）≤ 2 */
      standards: z.object({ band: twoBand, points: points.optional() }).optional(),
    })
    .default({}),
  /** 近3年内科技成果转化 total and the years it covers (1–3; fewer when operating < 3 years). */
  transformation: z
    .object({ conversions: wholeCount, years: z.int().min(1).max(3), points: points.optional() })
    .optional(),
  rdManagement: z
    .object({
      system: z.int().min(0).max(6).optional(),
      institution: z.int().min(0).max(6).optional(),
      transformation: z.int().min(0).max(4).optional(),
      talent: z.int().min(0).max(4).optional(),
    })
    .default({}),
  growth: z
    .object({
      /** Year-end 净资产 of the operating years among the three before application, earliest first. */
      netAssetsFen: z.array(fenAmount).max(3).optional(),
      /** 销售收入 of the same years, earliest first. */
      salesFen: z.array(nonNegativeFen).max(3).optional(),
      netAssetsPoints: points.optional(),
      salesPoints: points.optional(),
    })
    .default({}),
};

type ScoreDraft = z.output<z.ZodObject<typeof hnteScoreShape>>;

interface Ctx {
  addIssue(issue: {
    code: 'custom';
    message: string;
    path: PropertyKey[];
    params: Record<string, string>;
  }): void;
}

function checkPoints(
  ctx: Ctx,
  path: PropertyKey[],
  value: number | undefined,
  band: ScoreBand,
  source: 'expert' | 'data',
): void {
  if (value === undefined || (value >= band.min && value <= band.max)) return;
  const how =
    source === 'data' ? { zh: '（按数据计算）', en: ' (computed from the data)' } : { zh: '', en: '' };
  conflict(
    ctx,
    path,
    `应在 ${band.band} 档${how.zh}的 ${band.min}–${band.max} 分之间`,
    `must be between ${band.min} and ${band.max} for band ${band.band}${how.en}`,
    'points_outside_band',
  );
}

/** Growth data the score uses: explicit figures, or those the assessment derives from its year records. */
export interface GrowthSeries {
  netAssets?: readonly Fen[];
  sales?: readonly Fen[];
}

/** `prefix` followed by `p`: the path of a field inside a nested contract. */
function pathAt(prefix: readonly PropertyKey[], ...p: PropertyKey[]): PropertyKey[] {
  return prefix.length === 0 ? p : [...prefix, ...p];
}

export function checkScoreConsistency(
  v: ScoreDraft,
  ctx: Ctx,
  prefix: readonly PropertyKey[] = [],
  derived: GrowthSeries | (() => GrowthSeries) = {},
): void {
  const { ip } = v;
  if (ip.advanced)
    checkPoints(
      ctx,
      pathAt(prefix, 'ip', 'advanced', 'points'),
      ip.advanced.points,
      findBand(IP_ADVANCED_BANDS, ip.advanced.band),
      'expert',
    );
  if (ip.coreSupport)
    checkPoints(
      ctx,
      pathAt(prefix, 'ip', 'coreSupport', 'points'),
      ip.coreSupport.points,
      findBand(IP_SUPPORT_BANDS, ip.coreSupport.band),
      'expert',
    );
  if (ip.count) {
    checkPoints(
      ctx,
      pathAt(prefix, 'ip', 'count', 'points'),
      ip.count.points,
      findBand(IP_COUNT_BANDS, ipCountBand(ip.count.countI, ip.count.countII)),
      'data',
    );
  }
  if (ip.acquisition) {
    if (ip.count && ip.count.countI + ip.count.countII === 0) {
      conflict(
        ctx,
        pathAt(prefix, 'ip', 'acquisition'),
        '无法评分：ip.count 中知识产权数量为 0',
        'cannot be scored: ip.count has no IP',
        'acquisition_without_ip',
      );
    }
    checkPoints(
      ctx,
      pathAt(prefix, 'ip', 'acquisition', 'points'),
      ip.acquisition.points,
      findBand(IP_ACQUISITION_BANDS, ip.acquisition.band),
      'expert',
    );
  }
  if (ip.standards)
    checkPoints(
      ctx,
      pathAt(prefix, 'ip', 'standards', 'points'),
      ip.standards.points,
      findBand(IP_STANDARDS_BANDS, ip.standards.band),
      'expert',
    );
  const t = v.transformation;
  if (t?.points !== undefined) {
    const band = findBand(TRANSFORMATION_BANDS, transformationBand(Rational.of(t.conversions, t.years)));
    checkPoints(ctx, pathAt(prefix, 'transformation', 'points'), t.points, band, 'data');
  }
  if (v.growth.netAssetsPoints === undefined && v.growth.salesPoints === undefined) return;
  // Only growth scores need the derived series, so the assessment passes them lazily.
  const source = typeof derived === 'function' ? derived() : derived;
  const netAssets = v.growth.netAssetsFen ?? source.netAssets;
  const sales = v.growth.salesFen ?? source.sales;
  for (const [series, key] of [
    [netAssets, 'netAssetsPoints'],
    [sales, 'salesPoints'],
  ] as const) {
    const given = v.growth[key];
    if (given === undefined) continue;
    if (!series || series.length === 0) {
      conflict(
        ctx,
        pathAt(prefix, 'growth', key),
        '已评分但缺少对应的年度数据',
        'is given without the yearly figures it rests on',
        'points_without_data',
      );
      continue;
    }
    const outcome = growthRate(series);
    const band = findBand(GROWTH_BANDS, growthBand(outcome.kind === 'rate' ? outcome.rate : null));
    checkPoints(ctx, pathAt(prefix, 'growth', key), given, band, 'data');
  }
}

export const hnteScoreInput = z.object(hnteScoreShape).superRefine((v, ctx) => checkScoreConsistency(v, ctx));

export type HnteScoreInput = z.output<typeof hnteScoreInput>;
export type HnteScoreRawInput = z.input<typeof hnteScoreInput>;
