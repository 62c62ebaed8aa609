/**
 * A small exact rational number (bigint numerator / positive bigint denominator, always reduced).
 *
 * Official thresholds ("不低于10%", "≥35%", "50%（不含）以上") are compared with this type so that no
 * IEEE-754 rounding can move an enterprise across a band edge: 0.5 × (1150000/1000000 + 1322500/1150000) − 1
 * is exactly 3/20 here, while floating point gives 0.1499999999999999.
 */

export type RoundingMode = 'floor' | 'ceil' | 'half-up';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    // Once both fit in a double's 53-bit mantissa, `%` on numbers is exact and far cheaper than on bigints.
    if (x <= MAX_SAFE && y <= MAX_SAFE) return BigInt(gcdSafe(Number(x), Number(y)));
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Euclid on non-negative safe integers. */
function gcdSafe(x: number, y: number): number {
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/** 10^n as bigint (cached for the small exponents used in formatting). */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** Integer division of n by positive d, rounded as asked. */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  switch (mode) {
    case 'floor':
      return n < 0n ? q - 1n : q;
    case 'ceil':
      return n < 0n ? q : q + 1n;
    case 'half-up': {
      // Half away from zero, the usual rounding of amounts and percentages in official tables.
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= d) return n < 0n ? q - 1n : q + 1n;
      return q;
    }
  }
}

const PERCENTS: (Rational | undefined)[] = [];

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** n / d, reduced. Numbers must be safe integers; d must not be zero. */
  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let num = toBigInt(n, 'numerator');
    let den = toBigInt(d, 'denominator');
    if (den === 0n) throw new RangeError('denominator must not be zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
  }

  /** p %, e.g. `Rational.percent(35)` = 7/20. Accepts a decimal string such as '2.5'. */
  static percent(p: bigint | number | string): Rational {
    if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 200) {
      let cached = PERCENTS[p];
      if (!cached) {
        cached = Rational.of(p, 100);
        PERCENTS[p] = cached;
      }
      return cached;
    }
    const r =
      typeof p === 'string'
        ? Rational.parse(p)
        : typeof p === 'number'
          ? Rational.fromNumber(p)
          : Rational.of(p);
    return r.div(Rational.of(100n));
  }

  /** Exact value of a decimal literal: '12.5', '-0.35', '1e-3'. Throws on anything else. */
  static parse(text: string): Rational {
    const m = DECIMAL.exec(text.trim());
    if (!m) throw new RangeError(`not a decimal number: ${text}`);
    const [, sign, int = '0', frac = '', exp = '0'] = m;
    let num = BigInt(int + frac);
    if (sign === '-') num = -num;
    const scale = frac.length - Number(exp);
    return scale >= 0 ? Rational.of(num, pow10(scale)) : Rational.of(num * pow10(-scale));
  }

  static tryParse(text: string): Rational | null {
    return DECIMAL.test(text.trim()) ? Rational.parse(text) : null;
  }

  /**
   * The decimal a JSON number was written as (its shortest round-trip form), so 12.1 means 121/10 and not
   * the binary double nearest to it. Integers pass through exactly.
   */
  static fromNumber(n: number): Rational {
    if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
    if (Number.isSafeInteger(n)) return new Rational(BigInt(n), 1n);
    return Rational.parse(String(n));
  }

  static min(a: Rational, b: Rational): Rational {
    return a.lte(b) ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.gte(b) ? a : b;
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** −1, 0 or 1 — compared by cross-multiplication, never through a float. */
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Rounded to an integer. */
  round(mode: RoundingMode = 'half-up'): bigint {
    return divRound(this.num, this.den, mode);
  }

  floor(): bigint {
    return divRound(this.num, this.den, 'floor');
  }

  ceil(): bigint {
    return divRound(this.num, this.den, 'ceil');
  }

  /** True when the decimal expansion ends (denominator has only factors 2 and 5). */
  isTerminating(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Decimal text with at most `maxDigits` fraction digits, rounded as asked, trailing zeros removed:
   * 13/250 → '0.052', 21/30.5 → '0.6885' (4 digits).
   */
  toDecimal(maxDigits: number, mode: RoundingMode = 'half-up'): string {
    return formatScaled(divRound(this.num * pow10(maxDigits), this.den, mode), maxDigits, true);
  }

  /** Decimal text with exactly `digits` fraction digits (zeros kept), e.g. '191.11'. */
  toFixed(digits: number, mode: RoundingMode = 'half-up'): string {
    return formatScaled(divRound(this.num * pow10(digits), this.den, mode), digits, false);
  }

  /** The value × 100 as decimal text (≤ maxDigits fraction digits): 13/250 → '5.2'. */
  toPercent(maxDigits = 4, mode: RoundingMode = 'half-up'): string {
    return formatScaled(divRound(this.num * pow10(maxDigits + 2), this.den, mode), maxDigits, true);
  }

  /** 'n/d' (or 'n' for integers) — exact and JSON-friendly. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num.toString()}/${this.den.toString()}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Formats an integer that carries `digits` implied decimals. */
export function formatScaled(scaled: bigint, digits: number, trim: boolean): string {
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const intPart = abs.slice(0, abs.length - digits);
  let frac = digits > 0 ? abs.slice(abs.length - digits) : '';
  if (trim) frac = frac.replace(/0+$/, '');
  const body = frac ? `${intPart}.${frac}` : intPart;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Shorthand: a / b as a rational (b ≠ 0). */
export function ratio(a: bigint | number, b: bigint | number): Rational {
  return Rational.of(a, b);
}
