/**
 * Reference data of the indicators for the demo: the 2018 county targets and the 2017 reported figures of
 * 晋科〔2018〕11号 (reference.data.ts). A figure from outside the bureau is entered with the department's document
 * attached, as the definition requires: here one workbook per department listing what it supplied, stored like any
 * upload (platform/attachments.ts). Idempotent: what is already recorded is left alone; each row written is audited.
 */
import ExcelJS from 'exceljs';
import { storeAttachment, type AttachmentInfo } from '../../platform/attachments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { loadCatalogue } from './catalogue.ts';
import { REPORTED_ATTACHMENT } from './indicators.writes.ts';
import {
  REFERENCE_SOURCE,
  REPORTED_2017,
  REPORTED_YEAR,
  TARGETS_2018,
  type ReferenceReported,
} from './reference.data.ts';

/** The department's figures as a one-sheet workbook: indicator, value, unit, note. */
async function departmentWorkbook(department: string, rows: readonly ReferenceReported[]): Promise<Buffer> {
  const catalogue = loadCatalogue();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = department;
  const sheet = workbook.addWorksheet(`${REPORTED_YEAR}年数据`);
  sheet.addRow([`${department}提供的${REPORTED_YEAR}年数据（据${REFERENCE_SOURCE}）`]);
  sheet.addRow(['指标编号', '指标名称', '数值', '单位', '说明']);
  for (const r of rows) {
    const def = catalogue.definitions.get(r.indicator)!;
    sheet.addRow([r.indicator, def.name.zh, Number(r.value), def.unit.zh, r.note]);
  }
  sheet.columns.forEach((c, i) => (c.width = [28, 30, 14, 10, 40][i] ?? 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function audit(
  tx: Executor,
  ctx: RequestContext,
  now: Date,
  action: string,
  entity: string,
  id: string,
  changes: Record<string, unknown>,
) {
  await writeAudit(tx, ctx, { action, entityType: entity, entityId: id, changes }, now);
}

export async function seedIndicatorsDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  const catalogue = loadCatalogue();
  // Documents are built before the transaction: the workbook writer is asynchronous work outside the database.
  const byDepartment = new Map<string, ReferenceReported[]>();
  for (const r of REPORTED_2017) {
    const source = catalogue.definitions.get(r.indicator)?.source;
    if (source?.kind !== 'reported') throw new Error(`${r.indicator} is not a reported indicator`);
    if (!source.attachmentRequired) continue;
    byDepartment.set(source.department.zh, [...(byDepartment.get(source.department.zh) ?? []), r]);
  }
  const documents = new Map<string, Buffer>();
  for (const [department, rows] of byDepartment)
    documents.set(department, await departmentWorkbook(department, rows));

  await deps.db.transaction(async (tx) => {
    for (const t of TARGETS_2018) {
      const { rows } = await tx.query(
        `INSERT INTO indicator_targets (indicator_id, year, town_code, value, comparison, upper, source, updated_at)
         VALUES ($1, $2, '', $3::numeric, $4, $5::numeric, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
        [t.indicator, t.year, t.value, t.comparison, t.upper ?? null, t.source, now.toISOString()],
      );
      if (rows.length > 0)
        await audit(tx, ctx, now, 'indicators.target_set', 'indicator_target', `${t.indicator}/${t.year}`, {
          county: [null, t.value],
          comparison: [null, t.comparison],
          upper: [null, t.upper ?? null],
          source: [null, t.source],
        });
    }
    const done = new Set(
      (
        await tx.query<{ indicator_id: string }>(
          'SELECT indicator_id FROM indicator_reported WHERE year = $1',
          [REPORTED_YEAR],
        )
      ).rows.map((r) => r.indicator_id),
    );
    const stored = new Map<string, AttachmentInfo>();
    for (const r of REPORTED_2017) {
      if (done.has(r.indicator)) continue;
      const source = catalogue.definitions.get(r.indicator)!.source;
      let attachment: AttachmentInfo | null = null;
      if (source.kind === 'reported' && source.attachmentRequired) {
        const department = source.department.zh;
        attachment = stored.get(department) ?? null;
        if (!attachment) {
          attachment = await storeAttachment(
            tx,
            {
              purpose: REPORTED_ATTACHMENT,
              fileName: `${department}${REPORTED_YEAR}年数据.xlsx`,
              contentType: XLSX_CONTENT_TYPE,
              content: documents.get(department)!,
            },
            null,
            now,
          );
          stored.set(department, attachment);
          await audit(tx, ctx, now, 'indicators.attachment_uploaded', 'attachment', attachment.id, {
            fileName: attachment.fileName,
            size: attachment.size,
            sm3: attachment.sm3,
          });
        }
      }
      await tx.query(
        `INSERT INTO indicator_reported (indicator_id, year, value, note, attachment_id, recorded_at)
         VALUES ($1, $2, $3::numeric, $4, $5::uuid, $6)`,
        [r.indicator, REPORTED_YEAR, r.value, r.note, attachment?.id ?? null, now.toISOString()],
      );
      await audit(
        tx,
        ctx,
        now,
        'indicators.reported_set',
        'indicator_reported',
        `${r.indicator}/${REPORTED_YEAR}`,
        {
          value: [null, r.value],
          note: [null, r.note],
          attachment: [null, attachment?.id ?? null],
        },
      );
    }
  });
}
