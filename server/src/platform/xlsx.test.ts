import fs from 'node:fs';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxFileError, cellText, readSheetRows, streamingWorkbook, writeHeader } from './xlsx.ts';

/** Chinese text long enough that the sheet's XML spans many 16 KiB chunks. */
const text = (i: number) => `晋江市第${i}号鞋服科技有限公司（安海镇示例路${i}号）`;
const ROWS = 4000;

async function rowsOf(
  data: Buffer,
  skipSheets: string[] = [],
): Promise<{ number: number; cells: (string | null)[] }[]> {
  const out = [];
  for await (const row of readSheetRows(data, { skipSheets })) out.push(row);
  return out;
}

describe('readSheetRows', () => {
  it('keeps every Chinese character whole when characters straddle chunk boundaries in shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    for (let i = 0; i < ROWS; i++) sheet.addRow([text(i), i]);
    const rows = await rowsOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toHaveLength(ROWS);
    expect(rows.filter((r, i) => r.cells[0] !== text(i))).toEqual([]);
  });

  it('keeps every Chinese character whole in a streamed file with inline strings', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const workbook = streamingWorkbook(out);
    const sheet = workbook.addWorksheet('数据');
    writeHeader(sheet, [{ key: 'name', header: '名称', width: 30, format: 'text' }]);
    for (let i = 0; i < ROWS; i++) sheet.addRow([text(i)]).commit();
    sheet.commit();
    await workbook.commit();
    const rows = await rowsOf(Buffer.concat(chunks));
    expect(rows).toHaveLength(ROWS + 2);
    expect(rows[0]!.cells).toEqual(['名称']);
    expect(rows[1]!.cells).toEqual(['name']);
    expect(rows.slice(2).filter((r, i) => r.cells[0] !== text(i))).toEqual([]);
  });

  it('skips the named sheets and empty rows, and numbers rows as Excel does', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['help']);
    const data = workbook.addWorksheet('数据');
    data.getRow(1).values = ['a'];
    data.getRow(4).values = [null, 'b'];
    const rows = await rowsOf(Buffer.from(await workbook.xlsx.writeBuffer()), ['说明']);
    expect(rows).toEqual([
      { number: 1, cells: ['a'] },
      { number: 4, cells: [null, 'b'] },
    ]);
  });

  it('reads sheets as they stream, leaving no temporary file behind, when the reader stops after the first rows', async () => {
    const tempFiles = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const before = tempFiles();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    for (let i = 0; i < ROWS; i++) sheet.addRow([text(i)]);
    workbook.addWorksheet('说明').addRow(['help']);
    for await (const row of readSheetRows(Buffer.from(await workbook.xlsx.writeBuffer()))) {
      expect(row.cells).toEqual([text(0)]);
      break;
    }
    expect(tempFiles()).toEqual(before);
  });

  it('throws XlsxFileError when the bytes are not a workbook', async () => {
    await expect(rowsOf(Buffer.from('a,b\n1,2\n'))).rejects.toBeInstanceOf(XlsxFileError);
    await expect(rowsOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(
      XlsxFileError,
    );
  });
});

describe('cellText', () => {
  it('gives the text a cell shows when it holds numbers, dates, rich text, formulas or nothing', () => {
    expect(cellText(12)).toBe('12');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(2015, 5, 18)))).toBe('2015-06-18');
    expect(cellText({ richText: [{ text: '晋江' }, { text: '市 ' }] })).toBe('晋江市');
    expect(cellText({ formula: 'A1+1', result: 3 })).toBe('3');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(cellText('  ')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(true)).toBe('TRUE');
  });
});
