/**
 * Programme calls from the command line: `jinke calls list [--status draft|open|closed]`, read bureau-wide through
 * the same service as GET /api/programmes/calls.
 */
import { callStatuses, type CallStatus } from '@jinke/core/programmes/api.contract.ts';
import { UsageError, withDatabase, type Command } from './command.ts';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

export const programmesCommands: Command[] = [
  {
    name: 'calls list',
    usage: 'jinke calls list [--status draft|open|closed]',
    summary: '列出申报通知 List programme calls',
    help: `列出申报通知（最晚截止的在前），每行：状态、截止日期、开始日期、类别、流程版本、已提交数、预算、标题；--status 只列该状态。

Lists the programme calls, latest closing day first, one line each: status, closing day, opening day, kind,
frozen definition version, applications submitted, budget and title. --status keeps only draft, open or closed
calls.`,
    options: { status: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const status = inv.values.status;
      if (status !== undefined && !callStatuses.includes(status as CallStatus))
        throw new UsageError(`--status must be one of ${callStatuses.join(', ')}, got "${String(status)}"`);
      return withDatabase(inv, async (db) => {
        const [{ callsService }, { COMMAND_LINE_READER, systemContext }] = await Promise.all([
          import('../modules/programmes/index.ts'),
          import('../platform/context.ts'),
        ]);
        const list = await callsService({ db, clock: () => new Date() }).list(
          { ...systemContext('calls-list'), actor: COMMAND_LINE_READER },
          { status: status as CallStatus | undefined },
        );
        inv.out(`申报通知 Calls: ${list.items.length}`);
        for (const c of list.items)
          inv.out(
            [
              c.status,
              c.closesOn,
              c.opensOn,
              c.kind,
              c.definitionVersion === null ? '-' : `v${c.definitionVersion}`,
              String(c.submittedCount),
              yuan(c.budgetFen),
              c.title,
            ].join('\t'),
          );
        return 0;
      });
    },
  },
];
