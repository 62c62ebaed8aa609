/**
 * The audit trail as an xlsx workbook, written as a stream (exceljs' streaming writer): rows go out as they
 * are read, page by page, so a 100,000-row export never sits whole in memory.
 */
import type { Writable } from 'node:stream';
import { roleLabels, roles, type Role } from '@jinke/core/accounts/roles.ts';
import type { AuditEntry } from '../../platform/audit.ts';
import { clip, streamingWorkbook, styleHeaderRow } from '../../platform/xlsx.ts';

const columns: { header: string; key: string; width: number }[] = [
  { header: '序号', key: 'seq', width: 10 },
  { header: '时间（北京时间）', key: 'occurredAt', width: 21 },
  { header: '操作人', key: 'actorName', width: 16 },
  { header: '角色', key: 'role', width: 16 },
  { header: '范围', key: 'scope', width: 24 },
  { header: '操作', key: 'action', width: 24 },
  { header: '对象类型', key: 'entityType', width: 14 },
  { header: '对象编号', key: 'entityId', width: 38 },
  { header: '变更内容', key: 'changes', width: 60 },
  { header: '请求编号', key: 'requestId', width: 38 },
  { header: 'IP 地址', key: 'ip', width: 16 },
  { header: '前序哈希', key: 'prevHash', width: 20 },
  { header: '哈希', key: 'hash', width: 20 },
];
export const AUDIT_XLSX_HEADERS = columns.map((c) => c.header);

/** 2026-11-26T02:00:00.000Z → 2026-11-26 10:00:00 (China Standard Time has no daylight saving). */
export function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function roleLabel(role: string | null): string {
  if (!role) return '';
  return (roles as readonly string[]).includes(role) ? roleLabels[role as Role].zh : role;
}

/** Writes the workbook to `out` and ends it; resolves with the number of rows written. */
export async function writeAuditWorkbook(entries: AsyncIterable<AuditEntry>, out: Writable): Promise<number> {
  const workbook = streamingWorkbook(out);
  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  styleHeaderRow(sheet.getRow(1));
  sheet.getRow(1).commit();
  let count = 0;
  for await (const e of entries) {
    sheet
      .addRow({
        seq: e.seq,
        occurredAt: beijingTime(e.occurredAt),
        actorName: e.actorName ?? '系统',
        role: roleLabel(e.role),
        scope: e.scope ?? '',
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? '',
        changes: clip(JSON.stringify(e.changes)),
        requestId: e.requestId ?? '',
        ip: e.ip ?? '',
        prevHash: e.prevHash,
        hash: e.hash,
      })
      .commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
