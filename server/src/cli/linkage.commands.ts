/**
 * Leader–enterprise linkage from the command line: `jinke linkage overdue`, the problems past their due date and
 * not resolved or closed (China time), read bureau-wide through the same service as GET /api/linkage/problems.
 */
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { UsageError, withDatabase, type Command } from './command.ts';

export const linkageCommands: Command[] = [
  {
    name: 'linkage overdue',
    usage: 'jinke linkage overdue [--out FILE.xlsx]',
    summary: '列出逾期未办结的企业诉求 List overdue linkage problems',
    help: `列出办结期限已过（按北京时间）且尚未解决或办结的企业诉求/问题，逾期最久的在前；--out 写入 Excel 工作簿
（含逾期天数与合计行）。

Lists the problems enterprises raised with their linked leaders whose due date has passed (China time) and that
are neither resolved nor closed, most overdue first: one line each with the due date, days late, enterprise,
town, problem, leader and assignee. With --out the same list is written as a workbook with a total row.`,
    options: { out: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const out = typeof inv.values.out === 'string' ? inv.values.out : undefined;
      if (inv.values.out !== undefined && out === undefined) throw new UsageError('--out needs a file name');
      if (out !== undefined && path.extname(out).toLowerCase() !== '.xlsx')
        throw new UsageError(`the output file must end in .xlsx, got "${out}"`);
      return withDatabase(inv, async (db) => {
        const [{ linkageService, writeOverdueWorkbook, daysLate }, { COMMAND_LINE_READER, systemContext }] =
          await Promise.all([import('../modules/linkage/index.ts'), import('../platform/context.ts')]);
        const list = await linkageService({ db, clock: () => new Date() }).overdueProblems({
          ...systemContext('linkage-overdue'),
          actor: COMMAND_LINE_READER,
        });
        if (out !== undefined) {
          const file = path.resolve(out);
          const stream = fs.createWriteStream(file);
          await writeOverdueWorkbook(list, stream);
          await finished(stream);
          inv.out(
            `wrote ${list.total} overdue problem${list.total === 1 ? '' : 's'} (as of ${list.today}) to ${file}`,
          );
          return 0;
        }
        inv.out(`逾期问题 Overdue problems as of ${list.today}: ${list.total}`);
        for (const p of list.items)
          inv.out(
            [
              p.dueOn,
              `+${daysLate(p.dueOn, list.today)}d`,
              p.enterpriseName,
              p.townName ?? '-',
              p.title,
              p.leaderName ?? '-',
              p.assigneeName ?? p.department ?? '-',
            ].join('\t'),
          );
        return 0;
      });
    },
  },
];
