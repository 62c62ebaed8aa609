/**
 * The town assessment from the command line: `jinke towns assessment`, the workbook of GET
 * /api/indicators/town-assessment/:town.xlsx for one town (--town), or of every town (the ranking sheet and each
 * town's sheet), read bureau-wide (modules/indicators/town-assessment.*).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, withDatabase, type Command } from './command.ts';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

export const townsCommands: Command[] = [
  {
    name: 'towns assessment',
    usage: 'jinke towns assessment --year YYYY --out FILE.xlsx [--town CODE]',
    summary: '导出镇街考核得分表 Write the town assessment workbook (.xlsx)',
    help: `按该年度的考核权重计算各镇（街道）得分与排名，写出 Excel：指定 --town（9 位镇街代码）时为该镇的得分表（与
“镇街考核”页面下载的相同：各指标实际值、目标值、完成率、权重、得分、总分与排名），否则为排名表加每个镇街一张得分表。
没有数据的年度退出码为 1；未知的镇街代码退出码为 1。

Scores the towns with the year's weights and writes a workbook: with --town (a 9-digit town code) that town's
sheet, the same as the page's download (each indicator's actual, target, achievement, weight and points, the
total and the rank); without it the ranking sheet followed by every town's sheet. A year without figures or an
unknown town exits 1.`,
    options: { year: { type: 'string' }, out: { type: 'string' }, town: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const year = text(inv.values.year);
      if (year === undefined || !/^\d{4}$/.test(year))
        throw new UsageError(
          `--year 应为四位年份 / --year must be a year (YYYY), got ${year === undefined ? 'nothing' : `"${year}"`}`,
        );
      const out = text(inv.values.out);
      if (out === undefined) throw new UsageError('--out FILE.xlsx is required');
      if (path.extname(out).toLowerCase() !== '.xlsx')
        throw new UsageError(`the output file must end in .xlsx, got "${out}"`);
      const town = text(inv.values.town);
      if (inv.values.town !== undefined && (town === undefined || !/^\d{9}$/.test(town)))
        throw new UsageError(
          `--town 应为 9 位镇街代码 / --town must be a 9-digit town code, got "${String(inv.values.town)}"`,
        );
      const file = path.resolve(out);
      return withDatabase(inv, async (db) => {
        const { townAssessmentCommand } = await import('../modules/indicators/index.ts');
        const { assessment, rows, body } = await townAssessmentCommand(
          { db, clock: () => new Date() },
          { year: Number(year), town },
        );
        fs.writeFileSync(file, body);
        const what =
          town === undefined
            ? `${rows.length} towns`
            : `${rows[0]!.townName} (score ${rows[0]!.score.display}, rank ${rows[0]!.rank} of ${assessment.townCount})`;
        inv.out(`wrote the ${assessment.year} town assessment of ${what} to ${file}`);
        return 0;
      });
    },
  },
];
