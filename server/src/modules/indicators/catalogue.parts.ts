/** The pieces the catalogue files are written with: the entry type, units and the two common entry shapes. */
import type { IndicatorDefinitionInput } from '@jinke/core/indicators/definition.contract.ts';
import type { QueryName } from './indicators.queries.ts';

export interface CatalogueEntry {
  definition: IndicatorDefinitionInput;
  /** The rows behind the figure: for a count its records, for a coverage the enterprises not covered. */
  drill: QueryName | null;
  /** What the drill-down lists. */
  list?: { zh: string; en: string };
}

export const SUMMARY = '晋科〔2018〕11号';

export const computed = (query: QueryName) => ({ kind: 'computed' as const, query });

export const units = {
  count: { zh: '个', en: 'count' },
  firms: { zh: '家', en: 'enterprises' },
  patents: { zh: '件', en: 'patents' },
  items: { zh: '项', en: 'items' },
  people: { zh: '人', en: 'persons' },
  teams: { zh: '个', en: 'teams' },
  times: { zh: '次', en: 'times' },
  percent: { zh: '%', en: '%' },
  tenThousandYuan: { zh: '万元', en: '10,000 yuan' },
  hundredMillionYuan: { zh: '亿元', en: '100 million yuan' },
  rank: { zh: '位', en: 'rank' },
} as const;

type Text = { zh: string; en: string };

/** A figure counted by a named query, whose drill-down lists the same rows, broken down by town. */
export function counted(
  query: QueryName,
  name: Text,
  unit: Text,
  period: 'year' | 'year-end',
  citation: string,
  published = false,
): CatalogueEntry {
  return {
    definition: {
      id: query,
      name,
      unit,
      source: computed(query),
      period,
      breakdowns: ['town'],
      citation,
      published,
    },
    drill: query,
  };
}

export interface Department {
  zh: string;
  en: string;
  /** Outside the bureau: its figure is entered with the department's document attached. */
  external: boolean;
}

/** A figure a department reports for the year, county-wide, with its document attached when external. */
export function reported(
  id: string,
  name: Text,
  unit: Text,
  department: Department,
  citation: string,
  options: { decimals?: number; period?: 'year' | 'year-end'; published?: boolean } = {},
): CatalogueEntry {
  return {
    definition: {
      id,
      name,
      unit,
      decimals: options.decimals ?? 0,
      source: {
        kind: 'reported',
        department: { zh: department.zh, en: department.en },
        attachmentRequired: department.external,
      },
      period: options.period ?? 'year',
      citation,
      published: options.published ?? false,
    },
    drill: null,
  };
}
