/**
 * Contracts of the public open-data page (指标公开数据): the county-wide figures of the indicators the bureau
 * publishes (`published: true` in the catalogue), for one year, without signing in. Nothing else of the dashboard
 * is public: no unpublished indicator, no town breakdown, no target, no note or recorder of a reported figure.
 *
 * Values are exact as on the dashboard: `value` is a reduced fraction ("14350000/2091837") or an integer, `display`
 * the same value rounded to the indicator's decimals; both are null when an input is missing (`missing` says why).
 * The CSV download (`OPEN_DATA_CSV_COLUMNS`) carries the same fields, one row per indicator.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { indicatorId } from './definition.contract.ts';

const text = z.object({ zh: z.string(), en: z.string() });

/** A year as the public writes it in a link: four digits, 1980–2100 (the dashboard's range). */
const publicYear = z
  .string()
  .refine(
    (v) => /^\d{4}$/.test(v),
    bilingual('应为四位年份，如 2017', 'must be a four-digit year such as 2017', 'year'),
  )
  .transform(Number)
  .refine(
    (y) => y >= 1980 && y <= 2100,
    bilingual('应在 1980–2100 之间', 'must be between 1980 and 2100', 'year'),
  );

export const openDataQuery = z.object({ year: publicYear.optional() });
export type OpenDataQuery = z.output<typeof openDataQuery>;

export const openDataItem = z.object({
  /** Stable id of the indicator ("patents.grants"): the same in every year and in the CSV. */
  id: indicatorId,
  name: text,
  unit: text,
  decimals: z.int(),
  /** How the figure is obtained: counted from the registry, derived by a formula, or reported by a department. */
  source: z.enum(['computed', 'formula', 'reported']),
  /** `year`: a flow over the calendar year; `year-end`: a stock on 31 December. */
  period: z.enum(['year', 'year-end']),
  value: z.string().nullable(),
  display: z.string().nullable(),
  /** Why there is no figure: an input is not yet available, or a divisor is zero; null when there is one. */
  missing: z.enum(['missing', 'division-by-zero']).nullable(),
  /** The day the figure stands at (YYYY-MM-DD). */
  asOf: z.string(),
  /** The formula as officials read it, or the named registry query. */
  formula: z.string(),
  /** The document and article that define the figure. */
  citation: z.string(),
  /** When the figure was computed or reported (ISO 8601). */
  dataTime: z.string(),
});
export type OpenDataItem = z.output<typeof openDataItem>;

export const openDataResponse = z.object({
  year: z.number(),
  /** Every year with figures, ascending. */
  years: z.array(z.number()),
  publisher: text,
  /** The terms on which the figures may be reused. */
  licence: text,
  items: z.array(openDataItem),
});
export type OpenDataResponse = z.output<typeof openDataResponse>;

/** The CSV header, in order: stable column names (a new column is only ever appended). */
export const OPEN_DATA_CSV_COLUMNS = [
  'indicator_id',
  'year',
  'name_zh',
  'name_en',
  'value',
  'display',
  'unit_zh',
  'unit_en',
  'decimals',
  'source',
  'period',
  'as_of',
  'missing',
  'formula',
  'citation',
  'data_time',
] as const;
export type OpenDataCsvColumn = (typeof OPEN_DATA_CSV_COLUMNS)[number];

/** One CSV row of an item, keyed by column. */
export function openDataCsvRow(year: number, item: OpenDataItem): Record<OpenDataCsvColumn, string> {
  return {
    indicator_id: item.id,
    year: String(year),
    name_zh: item.name.zh,
    name_en: item.name.en,
    value: item.value ?? '',
    display: item.display ?? '',
    unit_zh: item.unit.zh,
    unit_en: item.unit.en,
    decimals: String(item.decimals),
    source: item.source,
    period: item.period,
    as_of: item.asOf,
    missing: item.missing ?? '',
    formula: item.formula,
    citation: item.citation,
    data_time: item.dataTime,
  };
}

/** A field quoted as RFC 4180 asks: in double quotes (doubled inside) when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The whole file: a UTF-8 byte-order mark (so Excel reads the Chinese), the header, one row per item, CRLF. */
export function openDataCsv(data: Pick<OpenDataResponse, 'year' | 'items'>): string {
  const lines = [OPEN_DATA_CSV_COLUMNS.join(',')];
  for (const item of data.items) {
    const row = openDataCsvRow(data.year, item);
    lines.push(OPEN_DATA_CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
