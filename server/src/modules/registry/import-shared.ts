/**
 * What every kind of import provides, and the pieces they share. An import reads the file twice: the first pass
 * checks every row (the row schema, then the kind's checks against reference data, earlier rows and stored
 * records), the second writes all rows in one transaction. A kind's importer lives for one import, so what the
 * first pass learnt (codes used in the file) serves the second.
 */
import type { z } from 'zod';
import type {
  CellText,
  ImportKind,
  ImportProblem,
  SheetColumn,
} from '@jinke/core/registry/import.contract.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/index.ts';

export interface WriteContext {
  actorId: string | null;
  now: Date;
  /** Today in China (`YYYY-MM-DD`), for "not in the future" rules. */
  today: string;
  cipher: PersonalDataCipher;
}

export interface CheckedRow<T> {
  row: number;
  value: T;
  values: Record<string, CellText>;
}

export interface KindImporter<T> {
  /** Problems needing reference data or the file's earlier rows (a duplicate names the row it repeats). */
  checkRow(r: CheckedRow<T>): ImportProblem[];
  /** Problems of rows that passed `checkRow` needing stored records, keyed by row number. */
  checkStored(ex: Executor, rows: CheckedRow<T>[]): Promise<Map<number, ImportProblem[]>>;
  /** Writes a batch of valid rows inside the import's transaction. */
  write(tx: Executor, rows: T[]): Promise<{ created: number; updated: number }>;
}

export interface ImportKindSpec<T> {
  kind: ImportKind;
  columns: readonly SheetColumn[];
  schema: z.ZodType<T, Record<string, CellText | undefined>>;
  open(ex: Executor, w: WriteContext): Promise<KindImporter<T>>;
}

/** A problem of the cell under `key`, named by the column's header. */
export function problemAt(
  columns: readonly SheetColumn[],
  values: Record<string, CellText>,
  key: string,
  rule: string,
  zh: string,
  en: string,
): ImportProblem {
  return {
    column: columns.find((c) => c.key === key)?.header ?? key,
    key,
    value: values[key] ?? null,
    rule,
    zh,
    en,
  };
}

export function addProblems(map: Map<number, ImportProblem[]>, row: number, problems: ImportProblem[]): void {
  if (problems.length === 0) return;
  map.set(row, [...(map.get(row) ?? []), ...problems]);
}

/** Remembers the first row of each key, so a later row with the same key is named a duplicate of it. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();
  /** The earlier row holding `key`, or null (and `key` is now taken by `row`). */
  claim(key: string, row: number): number | null {
    const first = this.rows.get(key);
    if (first !== undefined) return first;
    this.rows.set(key, row);
    return null;
  }
  keys(): IterableIterator<string> {
    return this.rows.keys();
  }
}

export const duplicateInFile = (first: number) => ({
  zh: `与第 ${first} 行重复`,
  en: `repeats row ${first}`,
});

/** Towns, streets and zones of the county by code and by name. */
export async function loadTowns(ex: Executor): Promise<Map<string, string>> {
  const { rows } = await ex.query<{ code: string; name: string }>(
    "SELECT code, name FROM divisions WHERE kind IN ('street', 'town', 'zone')",
  );
  const map = new Map<string, string>();
  for (const r of rows) {
    map.set(r.code, r.code);
    map.set(r.name, r.code);
  }
  return map;
}

export const unknownTown = {
  rule: 'town_unknown',
  zh: '不是本县（市）的镇、街道或园区名称或区划代码',
  en: 'is not a town, street or zone name or code of the county',
};

/** Rows in batches of `size`, for multi-row statements with bounded parameter size. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
