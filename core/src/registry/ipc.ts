/**
 * The IPC scheme in Chinese (CNIPA IPC 2026.01), as a lookup built from the shipped CSV. Pure: the catalogue is
 * created from text the caller reads (`reference-files.node.ts` on the server, or a fetched subset in the browser).
 *
 * Known gaps of the shipped data (see its SOURCE.md): a few subclasses (e.g. C01C–C01G) and about 2,500
 * groups/subgroups are missing, five entries have no title, and H01L no longer exists in IPC 2026.01 (moved to H10),
 * though older patents carry it. An unknown code is therefore reported with the nearest known ancestor so callers
 * can warn instead of refusing.
 */
import { idFailure, type IdFailure } from '../common/ids/id-result.ts';
import { parseIpcSymbol, type IpcLevel } from '../common/ids/ipc-code.ts';
import { readCsvRecords } from './csv.ts';

export interface IpcEntry {
  code: string;
  level: IpcLevel;
  title: string;
  /** Null for a section. A subgroup's parent is its main group (the dot hierarchy is not in the data). */
  parent: string | null;
}

export interface IpcCatalogue {
  /** Edition of the scheme, e.g. `2026.01`. */
  edition: string;
  get(code: string): IpcEntry | undefined;
  readonly size: number;
}

const LEVELS = new Set<string>(['section', 'class', 'subclass', 'group', 'subgroup']);
const CSV_HEADER = ['code', 'level', 'title', 'parent'] as const;

function isIpcLevel(value: string): value is IpcLevel {
  return LEVELS.has(value);
}

/** Parses the shipped `ipc-zh-2026.01.csv` (columns code, level, title, parent). */
export function parseIpcCsv(text: string): IpcEntry[] {
  return readCsvRecords(text, CSV_HEADER).map((row, index) => {
    if (!isIpcLevel(row.level)) throw new Error(`IPC CSV row ${index + 2}: unknown level "${row.level}"`);
    return {
      code: row.code,
      level: row.level,
      title: row.title,
      parent: row.parent === '' ? null : row.parent,
    };
  });
}

export function createIpcCatalogue(entries: Iterable<IpcEntry>, edition: string): IpcCatalogue {
  const byCode = new Map<string, IpcEntry>();
  for (const entry of entries) byCode.set(entry.code, entry);
  return { edition, get: (code) => byCode.get(code), size: byCode.size };
}

export interface IpcCodeOk {
  ok: true;
  normalized: string;
  display: string;
  level: 'group' | 'subgroup';
  /** The entry's own Chinese title (a subgroup title reads as a refinement of its main group's). */
  title: string;
  /** Section, class, subclass, main group and (for a subgroup) the subgroup, each with its title. */
  hierarchy: IpcEntry[];
}

export type IpcCodeFailure = IdFailure<'format' | 'unknown_code'> & {
  /** For `unknown_code`: the most specific ancestor that exists in the catalogue, if any. */
  nearest?: IpcEntry;
};

export type IpcCodeResult = IpcCodeOk | IpcCodeFailure;

/** The entries for a symbol's section, class, subclass and main group that exist in the catalogue. */
function ancestorsOf(catalogue: IpcCatalogue, codes: (string | null)[]): IpcEntry[] {
  return codes.flatMap((code) => {
    const entry = code ? catalogue.get(code) : undefined;
    return entry ? [entry] : [];
  });
}

/**
 * Validates a classification symbol at group or subgroup level (`A43B 13/04`, `A43B13/00`) against the catalogue
 * and returns its Chinese title and hierarchy.
 */
export function validateIpcCode(text: string, catalogue: IpcCatalogue): IpcCodeResult {
  const symbol = parseIpcSymbol(text);
  if (!symbol.ok) return symbol;
  if (symbol.level !== 'group' && symbol.level !== 'subgroup') {
    return idFailure(
      'format',
      `IPC 分类号应精确到大组或小组（如 A43B 13/04），实为 ${symbol.normalized}`,
      `An IPC symbol must name a group or subgroup (e.g. A43B 13/04), got ${symbol.normalized}`,
    );
  }
  const chain = [symbol.section, symbol.class, symbol.subclass, symbol.mainGroup];
  if (symbol.level === 'subgroup') chain.push(symbol.normalized);
  const entry = catalogue.get(symbol.normalized);
  if (!entry) {
    const known = ancestorsOf(catalogue, chain.slice(0, -1));
    const nearest = known.at(-1);
    const failure = idFailure(
      'unknown_code',
      `IPC ${catalogue.edition} 中没有分类号 ${symbol.display}`,
      `IPC ${catalogue.edition} has no symbol ${symbol.display}`,
    );
    return nearest ? { ...failure, nearest } : failure;
  }
  return {
    ok: true,
    normalized: symbol.normalized,
    display: symbol.display,
    level: symbol.level,
    title: entry.title,
    hierarchy: ancestorsOf(catalogue, chain),
  };
}

/** Chinese title of a symbol at any level (`A`, `A43`, `A43B`, `A43B 13/00`, `A43B 13/04`), if it is known. */
export function ipcTitle(text: string, catalogue: IpcCatalogue): string | undefined {
  const symbol = parseIpcSymbol(text);
  return symbol.ok ? catalogue.get(symbol.normalized)?.title : undefined;
}
