/**
 * The town assessment as a workbook: a town's sheet (考核得分表) — each weighted indicator's actual, target,
 * achievement, weight, cap and points, then the total, the rank among all towns and whether the data is complete —
 * and, for the command line's whole-county file, a ranking sheet before the towns' sheets. Numbers are the
 * rounded `display` of the exact values the API answers.
 */
import ExcelJS from 'exceljs';
import type {
  TownAssessmentResponse,
  TownAssessmentRow,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import { COMMAND_LINE_READER, systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { styleHeaderRow } from '../../platform/xlsx.ts';
import { townAssessmentService } from './town-assessment.service.ts';

const num = (display: string | undefined | null): number | string =>
  display === undefined || display === null ? '—' : Number(display);

const SHEET_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '指标', width: 30 },
  { header: '单位', width: 8 },
  { header: '实际值', width: 12 },
  { header: '目标值', width: 12 },
  { header: '完成率（%）', width: 12 },
  { header: '权重', width: 8 },
  { header: '封顶（%）', width: 10 },
  { header: '得分', width: 10 },
];

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function addTownSheet(workbook: ExcelJS.Workbook, a: TownAssessmentResponse, row: TownAssessmentRow): void {
  const sheet = workbook.addWorksheet(sheetName(`${row.townName}`), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = SHEET_COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  sheet.mergeCells(1, 1, 1, SHEET_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = `${a.year} 年 ${row.townName} 科技创新考核得分表`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const head = sheet.getRow(2);
  head.values = SHEET_COLUMNS.map((c) => c.header);
  styleHeaderRow(head);
  const names = new Map(a.weights.map((w) => [w.indicator, w]));
  row.parts.forEach((p, i) => {
    const w = names.get(p.indicator);
    sheet.addRow([
      i + 1,
      w?.name.zh ?? p.indicator,
      w?.unit.zh ?? '',
      num(p.actual?.display),
      num(p.target?.display),
      p.achievement ? Number(p.achievement.display) : '缺数据',
      p.weight,
      w?.capPercent ?? 120,
      Number(p.points.display),
    ]);
  });
  const total = sheet.addRow([
    null,
    '总分',
    null,
    null,
    null,
    null,
    Number(a.weightSum.display),
    null,
    Number(row.score.display),
  ]);
  total.font = { bold: true };
  sheet.addRow([null, '排名', `第 ${row.rank} 名 / 共 ${a.townCount} 个镇（街道）`]);
  const missing = row.missing.map((id) => names.get(id)?.name.zh ?? id).join('、');
  sheet.addRow([
    null,
    '数据完整性',
    row.complete ? '完整' : `不完整：${missing} 缺少实际值或目标值，按 0 分计`,
  ]);
  sheet.addRow([
    null,
    '计分方法',
    '完成率 = 实际值 ÷ 目标值（超过封顶按封顶计）；得分 = 权重 × 完成率；总分为各项得分之和',
  ]);
  sheet.addRow([null, '数据截至', `${a.year}-12-31`]);
}

function addRankingSheet(workbook: ExcelJS.Workbook, a: TownAssessmentResponse): void {
  const sheet = workbook.addWorksheet(sheetName(`${a.year}年 镇街考核排名`), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = [
    '排名',
    '镇（街道）',
    '代码',
    '总分',
    '数据完整',
    ...a.weights.map((w) => `${w.name.zh} 完成率（%）`),
  ];
  sheet.columns = headers.map((_, i) => ({ key: `c${i}`, width: i === 1 ? 16 : 14 }));
  const head = sheet.getRow(1);
  head.values = headers;
  styleHeaderRow(head);
  for (const t of a.towns)
    sheet.addRow([
      t.rank,
      t.townName,
      t.town,
      Number(t.score.display),
      t.complete ? '是' : '否',
      ...t.parts.map((p) => (p.achievement ? Number(p.achievement.display) : '缺数据')),
    ]);
}

/** One town's sheet, or (for `rows` of several towns) the ranking sheet followed by each town's. */
export async function renderAssessmentWorkbook(
  a: TownAssessmentResponse,
  rows: readonly TownAssessmentRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jinke';
  if (rows.length > 1) addRankingSheet(workbook, a);
  for (const row of rows) addTownSheet(workbook, a, row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** File names: town-assessment-2018-350582101.xlsx, and 2018年安海镇科技创新考核得分表.xlsx. */
export function assessmentFileNames(
  year: number,
  row: TownAssessmentRow | null,
): { ascii: string; name: string } {
  return row
    ? {
        ascii: `town-assessment-${year}-${row.town}.xlsx`,
        name: `${year}年${row.townName}科技创新考核得分表.xlsx`,
      }
    : { ascii: `town-assessment-${year}.xlsx`, name: `${year}年镇街科技创新考核.xlsx` };
}

/**
 * `jinke towns assessment`: the workbook of one town (its sheet, as GET …/town-assessment/:town.xlsx) or of every
 * town (the ranking and each town's sheet), read bureau-wide; the export is audited as the system's.
 */
export async function townAssessmentCommand(
  deps: { db: Database; clock: () => Date },
  query: { year: number; town?: string | undefined },
): Promise<{ assessment: TownAssessmentResponse; rows: TownAssessmentRow[]; body: Buffer }> {
  const service = townAssessmentService(deps);
  const system = systemContext('towns-assessment');
  const ctx = { ...system, actor: COMMAND_LINE_READER };
  if (query.town !== undefined) {
    const { assessment, row } = await service.townSheet(ctx, query.town, query, system);
    return { assessment, rows: [row], body: await renderAssessmentWorkbook(assessment, [row]) };
  }
  const assessment = await service.assess(ctx, query);
  await deps.db.transaction((tx) =>
    writeAudit(
      tx,
      system,
      {
        action: 'indicators.town_assessment_exported',
        entityType: 'town_assessment',
        entityId: String(assessment.year),
        changes: { towns: assessment.towns.length },
      },
      deps.clock(),
    ),
  );
  return {
    assessment,
    rows: assessment.towns,
    body: await renderAssessmentWorkbook(assessment, assessment.towns),
  };
}
