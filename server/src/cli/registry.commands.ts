/** Registry workbooks from the command line: import a filled template, export a filtered list. */
import path from 'node:path';
import { accountsDeps, UsageError, withDatabase, type Command } from './command.ts';

export const registryCommands: Command[] = [
  {
    name: 'import',
    usage: 'jinke import <kind> FILE.xlsx',
    summary: '导入 Excel Import a registry workbook',
    help: `Kinds: enterprises, experts, patents, enterprise-years (the web offers each kind's template). Every row is
checked first: if any is wrong, each bad row is listed (row, column, value, reason) and nothing is written (exit 1);
otherwise all rows are written in one transaction with one audit entry.`,
    arity: [2, 2],
    async run(inv) {
      const { importKinds } = await import('@jinke/core/registry/import.contract.ts');
      const kind = importKinds.find((k) => k === inv.args[0]);
      if (!kind) throw new UsageError(`<kind> must be one of ${importKinds.join(', ')}`);
      const file = path.resolve(inv.args[1]!);
      return withDatabase(inv, async (db) => {
        const { importCommand, describeBadRows } = await import('../modules/registry/index.ts');
        const result = await importCommand(accountsDeps(db, inv.config), kind, file);
        if (result.ok) {
          inv.out(`imported ${result.summary.rows} rows`);
          return 0;
        }
        const { rows, badRowCount } = result.details;
        inv.io.stderr.write(`${badRowCount} of ${rows} rows are invalid; nothing was imported:\n`);
        for (const line of describeBadRows(result.details)) inv.io.stderr.write(`${line}\n`);
        return 1;
      });
    },
  },
  {
    name: 'export',
    usage: 'jinke export <kind> FILE.xlsx [--town CODE] [--q TEXT] [--year YYYY] [--industry CODE] …',
    summary: '导出 Excel Export the registry to a workbook',
    help: `Kinds: enterprises, experts, patents, institutes, enterprise-years, talents, carriers, banks. Filters are
those of the kind's list: --q, --town, --year, --industry, --qualification, --above-scale, --hitech-field, --chain
(enterprises and enterprise-years; --year then also picks the year), --type, --status, --valid-at, --ipc (patents),
--field, --available (experts), --kind (institutes, talents, carriers, banks), --enterprise-id, --year (talents),
--town (carriers). A kind that has an import template gets its headers, so the file imports again.`,
    options: Object.fromEntries(
      [
        'q',
        'town',
        'year',
        'industry',
        'qualification',
        'above-scale',
        'hitech-field',
        'chain',
        'type',
        'status',
        'valid-at',
        'ipc',
        'field',
        'available',
        'kind',
        'enterprise-id',
      ].map((name) => [name, { type: 'string' as const }]),
    ),
    arity: [2, 2],
    async run(inv) {
      const { exportKinds } = await import('@jinke/core/registry/import.contract.ts');
      const kind = exportKinds.find((k) => k === inv.args[0]);
      if (!kind) throw new UsageError(`<kind> must be one of ${exportKinds.join(', ')}`);
      const { exportCommand, exportFilterNames } = await import('../modules/registry/index.ts');
      const allowed = exportFilterNames(kind);
      const filters: Record<string, string> = {};
      for (const [option, value] of Object.entries(inv.values)) {
        if (typeof value !== 'string') continue;
        const key = option.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
        if (!allowed.includes(key)) throw new UsageError(`--${option} is not a filter of ${kind}`);
        filters[key] = value;
      }
      const file = path.resolve(inv.args[1]!);
      return withDatabase(inv, async (db) => {
        const rows = await exportCommand(accountsDeps(db, inv.config), kind, file, filters);
        inv.out(`exported ${rows} rows to ${file}`);
        return 0;
      });
    },
  },
];
