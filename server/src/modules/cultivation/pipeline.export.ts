/**
 * The pipeline as a workbook: sheet 1 the ranked list with each enterprise's gaps and what closes them, sheet 2 the
 * HNTE certificates expiring within twelve months. Chinese headers; amounts in yuan with two decimals.
 */
import type { Writable } from 'node:stream';
import { readinessLabels, type Readiness } from '@jinke/core/cultivation/pipeline.readiness.ts';
import type { PipelineItem } from '@jinke/core/cultivation/pipeline.contract.ts';
import { clip, streamingWorkbook, styleHeaderRow } from '../../platform/xlsx.ts';
import type { Campaign } from './pipeline.service.ts';
import type { ExpiringRow } from './pipeline.repo.ts';

interface Column {
  header: string;
  width: number;
  money?: boolean;
}

const LIST_COLUMNS: Column[] = [
  { header: '排名', width: 8 },
  { header: '企业名称', width: 36 },
  { header: '统一社会信用代码', width: 22 },
  { header: '镇（街道）', width: 14 },
  { header: '行业', width: 26 },
  { header: '成熟度', width: 12 },
  { header: '差距', width: 26 },
  { header: '差距说明', width: 60 },
  { header: '待确认事项', width: 44 },
  { header: '最近一年销售收入（元）', width: 20, money: true },
  { header: '研发费用占比（%）', width: 16 },
  { header: '要求（%）', width: 10 },
  { header: '科技人员占比（%）', width: 16 },
  { header: '注册天数', width: 10 },
  { header: '有效发明专利', width: 12 },
  { header: '有效实用新型及外观', width: 16 },
  { header: '高企证书有效期至', width: 16 },
];

const EXPIRING_COLUMNS: Column[] = [
  { header: '企业名称', width: 36 },
  { header: '统一社会信用代码', width: 22 },
  { header: '镇（街道）', width: 14 },
  { header: '证书编号', width: 20 },
  { header: '发证日期', width: 12 },
  { header: '有效期至', width: 12 },
  { header: '剩余天数', width: 10 },
  { header: '重新认定成熟度', width: 14 },
];

const readinessText = (r: string | null) => (r ? (readinessLabels[r as Readiness]?.zh ?? r) : '');

function listRow(item: PipelineItem): (string | number | null)[] {
  return [
    item.rank,
    item.name,
    item.uscc,
    item.townName,
    item.industryCode ? `${item.industryCode} ${item.industryName ?? ''}` : null,
    readinessText(item.readiness),
    item.gaps.map((g) => g.label.zh).join('、'),
    clip(item.gaps.map((g) => `${g.label.zh}：${g.gap?.zh ?? ''}`).join('；')),
    item.unknowns.map((u) => u.label.zh).join('、'),
    item.latestSalesFen === null ? null : item.latestSalesFen / 100,
    item.rdRatioPct,
    item.rdRequiredPct,
    item.techStaffPct,
    item.registrationDays,
    item.validInventions,
    item.validOtherPatents,
    item.hnteValidTo,
  ];
}

export async function writePipelineWorkbook(
  data: { campaign: Campaign; items: PipelineItem[]; expiring: ExpiringRow[] },
  out: Writable,
): Promise<void> {
  const workbook = streamingWorkbook(out);
  const list = workbook.addWorksheet(`${data.campaign.year}年度培育库`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  list.columns = LIST_COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const head = list.getRow(1);
  head.values = LIST_COLUMNS.map((c) => c.header);
  styleHeaderRow(head);
  head.commit();
  const moneyIndex = LIST_COLUMNS.findIndex((c) => c.money) + 1;
  for (const item of data.items) {
    const row = list.addRow(listRow(item));
    // Sales in yuan keep their two decimals (whole 分).
    row.getCell(moneyIndex).numFmt = '#,##0.00';
    row.commit();
  }
  list.commit();

  const expiring = workbook.addWorksheet('一年内到期高企', { views: [{ state: 'frozen', ySplit: 1 }] });
  expiring.columns = EXPIRING_COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const head2 = expiring.getRow(1);
  head2.values = EXPIRING_COLUMNS.map((c) => c.header);
  styleHeaderRow(head2);
  head2.commit();
  for (const r of data.expiring) {
    expiring
      .addRow([
        r.name,
        r.uscc,
        r.town_name,
        r.certificate_no,
        r.issued_on,
        r.valid_to,
        r.days_left,
        readinessText(r.readiness),
      ])
      .commit();
  }
  expiring.commit();
  await workbook.commit();
}
