/**
 * The formula language of derived indicators: decimal numbers, indicator ids, + − × ÷, unary minus and parentheses,
 * evaluated in exact rational arithmetic ("每万人口发明专利拥有量 = patents.valid_invention / population.resident ×
 * 10000"). Parsing is separate from evaluation so a catalogue can be checked (unknown ids, cycles) before any data.
 */
import { Rational } from '../common/rational.ts';

export type FormulaNode =
  | { type: 'number'; value: string }
  | { type: 'ref'; id: string }
  | { type: 'neg'; operand: FormulaNode }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export class FormulaSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${en} (at ${position})`);
  }
}

type Token =
  | { kind: 'number'; text: string; at: number }
  | { kind: 'ref'; text: string; at: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '(' | ')'; at: number }
  | { kind: 'end'; at: number };

/** Indicator ids: lower-case words joined by `.` or `_`, e.g. `patents.valid_invention`. */
export const INDICATOR_ID = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const ref = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/.exec(text.slice(i));
    if (ref) {
      tokens.push({ kind: 'ref', text: ref[0], at: i });
      i += ref[0].length;
      continue;
    }
    const op = c === '×' ? '*' : c === '÷' ? '/' : c === '−' ? '-' : c;
    if (op === '+' || op === '-' || op === '*' || op === '/' || op === '(' || op === ')') {
      tokens.push({ kind: 'op', text: op, at: i });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(i, `无法识别的字符“${c}”`, `unexpected character "${c}"`);
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

/** Parses a formula; a syntax error names the position and what was expected. */
export function parseFormula(text: string): FormulaNode {
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p]!;
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.text);

  function primary(): FormulaNode {
    const t = peek();
    if (t.kind === 'number') {
      p++;
      return { type: 'number', value: t.text };
    }
    if (t.kind === 'ref') {
      p++;
      return { type: 'ref', id: t.text };
    }
    if (isOp(t, '-')) {
      p++;
      return { type: 'neg', operand: primary() };
    }
    if (isOp(t, '(')) {
      p++;
      const inner = sum();
      if (!isOp(peek(), ')')) throw new FormulaSyntaxError(peek().at, '缺少右括号', 'missing ")"');
      p++;
      return inner;
    }
    throw new FormulaSyntaxError(
      t.at,
      t.kind === 'end' ? '公式不完整' : '此处应为数字、指标或括号',
      t.kind === 'end' ? 'the formula ends too early' : 'expected a number, an indicator or "("',
    );
  }

  function product(): FormulaNode {
    let left = primary();
    while (isOp(peek(), '*', '/')) {
      const op = (peek() as { text: '*' | '/' }).text;
      p++;
      left = { type: 'binary', op, left, right: primary() };
    }
    return left;
  }

  function sum(): FormulaNode {
    let left = product();
    while (isOp(peek(), '+', '-')) {
      const op = (peek() as { text: '+' | '-' }).text;
      p++;
      left = { type: 'binary', op, left, right: product() };
    }
    return left;
  }

  const tree = sum();
  if (peek().kind !== 'end')
    throw new FormulaSyntaxError(peek().at, '公式在此处多出内容', 'unexpected text after the formula');
  return tree;
}

/** The indicator ids a formula reads, each once, in order of first use. */
export function references(node: FormulaNode, into: string[] = []): string[] {
  switch (node.type) {
    case 'ref':
      if (!into.includes(node.id)) into.push(node.id);
      break;
    case 'neg':
      references(node.operand, into);
      break;
    case 'binary':
      references(node.left, into);
      references(node.right, into);
      break;
    case 'number':
      break;
  }
  return into;
}

export type FormulaValue =
  | { ok: true; value: Rational }
  /** Inputs without a value: the figure is missing, never zero. */
  | { ok: false; reason: 'missing'; missing: string[] }
  | { ok: false; reason: 'division-by-zero'; divisor: string };

/** Evaluates exactly; a missing input makes the result missing (listing every missing id). */
export function evaluateFormula(
  node: FormulaNode,
  values: ReadonlyMap<string, Rational | null>,
): FormulaValue {
  const missing = references(node).filter((id) => (values.get(id) ?? null) === null);
  if (missing.length > 0) return { ok: false, reason: 'missing', missing };
  let zeroDivisor: string | null = null;
  const walk = (n: FormulaNode): Rational => {
    switch (n.type) {
      case 'number':
        return Rational.parse(n.value);
      case 'ref':
        return values.get(n.id)!;
      case 'neg':
        return walk(n.operand).neg();
      case 'binary': {
        const left = walk(n.left);
        const right = walk(n.right);
        if (n.op === '+') return left.add(right);
        if (n.op === '-') return left.sub(right);
        if (n.op === '*') return left.mul(right);
        if (right.isZero()) {
          zeroDivisor ??= formulaText(n.right);
          return Rational.ZERO;
        }
        return left.div(right);
      }
    }
  };
  const value = walk(node);
  if (zeroDivisor !== null) return { ok: false, reason: 'division-by-zero', divisor: zeroDivisor };
  return { ok: true, value };
}

/** The formula written back in a normal form, with × and ÷ as officials read them. */
export function formulaText(node: FormulaNode, parentPrecedence = 0): string {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'ref':
      return node.id;
    case 'neg':
      return `-${formulaText(node.operand, 3)}`;
    case 'binary': {
      const precedence = node.op === '+' || node.op === '-' ? 1 : 2;
      const symbol = { '+': '+', '-': '−', '*': '×', '/': '÷' }[node.op];
      const text = `${formulaText(node.left, precedence)} ${symbol} ${formulaText(node.right, precedence + 1)}`;
      return precedence < parentPrecedence ? `(${text})` : text;
    }
  }
}
