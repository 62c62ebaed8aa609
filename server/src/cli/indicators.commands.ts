/**
 * The indicators' documents from the command line: `jinke report annual`, the year's summary as Word, the same
 * document as GET /api/indicators/report/annual.docx (modules/indicators/annual-report.*), read bureau-wide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { UsageError, withDatabase, type Command } from './command.ts';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

export const indicatorsCommands: Command[] = [
  {
    name: 'report annual',
    usage: 'jinke report annual --year YYYY --out FILE.docx [--number N]',
    summary: '生成年度工作总结 Write the year’s summary document (.docx)',
    help: `按公文格式（GB/T 9704-2012）生成该年度的科技和知识产权工作总结（Word），与指标看板的“生成年度工作总结”
（GET /api/indicators/report/annual.docx）相同：文中数据为指标看板该年度的全市数据，下一年度目标取自已录入的目标，
缺失的数据标为“【数据缺失：指标名】”，附件列出每个数据的来源。--number 为文号“晋科〔年度+1〕N号”中的 N（默认 1）。

Writes the year's summary of science, technology and IP work as a Word document in official-document form
(GB/T 9704-2012), the same as the dashboard's "Annual summary" (GET /api/indicators/report/annual.docx): the
county figures of the year as the dashboard computes them, the next year's recorded targets, a marker for each
missing figure, and an appendix of every figure's source. --number is N of 晋科〔YEAR+1〕N号 (default 1).
A year without figures exits 1.`,
    options: { year: { type: 'string' }, out: { type: 'string' }, number: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const year = text(inv.values.year);
      if (year === undefined || !/^\d{4}$/.test(year))
        throw new UsageError(
          `--year 应为四位年份 / --year must be a year (YYYY), got ${year === undefined ? 'nothing' : `"${year}"`}`,
        );
      const out = text(inv.values.out);
      if (out === undefined) throw new UsageError('--out FILE.docx is required');
      if (path.extname(out).toLowerCase() !== '.docx')
        throw new UsageError(`the output file must end in .docx, got "${out}"`);
      const { annualReportQuery } = await import('@jinke/core/indicators/api.contract.ts');
      const parsed = annualReportQuery.safeParse({ year, number: text(inv.values.number) });
      if (!parsed.success) {
        const zh = toFieldErrors(parsed.error.issues, 'zh-CN');
        const en = toFieldErrors(parsed.error.issues, 'en-US');
        throw new UsageError(zh.map((f, i) => `--${f.message} / --${en[i]?.message ?? ''}`).join('; '));
      }
      const file = path.resolve(out);
      return withDatabase(inv, async (db) => {
        const { annualReportCommand } = await import('../modules/indicators/index.ts');
        const { data, body } = await annualReportCommand({ db, clock: () => new Date() }, parsed.data);
        fs.writeFileSync(file, body);
        inv.out(`wrote the ${data.year} annual summary (${data.documentNumber}) to ${file}`);
        return 0;
      });
    },
  },
];
