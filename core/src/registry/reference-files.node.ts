/**
 * Node-only readers of the reference files the product ships in `server/src/db/seed/reference/` (origins and
 * licences in the SOURCE.md there). Browser code must not import this file: it uses `fs`. The parsing itself is
 * pure and lives beside each lookup (`ipc.ts`, `industry.ts`, `hitech-fields.ts`, `holidays.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHitechFieldsCsv, type HitechField } from './hitech-fields.ts';
import { createHolidayCalendar, type HolidayCalendar } from './holidays.ts';
import { parseIndustryCsv, type IndustryRecord } from './industry.ts';
import { createIpcCatalogue, parseIpcCsv, type IpcCatalogue } from './ipc.ts';

/** The repository's reference-data folder; a data path, not a code dependency on the server package. */
export const REFERENCE_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../server/src/db/seed/reference',
);

export const REFERENCE_FILES = {
  industry: 'gbt4754-2017-industry.csv',
  hitechFields: 'hitech-fields-2016.csv',
  ipc: 'ipc-zh-2026.01.csv',
  holidays: 'holidays-cn-2015-2026.json',
} as const;

export const IPC_EDITION = '2026.01';

function readText(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

export function readIndustryClassification(dir = REFERENCE_DATA_DIR): IndustryRecord[] {
  return parseIndustryCsv(readText(dir, REFERENCE_FILES.industry));
}

export function readHitechFields(dir = REFERENCE_DATA_DIR): HitechField[] {
  return parseHitechFieldsCsv(readText(dir, REFERENCE_FILES.hitechFields));
}

export function readHolidayCalendar(dir = REFERENCE_DATA_DIR): HolidayCalendar {
  return createHolidayCalendar(JSON.parse(readText(dir, REFERENCE_FILES.holidays)));
}

export function readIpcCatalogue(dir = REFERENCE_DATA_DIR): IpcCatalogue {
  return createIpcCatalogue(parseIpcCsv(readText(dir, REFERENCE_FILES.ipc)), IPC_EDITION);
}

let sharedIpcCatalogue: IpcCatalogue | undefined;

/** The shipped IPC catalogue, parsed once per process (≈77,000 entries, a few hundred milliseconds). */
export function loadIpcCatalogue(): IpcCatalogue {
  sharedIpcCatalogue ??= readIpcCatalogue();
  return sharedIpcCatalogue;
}
