/**
 * International Patent Classification symbols (IPC, WIPO; Chinese edition by CNIPA). Levels: section (A–H),
 * class (section + 2 digits), subclass (class + letter), main group (subclass + 1–4 digits + "/00") and subgroup
 * (subclass + group + "/" + 2–6 digits). Printed as `A43B 13/04`; CNIPA data writes `A43B13/04`, which is the
 * normalised form here. Only the shape is checked in this file; `core/src/registry/ipc.ts` checks existence.
 */
import { idFailure, normalizeIdText, type IdFailure } from './id-result.ts';

export type IpcLevel = 'section' | 'class' | 'subclass' | 'group' | 'subgroup';

export interface IpcSymbol {
  ok: true;
  /** `A43B13/04` (no space, main group without leading zeros). */
  normalized: string;
  /** `A43B 13/04`, as WIPO prints it. */
  display: string;
  level: IpcLevel;
  section: string;
  class: string | null;
  subclass: string | null;
  /** The main group, e.g. `A43B13/00`; null above group level. */
  mainGroup: string | null;
}

export type IpcSymbolResult = IpcSymbol | IdFailure<'format'>;

const SHAPE = /^([A-H])(?:(\d{2})(?:([A-Z])(?:(\d{1,4})\/(\d{2,6}))?)?)?$/;

/** Parses an IPC symbol at any level. Spaces, full-width characters and lower case are normalised. */
export function parseIpcSymbol(text: string): IpcSymbolResult {
  const compact = normalizeIdText(text).replace(/\s+/g, '');
  const match = SHAPE.exec(compact);
  if (!match) {
    return idFailure(
      'format',
      'IPC 分类号格式应为“部+2位大类+小类字母+大组/小组”，如 A43B 13/04',
      'An IPC symbol is section letter, 2-digit class, subclass letter, group "/" subgroup, e.g. A43B 13/04',
    );
  }
  const [, section = '', classDigits, subclassLetter, groupDigits, subgroupDigits] = match;
  const cls = classDigits ? section + classDigits : null;
  const subclass = cls && subclassLetter ? cls + subclassLetter : null;
  if (!subclass || groupDigits === undefined || subgroupDigits === undefined) {
    const code = subclass ?? cls ?? section;
    const level: IpcLevel = subclass ? 'subclass' : cls ? 'class' : 'section';
    return {
      ok: true,
      normalized: code,
      display: code,
      level,
      section,
      class: cls,
      subclass,
      mainGroup: null,
    };
  }
  const group = String(Number(groupDigits));
  if (group === '0') {
    return idFailure('format', 'IPC 大组号不能为0', 'The IPC main group cannot be 0');
  }
  const isMainGroup = /^0+$/.test(subgroupDigits);
  const subgroup = isMainGroup ? '00' : subgroupDigits;
  return {
    ok: true,
    normalized: `${subclass}${group}/${subgroup}`,
    display: `${subclass} ${group}/${subgroup}`,
    level: isMainGroup ? 'group' : 'subgroup',
    section,
    class: cls,
    subclass,
    mainGroup: `${subclass}${group}/00`,
  };
}
