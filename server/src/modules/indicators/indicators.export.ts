/** The drill-down of an indicator as a workbook: one sheet of the records with Chinese headers and a total row. */
import type { Writable } from 'node:stream';
import type { IndicatorDefinition } from '@jinke/core/indicators/definition.contract.ts';
import { streamingWorkbook, styleHeaderRow } from '../../platform/xlsx.ts';
import type { RecordRow } from './indicators.repo.ts';

const COLUMNS = [
  { header: '序号', width: 8 },
  { header: '名称', width: 44 },
  { header: '编号（信用代码 / 申请号 / 证书号）', width: 26 },
  { header: '镇（街道）', width: 14 },
  { header: '日期', width: 12 },
  { header: '说明（申请人 / 持有人 / 行业）', width: 36 },
];

export async function writeRecordsWorkbook(
  data: { def: IndicatorDefinition; year: number; list: { zh: string }; rows: RecordRow[] },
  out: Writable,
): Promise<void> {
  const workbook = streamingWorkbook(out);
  const sheet = workbook.addWorksheet(`${data.year}年 ${data.def.name.zh}`.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const head = sheet.getRow(1);
  head.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(head);
  head.commit();
  data.rows.forEach((r, i) => {
    sheet.addRow([i + 1, r.name, r.code, r.town_name, r.date, r.detail]).commit();
  });
  sheet
    .addRow([`合计 ${data.rows.length}`, `${data.list.zh}（${data.def.name.zh}，${data.year}年）`])
    .commit();
  sheet.commit();
  await workbook.commit();
}
