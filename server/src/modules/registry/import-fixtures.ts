/**
 * Generated import files for tests and the import benchmark: rows that pass every check (valid credit codes from
 * `generateUscc`, real towns and industry codes) written under a template's headers, as a buffer or a file.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { generateUscc } from '@jinke/core/common/ids/uscc.ts';
import { type ImportKind, sheetColumns } from '@jinke/core/registry/import.contract.ts';
import { streamingWorkbook, writeHeader } from '../../platform/xlsx.ts';

export type FixtureRow = Record<string, string | number | null | undefined>;

/** A seeded generator of [0, 1), so a fixture is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const TOWNS = ['安海镇', '陈埭镇', '池店镇', '350582103', '西园街道', '晋江市经济开发区'];
const INDUSTRIES = ['C1951', 'C1781', 'C3921', '2927', 'I6513'];

export type EnterpriseFixture = FixtureRow & { uscc: string; name: string; townCode: string };

/** `n` distinct, valid enterprise rows keyed by column key. */
export function enterpriseRows(n: number, seed = 1): EnterpriseFixture[] {
  const rng = seededRandom(seed);
  const used = new Set<string>();
  const rows: EnterpriseFixture[] = [];
  for (let i = 0; rows.length < n; i++) {
    const uscc = generateUscc(rng);
    if (used.has(uscc)) continue;
    used.add(uscc);
    const k = rows.length;
    rows.push({
      uscc,
      name: `晋江市测试${seed}号${k}科技有限公司`,
      formerNames: k % 7 === 0 ? `晋江市测试${seed}号${k}鞋业有限公司` : null,
      legalRep: '张三',
      registeredOn: `20${String(10 + (k % 15)).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 10}`,
      address: `晋江市示例路 ${k + 1} 号`,
      townCode: TOWNS[k % TOWNS.length]!,
      industryCode: INDUSTRIES[k % INDUSTRIES.length]!,
      hitechField: k % 3 === 0 ? '40301' : null,
      staff: 10 + (k % 500),
      revenueFen: `${100_000 + k * 37}.${String(k % 100).padStart(2, '0')}`,
      contactName: '李四',
      contactPhone: `138${String(10_000_000 + k).slice(-8)}`,
    });
  }
  return rows;
}

function cells(kind: ImportKind, row: FixtureRow): (string | number | null)[] {
  return sheetColumns[kind].map((c) => row[c.key] ?? null);
}

/** A workbook in the template's layout (headers, hidden keys, the rows), as a buffer. */
export async function importWorkbook(
  kind: ImportKind,
  rows: readonly FixtureRow[],
  options: { keyRow?: boolean; headers?: string[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  if (options.headers) sheet.addRow(options.headers);
  else if (options.keyRow === false) sheet.addRow(sheetColumns[kind].map((c) => c.header));
  else writeHeader(sheet, sheetColumns[kind]);
  for (const row of rows) sheet.addRow(cells(kind, row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same, streamed to a file, for files too large to build in memory comfortably. */
export async function writeImportFile(
  kind: ImportKind,
  rows: Iterable<FixtureRow>,
  file: string,
): Promise<void> {
  const out = new PassThrough();
  const done = new Promise<void>((resolve, reject) => {
    const sink = fs.createWriteStream(file);
    out.pipe(sink);
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const workbook = streamingWorkbook(out);
  const sheet = workbook.addWorksheet('企业');
  writeHeader(sheet, sheetColumns[kind]);
  for (const row of rows) sheet.addRow(cells(kind, row)).commit();
  sheet.commit();
  await workbook.commit();
  await done;
}
