/**
 * Programme funds from the command line: `jinke funds standards [--install]` prints every policy standard version
 * (installing the shipped ones first when asked), `jinke funds flags [--call <id>]` prints the supervision flags
 * with their reasons — the same services as GET /api/funds/standards and /api/funds/supervision.
 */
import { formatYuan } from '@jinke/core/common/money.ts';
import { UsageError, withDatabase, type Command } from './command.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const fundsCommands: Command[] = [
  {
    name: 'funds standards',
    usage: 'jinke funds standards [--install]',
    summary: '列出资助标准 List the policy standards',
    help: `列出资助标准的每个版本，每行：编号、状态（in_force 有效 / future 未生效 / ended 已失效）、生效日期、失效日期、计算方式、依据；--install 先安装随系统提供而库中尚无的标准（记入审计日志）。

Lists every policy standard version, one line each: id, status, first day, last day ("-" while open), how it
computes (per-item rates with their limits, tiers, caps) and its citation. --install first adds the shipped
standards the database does not hold yet (audited).`,
    options: { install: { type: 'boolean' } },
    arity: [0, 0],
    async run(inv) {
      return withDatabase(inv, async (db) => {
        const [{ standardsService }, { systemContext }] = await Promise.all([
          import('../modules/funds/index.ts'),
          import('../platform/context.ts'),
        ]);
        const service = standardsService({ db, clock: () => new Date() });
        if (inv.values.install) {
          const added = await service.install(systemContext('funds-standards'));
          inv.out(`安装 Installed: ${added.length}`);
        }
        const { items } = await service.list({});
        inv.out(`资助标准 Standards: ${items.length}`);
        for (const s of items) {
          const rates = s.perItem.map(
            (r) =>
              `${r.label.zh} ${formatYuan(BigInt(r.amountFen), { symbol: true })}/${r.unit.zh}${r.maxItems ? `≤${r.maxItems}` : ''}`,
          );
          const tiers = (s.tiers?.bands ?? []).map(
            (b) => `${s.tiers!.base.zh}≥${formatYuan(BigInt(b.fromFen), { symbol: true })}×${b.percent}%`,
          );
          const caps = [
            s.capPerApplicationFen
              ? `单项≤${formatYuan(BigInt(s.capPerApplicationFen), { symbol: true })}`
              : '',
            s.capPerEnterpriseYearFen
              ? `每企每年≤${formatYuan(BigInt(s.capPerEnterpriseYearFen), { symbol: true })}`
              : '',
          ].filter(Boolean);
          inv.out(
            [
              s.id,
              s.status,
              s.effectiveFrom,
              s.effectiveTo ?? '-',
              [...rates, ...tiers, ...caps].join('；'),
              s.citation,
            ].join('\t'),
          );
        }
        return 0;
      });
    },
  },
  {
    name: 'funds flags',
    usage: 'jinke funds flags [--call <id>]',
    summary: '资金监管预警 Supervision flags',
    help: `列出资金监管预警，每行：类型、统一社会信用代码、企业、项目（专利号）、申报通知、理由；--call 只列涉及该申报通知的预警。有预警时退出码为 1。

Lists the fund supervision flags, one line each: kind (duplicate, lapsed-within-clawback, above-standard), USCC,
enterprise, item, calls and the reason. --call keeps the flags touching that call. Exits 1 when there is any
flag, 0 when there is none.`,
    options: { call: { type: 'string' } },
    arity: [0, 0],
    async run(inv) {
      const call = inv.values.call;
      if (call !== undefined && (typeof call !== 'string' || !UUID.test(call)))
        throw new UsageError(`--call must be a call id (a UUID), got "${String(call)}"`);
      return withDatabase(inv, async (db) => {
        const { supervisionService } = await import('../modules/funds/index.ts');
        const flags = await supervisionService({ db }).flags(call);
        inv.out(`资金监管预警 Flags: ${flags.length}`);
        for (const f of flags)
          inv.out(
            [f.kind, f.uscc, f.enterpriseName, f.itemKey ?? '-', f.callTitles.join('、'), f.zh].join('\t'),
          );
        return flags.length > 0 ? 1 : 0;
      });
    },
  },
];
