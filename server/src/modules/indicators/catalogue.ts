/** The checked catalogue: loaded once, refusing to start when a definition is wrong or a query is unknown. */
import { checkCatalogue, type CheckedCatalogue } from '@jinke/core/indicators/catalogue.ts';
import { CATALOGUE, type CatalogueEntry } from './catalogue.data.ts';
import { isQueryName } from './indicators.queries.ts';

export interface LoadedCatalogue extends CheckedCatalogue {
  entries: Map<string, CatalogueEntry>;
  /** Ids in the catalogue's order, as the dashboard lists them. */
  ids: string[];
}

let shipped: LoadedCatalogue | undefined;

/** The shipped catalogue is checked on first use and kept; another list (tests) is checked each time. */
export function loadCatalogue(entries: readonly CatalogueEntry[] = CATALOGUE): LoadedCatalogue {
  if (entries === CATALOGUE) return (shipped ??= checkEntries(CATALOGUE));
  return checkEntries(entries);
}

function checkEntries(entries: readonly CatalogueEntry[]): LoadedCatalogue {
  const checked = checkCatalogue(entries.map((e) => e.definition));
  if (!checked.ok) {
    throw new Error(
      `indicator catalogue: ${checked.problems.map((p) => `${p.indicator}: ${p.en}`).join('; ')}`,
    );
  }
  for (const e of entries) {
    const source = e.definition.source;
    if (source.kind === 'computed' && !isQueryName(source.query))
      throw new Error(`indicator catalogue: ${e.definition.id}: unknown query ${source.query}`);
  }
  return {
    ...checked.catalogue,
    entries: new Map(entries.map((e) => [e.definition.id, e])),
    ids: entries.map((e) => e.definition.id),
  };
}
