/**
 * The 100-point table of 科技型中小企业评价 (国科发政〔2017〕115号 第七条): band data and the four indicators, each with
 * its points, the exact ratio and what reaches the next band. Lower band bounds are inclusive ("（含）").
 */
import { FEN_PER_WAN, type Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import {
  DOCS,
  cite,
  missingWords,
  pct,
  persons,
  words,
  yuan,
  type Bilingual,
  type Citation,
} from './criteria.ts';
import type { TsmeInput } from './tsme.contract.ts';

export interface PctBand {
  atLeastPct: number;
  points: number;
}

export const TSME_STAFF_BANDS: readonly PctBand[] = [
  { atLeastPct: 30, points: 20 },
  { atLeastPct: 25, points: 16 },
  { atLeastPct: 20, points: 12 },
  { atLeastPct: 15, points: 8 },
  { atLeastPct: 10, points: 4 },
  { atLeastPct: 0, points: 0 },
];
export const TSME_RD_SALES_BANDS: readonly PctBand[] = [
  { atLeastPct: 6, points: 50 },
  { atLeastPct: 5, points: 40 },
  { atLeastPct: 4, points: 30 },
  { atLeastPct: 3, points: 20 },
  { atLeastPct: 2, points: 10 },
  { atLeastPct: 0, points: 0 },
];
export const TSME_RD_COST_BANDS: readonly PctBand[] = [
  { atLeastPct: 30, points: 50 },
  { atLeastPct: 25, points: 40 },
  { atLeastPct: 20, points: 30 },
  { atLeastPct: 15, points: 20 },
  { atLeastPct: 10, points: 10 },
  { atLeastPct: 0, points: 0 },
];
/** 科技成果: ≥1 Ⅰ类 → 30; Ⅱ类 ≥4 → 24, 3 → 18, 2 → 12, 1 → 6; none → 0. */
export function tsmeIpPoints(countI: number, countII: number): number {
  if (countI >= 1) return 30;
  if (countII >= 4) return 24;
  return countII * 6;
}

export const TSME_PASS = 60;
export const TSME_MAX_EMPLOYEES = 500;
export const TSME_MAX_SALES_FEN: Fen = 20_000n * FEN_PER_WAN;
export const TSME_MAX_ASSETS_FEN: Fen = 20_000n * FEN_PER_WAN;

export const T = DOCS.tsme;

export interface TsmeIndicator {
  id: 'staff' | 'rdBySales' | 'rdByCost' | 'ip';
  title: Bilingual;
  points: number | null;
  ratioPct: string | null;
  actual: Bilingual;
  /** What reaches the next band, when there is one. */
  next: { points: number; needs: Bilingual } | null;
  citation: Citation;
}

export function bandOf(ratio: Rational, bands: readonly PctBand[]): { band: PctBand; next: PctBand | null } {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    if (band && ratio.gte(Rational.percent(band.atLeastPct)))
      return { band, next: i > 0 ? (bands[i - 1] ?? null) : null };
  }
  return { band: { atLeastPct: 0, points: 0 }, next: bands[bands.length - 2] ?? null };
}

export function ratioIndicator(
  id: 'rdBySales' | 'rdByCost',
  title: Bilingual,
  rd: Fen | undefined,
  base: Fen | undefined,
  baseName: Bilingual,
  bands: readonly PctBand[],
  article: string,
): TsmeIndicator {
  const citation = cite(T, article);
  if (rd === undefined || base === undefined) {
    return {
      id,
      title,
      points: null,
      ratioPct: null,
      actual: missingWords([
        rd === undefined ? 'rdExpenseFen' : id === 'rdBySales' ? 'salesRevenueFen' : 'totalCostFen',
      ]),
      next: null,
      citation,
    };
  }
  if (base === 0n)
    return {
      id,
      title,
      points: 0,
      ratioPct: null,
      actual: words(`${baseName.zh}为零，本项按0分`, `${baseName.en} is zero: 0 points`),
      next: null,
      citation,
    };
  const ratio = Rational.of(rd, base);
  const { band, next } = bandOf(ratio, bands);
  const actual = words(
    `研发费用 ${yuan(rd)} ÷ ${baseName.zh} ${yuan(base)} = ${pct(ratio)}%`,
    `R&D ${yuan(rd)} ÷ ${baseName.en} ${yuan(base)} = ${pct(ratio)} %`,
  );
  if (!next) return { id, title, points: band.points, ratioPct: pct(ratio), actual, next: null, citation };
  // R&D is part of total costs, so extra R&D raises both; against sales it raises the numerator only.
  const target = Rational.percent(next.atLeastPct);
  const short = Rational.of(base).mul(target).sub(Rational.of(rd));
  const needed = (id === 'rdBySales' ? short : short.div(Rational.ONE.sub(target))).ceil();
  return {
    id,
    title,
    points: band.points,
    ratioPct: pct(ratio),
    actual,
    next: {
      points: next.points,
      needs: words(
        `研发费用再增加 ${yuan(needed)} 可得 ${next.points} 分`,
        `${yuan(needed)} more R&D gives ${next.points} points`,
      ),
    },
    citation,
  };
}

