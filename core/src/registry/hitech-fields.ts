/**
 * 国家重点支持的高新技术领域 (2016, 国科发火〔2016〕32号 附件; 高新技术企业认定管理办法 第十一条(四) requires the core
 * technology to fall in one of them). Pure and browser-safe. The catalogue numbers its levels 一、… / （一）… / 1. …,
 * which `hitechFieldLabel` reproduces from the codes.
 */
import { readCsvRecords } from './csv.ts';
import { HITECH_FIELDS_2016_ROWS } from './hitech-fields-2016.table.ts';

export type HitechFieldLevel = 'field' | 'subfield' | 'item';

export interface HitechField {
  code: string;
  level: HitechFieldLevel;
  name: string;
  /** Null for a top-level field. */
  parent: string | null;
}

const LEVEL_BY_LENGTH: Record<number, HitechFieldLevel> = { 2: 'field', 3: 'subfield', 5: 'item' };
const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

function parentOf(code: string): string | null {
  if (code.length === 2) return null;
  // Sub-field 101 belongs to field 10; item 10101 to sub-field 101.
  return code.length === 3 ? `${code[0] ?? ''}0` : code.slice(0, 3);
}

export const hitechFields: readonly HitechField[] = HITECH_FIELDS_2016_ROWS.map(([code, name]) => ({
  code,
  level: LEVEL_BY_LENGTH[code.length] ?? 'item',
  name,
  parent: parentOf(code),
}));

const BY_CODE = new Map(hitechFields.map((field) => [field.code, field]));

export function hitechFieldByCode(code: string): HitechField | undefined {
  return BY_CODE.get(code);
}

/** Children of `code` in catalogue order; the eight fields when `code` is null. */
export function hitechFieldChildren(code: string | null): HitechField[] {
  return hitechFields.filter((field) => field.parent === code);
}

/** The entry and its ancestors, field first. */
export function hitechFieldPath(code: string): HitechField[] {
  const path: HitechField[] = [];
  for (let field = BY_CODE.get(code); field; field = field.parent ? BY_CODE.get(field.parent) : undefined) {
    path.unshift(field);
  }
  return path;
}

/** The name numbered as the catalogue prints it: `四、新材料`, `（一）软件`, `1. 基础软件`. */
export function hitechFieldLabel(field: HitechField): string {
  if (field.level === 'field') return `${NUMERALS[Number(field.code[0]) - 1] ?? field.code}、${field.name}`;
  const ordinal = Number(field.code.slice(-2));
  if (field.level === 'subfield') return `（${NUMERALS[ordinal - 1] ?? String(ordinal)}）${field.name}`;
  return `${ordinal}. ${field.name}`;
}

/**
 * Finds an entry by name, with or without the catalogue's numbering (`四、新材料`, `新材料`, `（一）软件`, `1. 基础软件`).
 * Item names repeat under different sub-fields, so the first match in catalogue order is returned.
 */
export function findHitechField(text: string): HitechField | undefined {
  const name = text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.\s*)/, '');
  return hitechFields.find((field) => field.name.normalize('NFKC') === name);
}

const CSV_HEADER = ['code', 'level', 'name', 'parent'] as const;

/** Parses the shipped `hitech-fields-2016.csv`. */
export function parseHitechFieldsCsv(text: string): HitechField[] {
  return readCsvRecords(text, CSV_HEADER).map((row, index) => {
    const level = row.level;
    if (level !== 'field' && level !== 'subfield' && level !== 'item') {
      throw new Error(`hitech fields CSV row ${index + 2}: unknown level "${level}"`);
    }
    return { code: row.code, level, name: row.name, parent: row.parent === '' ? null : row.parent };
  });
}
