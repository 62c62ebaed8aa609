/** Expert draws from the command line: re-run a stored draw exactly as the public verification page does. */
import { UsageError, withDatabase, type Command } from './command.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const drawsCommands: Command[] = [
  {
    name: 'draws verify',
    usage: 'jinke draws verify <id>',
    summary: '核验专家抽取结果 Verify an expert draw',
    help: `Reads the draw's public record from the database (frozen pool, pool hash, seed, panel, alternates,
replacements), recomputes the SM3 pool hash, re-runs the draw (algorithm jinke-draw/1, docs/rules/draws.md) and
replays every replacement. Prints "draw <id> verified: panel matches" and exits 0, or names each part that differs
and exits 1. A draw that is frozen but not drawn yet has only its pool hash checked.`,
    arity: [1, 1],
    async run(inv) {
      const id = inv.args[0]!;
      if (!UUID.test(id)) throw new UsageError(`<id> must be a draw id (a UUID), got "${id}"`);
      return withDatabase(inv, async (db) => {
        const [{ drawsService }, { publishedPartNames }] = await Promise.all([
          import('../modules/draws/index.ts'),
          import('@jinke/core/draws/published.ts'),
        ]);
        const check = await drawsService({ db, clock: () => new Date() }).verifyStored(id);
        if (check.matches) {
          inv.out(
            check.stage === 'drawn'
              ? `draw ${id} verified: panel matches`
              : `draw ${id} verified: pool hash matches (not drawn yet)`,
          );
          return 0;
        }
        const parts = check.differs.map((p) => `${publishedPartNames[p].en} (${publishedPartNames[p].zh})`);
        inv.io.stderr.write(
          `draw ${id} does not verify: the ${parts.join(', ')} differ${parts.length === 1 ? 's' : ''}\n`,
        );
        return 1;
      });
    },
  },
];
