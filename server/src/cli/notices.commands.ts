/**
 * `jinke notices results`: the programme results confirmed after their public notice, as CSV or JSON — the same
 * content as the public GET /api/public/programme-results and /api/public/programme-results.csv.
 */
import fs from 'node:fs';
import path from 'node:path';
import { accountsDeps, UsageError, withDatabase, type Command } from './command.ts';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const noticesCommands: Command[] = [
  {
    name: 'notices results',
    usage: 'jinke notices results --out FILE [--year YYYY] [--format csv|json]',
    summary: '导出立项结果公开数据 Write the confirmed programme results (CSV or JSON)',
    help: `导出公示期满并确认立项的项目结果，与公开页面“立项结果”（GET /api/public/programme-results、
/api/public/programme-results.csv）内容相同：申报书编号（稳定编号）、申报通知、年度、企业、项目名称、金额（分）和状态。
--year 只导出该年度的申报通知；--format 缺省按 --out 的扩展名（.csv 或 .json）。CSV 为带 BOM 的 UTF-8。

Writes the programme results confirmed after their public notice, the same content as the public results page
(GET /api/public/programme-results and .csv): application id (the stable id), call, year, enterprise, project
title, amount in fen and status. --year keeps the calls of one year; --format defaults to the extension of --out
(.csv or .json). The CSV is UTF-8 with a byte-order mark.`,
    options: { year: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const out = text(inv.values.out);
      if (out === undefined) throw new UsageError('--out FILE is required (FILE.csv or FILE.json)');
      const given = text(inv.values.format);
      const format = (given ?? path.extname(out).toLowerCase().slice(1)) as Format;
      if (!FORMATS.includes(format))
        throw new UsageError(
          given === undefined
            ? `--format csv|json is required when --out does not end in .csv or .json, got "${out}"`
            : `--format 应为 csv 或 json / --format must be csv or json, got "${given}"`,
        );
      const yearText = text(inv.values.year);
      if (yearText !== undefined && !/^(19[89]\d|20\d\d|2100)$/.test(yearText))
        throw new UsageError(`--year 应为 1980–2100 年 / --year must be a year 1980–2100, got "${yearText}"`);
      const file = path.resolve(out);
      return withDatabase(inv, async (db) => {
        const [{ noticesService }, { resultsCsv }] = await Promise.all([
          import('../modules/notices/index.ts'),
          import('@jinke/core/notices/rules.ts'),
        ]);
        const data = await noticesService(accountsDeps(db, inv.config)).results({
          year: yearText === undefined ? undefined : Number(yearText),
        });
        fs.writeFileSync(
          file,
          format === 'csv' ? resultsCsv(data.items) : `${JSON.stringify(data, null, 2)}\n`,
          'utf8',
        );
        inv.out(`wrote ${data.items.length} programme results (${format.toUpperCase()}) to ${file}`);
        return 0;
      });
    },
  },
];
