/**
 * `jinke indicators open-data`: the published indicators of a year as JSON or CSV, the same content as the public
 * GET /api/public/indicators and /api/public/indicators.csv (modules/indicators/open-data.*), for publishing the file
 * elsewhere (the government open-data portal) or checking it before it goes out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { UsageError, withDatabase, type Command } from './command.ts';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const openDataCommands: Command[] = [
  {
    name: 'indicators open-data',
    usage: 'jinke indicators open-data --out FILE [--year YYYY] [--format csv|json]',
    summary: '导出指标公开数据 Write the published indicators of a year (CSV or JSON)',
    help: `导出局公开发布的指标（目录中 published 的指标）某一年度的全市数据，与公开页面“指标公开数据”
（GET /api/public/indicators、/api/public/indicators.csv）内容相同：精确值与显示值、单位、口径、公式、数据时间。
不含分镇数据、目标和填报备注。--year 缺省为有数据的最近年度；--format 缺省按 --out 的扩展名（.csv 或 .json）。
CSV 为带 BOM 的 UTF-8（Excel 可直接打开），列名见 docs/open-data.md。

Writes the county figures of the indicators the bureau publishes (catalogue entries marked published) for a year,
the same content as the public open-data page (GET /api/public/indicators and /api/public/indicators.csv): exact
and rounded values, unit, citation, formula and data time; no town breakdown, targets or notes. --year defaults to
the latest year with figures; --format defaults to the extension of --out (.csv or .json). The CSV is UTF-8 with
a byte-order mark (Excel opens it as is); its columns are listed in docs/open-data.md. A year without figures
exits 1.`,
    options: { year: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const out = text(inv.values.out);
      if (out === undefined) throw new UsageError('--out FILE is required (FILE.csv or FILE.json)');
      const given = text(inv.values.format);
      const ext = path.extname(out).toLowerCase().slice(1);
      const format = (given ?? ext) as Format;
      if (!FORMATS.includes(format))
        throw new UsageError(
          given === undefined
            ? `--format csv|json is required when --out does not end in .csv or .json, got "${out}"`
            : `--format 应为 csv 或 json / --format must be csv or json, got "${given}"`,
        );
      const { openDataQuery, openDataCsv } = await import('@jinke/core/indicators/open-data.contract.ts');
      const parsed = openDataQuery.safeParse({ year: text(inv.values.year) });
      if (!parsed.success) {
        const zh = toFieldErrors(parsed.error.issues, 'zh-CN');
        const en = toFieldErrors(parsed.error.issues, 'en-US');
        throw new UsageError(zh.map((f, i) => `--${f.message} / --${en[i]?.message ?? ''}`).join('; '));
      }
      const file = path.resolve(out);
      return withDatabase(inv, async (db) => {
        const { openDataService } = await import('../modules/indicators/index.ts');
        const { systemContext } = await import('../platform/context.ts');
        const data = await openDataService({ db, clock: () => new Date() }).figures(
          systemContext('indicators-open-data'),
          parsed.data,
        );
        const body = format === 'csv' ? openDataCsv(data) : `${JSON.stringify(data, null, 2)}\n`;
        fs.writeFileSync(file, body, 'utf8');
        inv.out(
          `wrote ${data.items.length} published indicators of ${data.year} (${format.toUpperCase()}) to ${file}`,
        );
        return 0;
      });
    },
  },
];
