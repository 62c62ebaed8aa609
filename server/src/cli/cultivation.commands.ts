/**
 * The cultivation files from the command line: the officers' pipeline workbook, an enterprise's R&D ledger (export
 * and import in the template's form) and a saved assessment's health-check report. The same services and files as
 * the API (modules/cultivation/cultivation.commands.ts), acting as the system.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import type { Database } from '../platform/db/index.ts';
import { UsageError, withDatabase, type Command, type Invocation } from './command.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const deps = (db: Database) => ({ db, clock: () => new Date() });

/** The output path, refused unless it names a file of the expected kind (so a report is never saved as .xlsx). */
function outputFile(inv: Invocation, index: number, extension: '.xlsx' | '.docx'): string {
  const file = inv.args[index]!;
  if (path.extname(file).toLowerCase() !== extension)
    throw new UsageError(`the output file must end in ${extension}, got "${file}"`);
  return path.resolve(file);
}

/** The input workbook, which must exist. */
function inputFile(inv: Invocation, index: number): string {
  const file = path.resolve(inv.args[index]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new UsageError(`cannot read "${inv.args[index]!}": no such file`);
  return file;
}

/** A credit code (统一社会信用代码), normalised, or a usage error saying what is wrong with it. */
async function usccArgument(text: string): Promise<string> {
  const { validateUscc } = await import('@jinke/core/common/ids/uscc.ts');
  const result = validateUscc(text);
  if (!result.ok)
    throw new UsageError(
      `<USCC> "${text}" 不是有效的统一社会信用代码：${result.message.zh} / is not a valid credit code: ${result.message.en}`,
    );
  return result.normalized;
}

/** The options parsed by the API's own query schema; a bad value is a usage error naming the option. */
function optionsBy<S extends z.ZodType>(schema: S, values: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
  );
  if (parsed.success) return parsed.data;
  const zh = toFieldErrors(parsed.error.issues, 'zh-CN');
  const en = toFieldErrors(parsed.error.issues, 'en-US');
  throw new UsageError(zh.map((f, i) => `--${f.message} / --${en[i]?.message ?? ''}`).join('; '));
}

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

/** `--year`, which must be four digits before the schema checks its range ("abc" would read as missing). */
function yearOption(inv: Invocation): string | undefined {
  const year = text(inv.values.year);
  if (year !== undefined && !/^\d{4}$/.test(year))
    throw new UsageError(`--year 应为四位年份 / --year must be a year (YYYY), got "${year}"`);
  return year;
}

