/**
 * `jinke export <kind> FILE.xlsx [filters]`: the web export's rows and layout, written to a file. The command line
 * reads the whole registry (as the bureau does) and the export is audited as the system's.
 */
import fs from 'node:fs';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { type ExportKind, exportQueries } from '@jinke/core/registry/import.contract.ts';
import { COMMAND_LINE_READER, systemContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { exportService, writeExport } from './export.service.ts';

export async function exportCommand(
  deps: { db: Database; cipher: PersonalDataCipher; clock: () => Date },
  kind: ExportKind,
  file: string,
  filters: Record<string, string>,
): Promise<number> {
  const parsed = exportQueries[kind].safeParse(filters);
  if (!parsed.success) {
    const zh = toFieldErrors(parsed.error.issues, 'zh-CN').map((f) => f.message);
    const en = toFieldErrors(parsed.error.issues, 'en-US').map((f) => f.message);
    throw new AppError('VALIDATION_FAILED', {
      userMessage: { zh: `筛选条件有误：${zh.join('；')}`, en: `Invalid filters: ${en.join('; ')}` },
    });
  }
  const query = parsed.data as Record<string, unknown>;
  const plan = await exportService(deps).start(systemContext('export'), kind, query, COMMAND_LINE_READER);
  const out = fs.createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  const rows = await writeExport(plan, out);
  await closed;
  return rows;
}

/** The filter names a kind's export takes (the keys of its list query without paging). */
export function exportFilterNames(kind: ExportKind): string[] {
  return Object.keys(exportQueries[kind].shape);
}
