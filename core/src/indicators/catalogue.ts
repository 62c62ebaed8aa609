/**
 * A set of indicator definitions checked as a whole: ids unique, formulas parse, every formula reads only known
 * indicators, and no indicator depends on itself through others. The order it returns evaluates inputs first.
 */
import {
  indicatorDefinition,
  type IndicatorDefinition,
  type IndicatorDefinitionInput,
} from './definition.contract.ts';
import type { Rational } from '../common/rational.ts';
import {
  evaluateFormula,
  FormulaSyntaxError,
  parseFormula,
  references,
  type FormulaNode,
} from './formula.ts';

export interface CatalogueProblem {
  indicator: string;
  rule: 'invalid' | 'duplicate' | 'syntax' | 'unknown-reference' | 'cycle';
  zh: string;
  en: string;
}

export interface CheckedCatalogue {
  definitions: Map<string, IndicatorDefinition>;
  formulas: Map<string, FormulaNode>;
  /** Every indicator, each after all it reads. */
  order: string[];
}

export type CatalogueCheck =
  { ok: true; catalogue: CheckedCatalogue } | { ok: false; problems: CatalogueProblem[] };

export function checkCatalogue(input: readonly IndicatorDefinitionInput[]): CatalogueCheck {
  const problems: CatalogueProblem[] = [];
  const definitions = new Map<string, IndicatorDefinition>();
  input.forEach((raw, index) => {
    const parsed = indicatorDefinition.safeParse(raw);
    const label = typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push({
        indicator: label,
        rule: 'invalid',
        zh: `定义不完整或有误：${detail}`,
        en: `invalid definition: ${detail}`,
      });
      return;
    }
    if (definitions.has(parsed.data.id)) {
      problems.push({ indicator: label, rule: 'duplicate', zh: '指标编号重复', en: 'the id is used twice' });
      return;
    }
    definitions.set(parsed.data.id, parsed.data);
  });

  const formulas = new Map<string, FormulaNode>();
  for (const def of definitions.values()) {
    if (def.source.kind !== 'formula') continue;
    try {
      const node = parseFormula(def.source.formula);
      formulas.set(def.id, node);
      for (const ref of references(node)) {
        if (!definitions.has(ref)) {
          problems.push({
            indicator: def.id,
            rule: 'unknown-reference',
            zh: `公式引用了未定义的指标 ${ref}`,
            en: `the formula refers to the unknown indicator ${ref}`,
          });
        }
      }
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
      problems.push({
        indicator: def.id,
        rule: 'syntax',
        zh: `公式第 ${error.position + 1} 个字符处：${error.zh}`,
        en: `formula at character ${error.position + 1}: ${error.en}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Depth-first topological order; a grey node met again closes a cycle, reported as its path.
  const order: string[] = [];
  const state = new Map<string, 'grey' | 'black'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 'black') return;
    if (state.get(id) === 'grey') {
      const cycle = [...stack.slice(stack.indexOf(id)), id].join(' → ');
      if (!problems.some((p) => p.rule === 'cycle' && p.indicator === id)) {
        problems.push({
          indicator: id,
          rule: 'cycle',
          zh: `指标循环引用：${cycle}`,
          en: `indicators depend on each other in a cycle: ${cycle}`,
        });
      }
      return;
    }
    state.set(id, 'grey');
    stack.push(id);
    const node = formulas.get(id);
    if (node) for (const ref of references(node)) visit(ref);
    stack.pop();
    state.set(id, 'black');
    order.push(id);
  };
  for (const id of [...definitions.keys()].sort()) visit(id);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalogue: { definitions, formulas, order } };
}

export type IndicatorValue =
  | { ok: true; value: Rational }
  | { ok: false; reason: 'missing'; missing: string[] }
  | { ok: false; reason: 'division-by-zero'; divisor: string };

/**
 * Values of every indicator for one period and breakdown cell: `base` holds the computed and reported figures
 * (null or absent = not available); formulas are evaluated in dependency order. A formula over a missing input is
 * missing and names the inputs that are, down to the base figures.
 */
export function computeIndicators(
  catalogue: CheckedCatalogue,
  base: ReadonlyMap<string, Rational | null>,
): Map<string, IndicatorValue> {
  const out = new Map<string, IndicatorValue>();
  const known = new Map<string, Rational | null>();
  for (const id of catalogue.order) {
    const node = catalogue.formulas.get(id);
    let value: IndicatorValue;
    if (!node) {
      const figure = base.get(id) ?? null;
      value = figure === null ? { ok: false, reason: 'missing', missing: [id] } : { ok: true, value: figure };
    } else {
      const result = evaluateFormula(node, known);
      if (result.ok || result.reason === 'division-by-zero') value = result;
      else {
        const roots = new Set<string>();
        for (const ref of result.missing) {
          const inner = out.get(ref);
          for (const root of inner && !inner.ok && inner.reason === 'missing' ? inner.missing : [ref])
            roots.add(root);
        }
        value = { ok: false, reason: 'missing', missing: [...roots] };
      }
    }
    out.set(id, value);
    known.set(id, value.ok ? value.value : null);
  }
  return out;
}