export const cultivationCommands: Command[] = [
  {
    name: 'pipeline export',
    usage: 'jinke pipeline export FILE.xlsx [--year YYYY] [--town CODE] [--industry CODE]',
    summary: '导出高企培育库 Export the HNTE pipeline workbook',
    help: `导出科技局的高企培育库工作簿，与网页"导出 Excel"（GET /api/cultivation/pipeline/export.xlsx）相同：
第一张表为按成熟度排序的企业及其差距，第二张表为一年内到期的高企证书。--year 为培育年度（默认为已设目标的最近年度，
否则为本年度），--town 为镇（街道）代码（9 位），--industry 为门类字母或 2–4 位行业代码。全县范围，记入审计日志。

Writes the bureau's HNTE pipeline workbook, the same as GET /api/cultivation/pipeline/export.xlsx: sheet 1 the
enterprises ranked by readiness with their gaps, sheet 2 the HNTE certificates expiring within twelve months.
--year is the campaign year (default: the latest year with a target, else this year), --town a 9-digit town code,
--industry a section letter or a 2–4 digit industry code. County-wide; audited as the system's. A stale readiness
snapshot is brought up to date first.`,
    options: { year: { type: 'string' }, town: { type: 'string' }, industry: { type: 'string' } },
    arity: [1, 1],
    async run(inv) {
      const { pipelineExportQuery } = await import('@jinke/core/cultivation/pipeline.contract.ts');
      const query = optionsBy(pipelineExportQuery, {
        year: yearOption(inv),
        town: text(inv.values.town),
        industry: text(inv.values.industry),
      });
      const file = outputFile(inv, 0, '.xlsx');
      return withDatabase(inv, async (db) => {
        const { pipelineExportCommand } = await import('../modules/cultivation/index.ts');
        const result = await pipelineExportCommand(deps(db), query, file);
        inv.out(
          `exported the ${result.year} pipeline: ${result.rows} enterprises, ${result.expiring} expiring certificates to ${file}`,
        );
        return 0;
      });
    },
  },
  {
    name: 'ledger export',
    usage: 'jinke ledger export <USCC> FILE.xlsx [--year YYYY]',
    summary: '导出研发辅助账 Export an enterprise’s R&D ledger',
    help: `按统一社会信用代码找到企业，以研发辅助账模板的格式导出其全部研发项目和费用明细（--year 只导出该年度的明细），
与 GET /api/cultivation/ledger/export.xlsx 相同，导出的文件可再次导入。记入审计日志。

Finds the enterprise by its 统一社会信用代码 and writes its R&D ledger in the template's form: every project and
the entries of every year (--year: that year's entries only), the same as GET /api/cultivation/ledger/export.xlsx,
so the file imports again. Audited as the system's.`,
    options: { year: { type: 'string' } },
    arity: [2, 2],
    async run(inv) {
      const { ledgerExportQuery } = await import('@jinke/core/cultivation/ledger-sheet.contract.ts');
      const uscc = await usccArgument(inv.args[0]!);
      const { year } = optionsBy(ledgerExportQuery, { year: yearOption(inv) });
      const file = outputFile(inv, 1, '.xlsx');
      return withDatabase(inv, async (db) => {
        const { ledgerExportCommand } = await import('../modules/cultivation/index.ts');
        const result = await ledgerExportCommand(deps(db), uscc, file, year);
        inv.out(`exported the ledger of ${result.enterprise.name} (${result.entries} entries) to ${file}`);
        return 0;
      });
    },
  },
  {
    name: 'ledger import',
    usage: 'jinke ledger import <USCC> FILE.xlsx',
    summary: '导入研发辅助账 Import an enterprise’s R&D ledger',
    help: `按统一社会信用代码找到企业，导入按研发辅助账模板填写的工作簿，与网页导入相同：先校验两张表的每一行，
有任何错误则逐行列出（工作表、行号、列、值、原因），不写入任何数据并以 1 退出；全部正确时在一个事务中按项目编号
新建或更新项目，文件中各项目、各年度的明细替换已登记的明细，并记入审计日志。

Finds the enterprise by its 统一社会信用代码 and imports a workbook filled in from the ledger template, as the web
import does: every row of both sheets is checked first; if any is wrong, each bad row is listed (sheet, row,
column, value, reason), nothing is written and the exit code is 1. Otherwise, in one transaction, projects are
created or updated by code, the file's entries replace the recorded ones of each project and year it holds, and
one audit entry records it.`,
    arity: [2, 2],
    async run(inv) {
      const uscc = await usccArgument(inv.args[0]!);
      const file = inputFile(inv, 1);
      return withDatabase(inv, async (db) => {
        const { ledgerImportCommand, describeLedgerBadRows } =
          await import('../modules/cultivation/index.ts');
        const result = await ledgerImportCommand(deps(db), uscc, file);
        if (result.ok) {
          const s = result.summary;
          inv.out(
            `imported the ledger of ${result.enterprise.name}: ${s.projectsCreated} projects created, ` +
              `${s.projectsUpdated} updated, ${s.entriesCreated} entries written (${s.entriesReplaced} replaced)`,
          );
          return 0;
        }
        const { projectRows, entryRows, badRowCount } = result.details;
        const rows = projectRows + entryRows;
        inv.io.stderr.write(
          `共 ${rows} 行，其中 ${badRowCount} 行有错，未导入任何数据 / ` +
            `${badRowCount} of ${rows} rows are invalid; nothing was imported:\n`,
        );
        for (const line of describeLedgerBadRows(result.details)) inv.io.stderr.write(`${line}\n`);
        return 1;
      });
    },
  },
  {
    name: 'assessment report',
    usage: 'jinke assessment report <assessment-id> FILE.docx',
    summary: '导出体检报告 Write an assessment’s health-check report',
    help: `将已保存的自评生成体检报告（Word），与 GET /api/cultivation/assessments/:id/report.docx 相同：结论、各项条件、
得分、差距及弥补办法、十二个月培育计划和测算数据。<assessment-id> 为自评记录的编号（UUID）。

Writes the health-check report (Word) of a saved assessment, the same as
GET /api/cultivation/assessments/:id/report.docx: verdict, criteria, score, gaps with what closes them, a 12-month
cultivation plan and the data. <assessment-id> is the saved assessment's id (a UUID).`,
    arity: [2, 2],
    async run(inv) {
      const id = inv.args[0]!;
      if (!UUID.test(id))
        throw new UsageError(`<assessment-id> must be an assessment id (a UUID), got "${id}"`);
      const file = outputFile(inv, 1, '.docx');
      return withDatabase(inv, async (db) => {
        const { assessmentReportCommand } = await import('../modules/cultivation/index.ts');
        const result = await assessmentReportCommand(deps(db), id, file);
        inv.out(`wrote the health-check report of ${result.enterpriseName} to ${file}`);
        return 0;
      });
    },
  },
];
