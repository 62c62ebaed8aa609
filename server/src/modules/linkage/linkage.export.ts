/** Overdue problems (逾期问题) as a workbook: one sheet with Chinese headers, most overdue first, and a total row. */
import type { Writable } from 'node:stream';
import { categoryLabels, type ProblemItem } from '@jinke/core/linkage/api.contract.ts';
import { statusLabels } from '@jinke/core/linkage/status.ts';
import { streamingWorkbook, styleHeaderRow } from '../../platform/xlsx.ts';

export const OVERDUE_COLUMNS = [
  { header: '序号', width: 8 },
  { header: '企业', width: 36 },
  { header: '镇（街道）', width: 14 },
  { header: '问题', width: 36 },
  { header: '类别', width: 12 },
  { header: '挂钩领导', width: 12 },
  { header: '承办人', width: 12 },
  { header: '承办部门', width: 16 },
  { header: '提出日期', width: 12 },
  { header: '办结期限', width: 12 },
  { header: '逾期天数', width: 10 },
  { header: '状态', width: 10 },
];

/** Whole days from `dueOn` to `today` (both `YYYY-MM-DD`). */
export const daysLate = (dueOn: string, today: string): number =>
  Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);

export async function writeOverdueWorkbook(
  data: { today: string; items: ProblemItem[] },
  out: Writable,
): Promise<void> {
  const workbook = streamingWorkbook(out);
  const sheet = workbook.addWorksheet(`逾期问题 ${data.today}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = OVERDUE_COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const head = sheet.getRow(1);
  head.values = OVERDUE_COLUMNS.map((c) => c.header);
  styleHeaderRow(head);
  head.commit();
  data.items.forEach((p, i) => {
    sheet
      .addRow([
        i + 1,
        p.enterpriseName,
        p.townName,
        p.title,
        categoryLabels[p.category].zh,
        p.leaderName,
        p.assigneeName,
        p.department,
        p.raisedOn,
        p.dueOn,
        daysLate(p.dueOn, data.today),
        statusLabels[p.status].zh,
      ])
      .commit();
  });
  sheet.addRow([`合计 ${data.items.length}`, `截至 ${data.today} 逾期未办结的企业诉求`]).commit();
  sheet.commit();
  await workbook.commit();
}
