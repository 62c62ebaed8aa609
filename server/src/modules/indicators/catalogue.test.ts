import { describe, expect, it } from 'vitest';
import { CATALOGUE, type CatalogueEntry } from './catalogue.data.ts';
import { loadCatalogue } from './catalogue.ts';
import { isQueryName } from './indicators.queries.ts';
import { REPORTED_2017, TARGETS_2018 } from './reference.data.ts';

describe('the indicator catalogue', () => {
  it('passes checkCatalogue, names only known queries and orders formulas after their inputs', () => {
    const catalogue = loadCatalogue();
    expect(catalogue.ids.length).toBe(CATALOGUE.length);
    for (const e of CATALOGUE) if (e.drill !== null) expect(isQueryName(e.drill), e.definition.id).toBe(true);
    const order = catalogue.order;
    expect(order.indexOf('patents.invention_per_10k')).toBeGreaterThan(order.indexOf('population.resident'));
    expect(order.indexOf('above_scale.invention_coverage')).toBeGreaterThan(
      order.indexOf('above_scale.count'),
    );
  });

  it('has a definition for every reference target and reported figure', () => {
    const ids = new Set(CATALOGUE.map((e) => e.definition.id));
    for (const t of TARGETS_2018) expect(ids.has(t.indicator), t.indicator).toBe(true);
    for (const r of REPORTED_2017) {
      expect(ids.has(r.indicator), r.indicator).toBe(true);
      expect(CATALOGUE.find((e) => e.definition.id === r.indicator)?.definition.source.kind).toBe('reported');
    }
  });

  it('refuses to load a catalogue with an unknown reference, a cycle or an unknown query', () => {
    const base = CATALOGUE[0]!;
    const formula = (id: string, f: string): CatalogueEntry => ({
      definition: { ...base.definition, id, source: { kind: 'formula', formula: f } },
      drill: null,
    });
    expect(() => loadCatalogue([formula('a.x', 'b.y * 2')])).toThrow(/unknown indicator b\.y/);
    expect(() => loadCatalogue([formula('a.x', 'b.y'), formula('b.y', 'a.x')])).toThrow(/cycle/);
    const unknown: CatalogueEntry = {
      definition: { ...base.definition, source: { kind: 'computed', query: 'no.such_query' } },
      drill: null,
    };
    expect(() => loadCatalogue([unknown])).toThrow(/unknown query no\.such_query/);
  });
});
