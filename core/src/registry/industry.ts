/**
 * GB/T 4754-2017《国民经济行业分类》 lookups, pure and browser-safe. Four levels: 门类 (section, a letter A–T),
 * 大类 (division, 2 digits), 中类 (group, 3 digits), 小类 (class, 4 digits). A 小类 code is often written with its
 * 门类 letter in front (C1951); both forms are accepted.
 */
import { idFailure, normalizeIdText, type IdFailure } from '../common/ids/id-result.ts';
import { readCsvRecords } from './csv.ts';
import { GBT4754_2017_ROWS } from './industry-gbt4754-2017.table.ts';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export const INDUSTRY_LEVEL_NAMES: Record<IndustryLevel, { zh: string; en: string }> = {
  section: { zh: '门类', en: 'Section' },
  division: { zh: '大类', en: 'Division' },
  group: { zh: '中类', en: 'Group' },
  class: { zh: '小类', en: 'Class' },
};

export interface IndustryEntry {
  code: string;
  level: IndustryLevel;
  /** 门类 letter the entry belongs to (its own code for a section). */
  section: string;
  /** Null for a section. */
  parent: string | null;
  name: string;
}

/** A row of the shipped CSV, with the standard's 说明 text (server side only). */
export interface IndustryRecord extends IndustryEntry {
  description: string;
}

const LEVEL_BY_LENGTH: Record<number, IndustryLevel> = {
  1: 'section',
  2: 'division',
  3: 'group',
  4: 'class',
};
const LEVEL_BY_ZH: Record<string, IndustryLevel> = {
  门类: 'section',
  大类: 'division',
  中类: 'group',
  小类: 'class',
};

function parentOf(code: string, section: string): string | null {
  if (code.length === 1) return null;
  if (code.length === 2) return section;
  return code.slice(0, -1);
}

export const industryEntries: readonly IndustryEntry[] = GBT4754_2017_ROWS.map(([code, section, name]) => ({
  code,
  level: LEVEL_BY_LENGTH[code.length] ?? 'class',
  section,
  parent: parentOf(code, section),
  name,
}));

const BY_CODE = new Map(industryEntries.map((entry) => [entry.code, entry]));

export function industryByCode(code: string): IndustryEntry | undefined {
  return BY_CODE.get(code);
}

/** Entries whose parent is `code`, in the standard's order; the 20 sections when `code` is null. */
export function industryChildren(code: string | null): IndustryEntry[] {
  return industryEntries.filter((entry) => entry.parent === code);
}

/** The entry and its ancestors, section first. */
export function industryPath(code: string): IndustryEntry[] {
  const path: IndustryEntry[] = [];
  for (let entry = BY_CODE.get(code); entry; entry = entry.parent ? BY_CODE.get(entry.parent) : undefined) {
    path.unshift(entry);
  }
  return path;
}

export type IndustryCodeRule = 'format' | 'unknown_code' | 'section_mismatch' | 'not_class';

export interface IndustryCodeOk {
  ok: true;
  /** Section letter + 4 digits, e.g. `C1951`. */
  normalized: string;
  /** The 4-digit 小类 code. */
  code: string;
  name: string;
  /** Section, division, group and class, in that order. */
  path: IndustryEntry[];
}

export type IndustryCodeResult = IndustryCodeOk | IdFailure<IndustryCodeRule>;

/** Validates a 小类 code (`1951` or `C1951`) against GB/T 4754-2017. */
export function validateIndustryCode(text: string): IndustryCodeResult {
  const compact = normalizeIdText(text).replace(/\s+/g, '');
  const match = /^([A-T])?(\d{2,4})$/.exec(compact);
  if (!match) {
    return idFailure(
      'format',
      '国民经济行业代码应为4位小类代码，可带门类字母（如 C1951）',
      'An industry code is a 4-digit class code, optionally preceded by its section letter (e.g. C1951)',
    );
  }
  const letter = match[1];
  const digits = match[2] ?? '';
  const entry = BY_CODE.get(digits);
  if (!entry) {
    return idFailure(
      'unknown_code',
      `GB/T 4754-2017 中没有代码 ${digits}`,
      `GB/T 4754-2017 has no code ${digits}`,
    );
  }
  if (letter && letter !== entry.section) {
    return idFailure(
      'section_mismatch',
      `${digits} 属于门类 ${entry.section}，不是 ${letter}`,
      `${digits} belongs to section ${entry.section}, not ${letter}`,
      entry.section + digits,
    );
  }
  if (entry.level !== 'class') {
    const level = INDUSTRY_LEVEL_NAMES[entry.level];
    return idFailure(
      'not_class',
      `${digits}（${entry.name}）是${level.zh}，请选择到小类`,
      `${digits} (${entry.name}) is a ${level.en.toLowerCase()}; choose a class`,
    );
  }
  return {
    ok: true,
    normalized: entry.section + digits,
    code: digits,
    name: entry.name,
    path: industryPath(digits),
  };
}

const CSV_HEADER = ['code', 'level', 'section', 'parent', 'name', 'description'] as const;

/** Parses the shipped `gbt4754-2017-industry.csv` (with descriptions) for loading into the database. */
export function parseIndustryCsv(text: string): IndustryRecord[] {
  return readCsvRecords(text, CSV_HEADER).map((row, index) => {
    const level = LEVEL_BY_ZH[row.level];
    if (!level) throw new Error(`industry CSV row ${index + 2}: unknown level "${row.level}"`);
    return {
      code: row.code,
      level,
      section: row.section,
      parent: row.parent === '' ? null : row.parent,
      name: row.name,
      description: row.description,
    };
  });
}