export function staffIndicator(input: TsmeInput): TsmeIndicator {
  const title = words('科技人员数占企业职工总数的比例', 'Tech staff ÷ all staff');
  const citation = cite(T, '第七条（一）；第九条');
  const { techStaff: tech, employees: total } = input;
  if (!tech || !total)
    return {
      id: 'staff',
      title,
      points: null,
      ratioPct: null,
      actual: missingWords([...(tech ? [] : ['techStaff']), ...(total ? [] : ['employees'])]),
      next: null,
      citation,
    };
  if (total.isZero())
    return {
      id: 'staff',
      title,
      points: 0,
      ratioPct: null,
      actual: words('职工总数为 0', 'No staff'),
      next: null,
      citation,
    };
  const ratio = tech.div(total);
  const { band, next } = bandOf(ratio, TSME_STAFF_BANDS);
  const actual = words(
    `${persons(tech)} 人 ÷ ${persons(total)} 人 = ${pct(ratio)}%`,
    `${persons(tech)} ÷ ${persons(total)} = ${pct(ratio)} %`,
  );
  if (!next)
    return { id: 'staff', title, points: band.points, ratioPct: pct(ratio), actual, next: null, citation };
  const more = total.mul(Rational.percent(next.atLeastPct)).sub(tech).ceil();
  return {
    id: 'staff',
    title,
    points: band.points,
    ratioPct: pct(ratio),
    actual,
    next: {
      points: next.points,
      needs: words(
        `科技人员再增加 ${more.toString()} 人（职工总数不变）可得 ${next.points} 分`,
        `${more.toString()} more tech staff (same total) gives ${next.points} points`,
      ),
    },
    citation,
  };
}

export function ipIndicator(input: TsmeInput): TsmeIndicator {
  const title = words(
    '企业拥有的在有效期内的与主要产品（或服务）相关的知识产权',
    'IP in force related to the main products',
  );
  const citation = cite(T, '第七条（三）');
  if (input.ipI === undefined || input.ipII === undefined) {
    return {
      id: 'ip',
      title,
      points: null,
      ratioPct: null,
      actual: missingWords([
        ...(input.ipI === undefined ? ['ipI'] : []),
        ...(input.ipII === undefined ? ['ipII'] : []),
      ]),
      next: null,
      citation,
    };
  }
  const points = tsmeIpPoints(input.ipI, input.ipII);
  const actual = words(
    `Ⅰ类 ${input.ipI} 项，Ⅱ类 ${input.ipII} 项`,
    `class Ⅰ: ${input.ipI}, class Ⅱ: ${input.ipII}`,
  );
  const next =
    points >= 30
      ? null
      : points >= 24
        ? {
            points: 30,
            needs: words('再获得 1 项Ⅰ类知识产权可得 30 分', 'One class Ⅰ right gives 30 points'),
          }
        : {
            points: points + 6,
            needs: words(
              `再获得 1 项Ⅱ类知识产权可得 ${points + 6} 分（或 1 项Ⅰ类得 30 分）`,
              `One more class Ⅱ right gives ${points + 6} points (one class Ⅰ gives 30)`,
            ),
          };
  return { id: 'ip', title, points, ratioPct: null, actual, next, citation };
}
