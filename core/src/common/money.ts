/**
 * Money as an integer number of 分 (0.01 元).
 *
 * Choice: arithmetic uses `bigint` 分, so products and sums used in threshold tests (Σ sales × 5 %, v2² …)
 * never overflow or round. At the JSON boundary an amount is a safe-integer number of 分 (up to
 * 9,007,199,254,740,991 分 ≈ 90 万亿元, far above any enterprise figure) or a text with its unit
 * (`¥312,400.00`, `312.4万元`, `1.5亿元`) parsed exactly here. Officials' formats come out of `formatYuan` and
 * `formatWan`. No float ever touches an amount.
 */
import { divRound, formatScaled, pow10, type Rational, type RoundingMode } from './rational.ts';

export type Fen = bigint;

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n;
export const FEN_PER_YI = 10_000_000_000n;

/** A safe-integer number (or bigint) of 分 as bigint. */
export function fen(value: number | bigint): Fen {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value))
    throw new RangeError(`an amount in 分 must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** Back to a JSON-safe number of 分; throws rather than lose precision. */
export function toFenNumber(value: Fen): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`amount ${value.toString()} 分 is outside the safe-integer range`);
  return n;
}

export interface MoneyParseError {
  zh: string;
  en: string;
}

export type MoneyParseResult = { ok: true; fen: Fen } | { ok: false; error: MoneyParseError };

const UNITS: Record<string, { scale: bigint; decimals: number }> = {
  元: { scale: FEN_PER_YUAN, decimals: 2 },
  万: { scale: FEN_PER_WAN, decimals: 6 },
  万元: { scale: FEN_PER_WAN, decimals: 6 },
  亿: { scale: FEN_PER_YI, decimals: 10 },
  亿元: { scale: FEN_PER_YI, decimals: 10 },
};

const MONEY = /^([+-])?\s*([¥￥])?\s*([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(元|万元|万|亿元|亿)?$/u;

/**
 * Parses an amount as officials write it: `¥312,400.00`, `312400元`, `312.4万元`, `312.4万`, `1.5亿元`, `-¥5.00`.
 * The unit is required (a `¥` sign means 元); digits beyond the 分 are refused rather than rounded.
 */
export function parseMoney(text: string): MoneyParseResult {
  const m = MONEY.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      error: {
        zh: `无法识别的金额“${text}”，应如 ¥312,400.00、312400元 或 312.4万元`,
        en: `"${text}" is not an amount; write e.g. ¥312,400.00, 312400元 or 312.4万元`,
      },
    };
  }
  const [, sign1, currency, sign2, intText = '0', frac = '', unitText] = m;
  if (sign1 && sign2) {
    return { ok: false, error: { zh: `金额“${text}”的正负号重复`, en: `"${text}" has two signs` } };
  }
  const unitKey = unitText ?? (currency ? '元' : undefined);
  if (!unitKey) {
    return {
      ok: false,
      error: {
        zh: `金额“${text}”须注明单位（¥、元、万元或亿元）`,
        en: `"${text}" needs a unit (¥, 元, 万元 or 亿元)`,
      },
    };
  }
  const unit = UNITS[unitKey];
  if (!unit)
    return { ok: false, error: { zh: `金额“${text}”单位有误`, en: `"${text}" has an invalid unit` } };
  if (frac.length > unit.decimals) {
    return {
      ok: false,
      error: {
        zh: `金额“${text}”精确到分以下（${unitKey}最多 ${unit.decimals} 位小数）`,
        en: `"${text}" is more precise than 1 分 (at most ${unit.decimals} decimals in ${unitKey})`,
      },
    };
  }
  const digits = intText.replaceAll(',', '') + frac.padEnd(unit.decimals, '0');
  // digits carry `unit.decimals` implied places; scale them to 分.
  const perUnitDecimals = unit.scale / pow10(unit.decimals);
  let value = BigInt(digits) * perUnitDecimals;
  if (sign1 === '-' || sign2 === '-') value = -value;
  return { ok: true, fen: value };
}

/** `parseMoney` that throws a RangeError carrying the English message. */
export function parseMoneyOrThrow(text: string): Fen {
  const r = parseMoney(text);
  if (!r.ok) throw new RangeError(r.error.en);
  return r.fen;
}

function groupThousands(intPart: string): string {
  const head = intPart.length % 3 || 3;
  let out = intPart.slice(0, head);
  for (let i = head; i < intPart.length; i += 3) out += ',' + intPart.slice(i, i + 3);
  return out;
}

/** `¥312,400.00` (negative: `-¥5.00`); `{ symbol: false }` gives `312,400.00`. */
export function formatYuan(value: Fen, options: { symbol?: boolean } = {}): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const body = `${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
  const symbol = options.symbol === false ? '' : '¥';
  return `${negative ? '-' : ''}${symbol}${body}`;
}

/**
 * `312.4万元`: exact (up to 6 decimals, trailing zeros dropped) unless `decimals` asks for rounding
 * (`formatWan(19_111_111n, { decimals: 2 })` → `19.11万元`).
 */
export function formatWan(value: Fen, options: { decimals?: number; mode?: RoundingMode } = {}): string {
  const decimals = options.decimals ?? 6;
  const scaled = divRound(value * pow10(decimals), FEN_PER_WAN, options.mode ?? 'half-up');
  return `${formatScaled(scaled, decimals, true)}万元`;
}

/** `1.5亿元`, exact unless `decimals` is given. */
export function formatYi(value: Fen, options: { decimals?: number; mode?: RoundingMode } = {}): string {
  const decimals = options.decimals ?? 10;
  const scaled = divRound(value * pow10(decimals), FEN_PER_YI, options.mode ?? 'half-up');
  return `${formatScaled(scaled, decimals, true)}亿元`;
}

/** The amount in 元 as a plain decimal string with two places, e.g. '933333.33'. */
export function yuanString(value: Fen): string {
  return formatScaled(value, 2, false);
}

/** An amount times a rational, rounded to the 分 as asked (caps: floor; "还差" gaps: ceil; tax amounts: half-up). */
export function mulFen(value: Fen, factor: Rational, mode: RoundingMode): Fen {
  return divRound(value * factor.num, factor.den, mode);
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}
