/**
 * How a registry workbook column is described (Chinese header, the English key in the hidden second row, width,
 * rule and example for the 说明 sheet) and built from a cell parser, for the import templates and the exports.
 */
import type { z } from 'zod';
import { importCells as c, type CellParser, type CellText } from './import-cells.ts';

export interface SheetColumn {
  key: string;
  /** The Chinese header of row 1; a required column's header ends with `*`. */
  header: string;
  headerEn: string;
  required: boolean;
  rule: { zh: string; en: string };
  example: string;
  /** Column width in characters. */
  width: number;
  /** The values a drop-down offers, when the column takes a fixed list. */
  choices?: readonly string[];
  /** Text columns are formatted as text, so Excel keeps long digit strings and leading zeros as typed. */
  format: 'text' | 'number' | 'date';
}

export interface ColumnOptions {
  required?: boolean;
  example: string;
  width?: number;
  /** Extra words for the 说明 sheet, after the parser's own rule. */
  note?: { zh: string; en: string };
}

export interface Column<T> {
  spec: Omit<SheetColumn, 'key'>;
  schema: z.ZodType<T, CellText | undefined>;
}

export function column<T>(
  header: string,
  headerEn: string,
  parser: CellParser<T>,
  options: ColumnOptions & { required: true },
): Column<T>;
export function column<T>(
  header: string,
  headerEn: string,
  parser: CellParser<T>,
  options: ColumnOptions,
): Column<T | null>;
export function column<T>(
  header: string,
  headerEn: string,
  parser: CellParser<T>,
  options: ColumnOptions,
): Column<T | null> {
  const required = options.required === true;
  const rule = options.note
    ? { zh: `${parser.rule.zh}；${options.note.zh}`, en: `${parser.rule.en}; ${options.note.en}` }
    : parser.rule;
  return {
    spec: {
      header: required ? `${header}*` : header,
      headerEn,
      required,
      rule: required ? { zh: `必填。${rule.zh}`, en: `Required. ${rule.en}` } : rule,
      example: options.example,
      width: options.width ?? Math.max(12, header.length * 2 + 4),
      ...(parser.choices ? { choices: parser.choices } : {}),
      format: parser.format,
    },
    schema: c.schema(parser, required),
  };
}

export type Columns = Record<string, Column<unknown>>;
export type Shape<C extends Columns> = { [K in keyof C]: C[K]['schema'] };

export function specsOf(columns: Columns): SheetColumn[] {
  return Object.entries(columns).map(([key, col]) => ({ key, ...col.spec }));
}

export function shapeOf<C extends Columns>(columns: C): Shape<C> {
  return Object.fromEntries(Object.entries(columns).map(([k, col]) => [k, col.schema])) as Shape<C>;
}
