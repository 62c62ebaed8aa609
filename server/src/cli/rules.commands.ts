/** The rule catalogue for batch use: list the rules, run one over JSON from stdin. */
import { pickLocale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { UsageError, type Command } from './command.ts';

export const rulesCommands: Command[] = [
  {
    name: 'rules list',
    usage: 'jinke rules list',
    summary: '列出规则 List the rules',
    help: 'Prints each rule of the catalogue: id, title and the article it implements.',
    arity: [0, 0],
    async run(inv) {
      const { rules } = await import('@jinke/core/rules/catalogue.ts');
      if (!rules.length) {
        inv.out('no rules in the catalogue yet');
        return 0;
      }
      for (const rule of rules) inv.out(`${rule.id}\t${rule.title.zh} ${rule.title.en}\t${rule.citation}`);
      return 0;
    },
  },
  {
    name: 'rules run',
    usage: 'jinke rules run <rule-id>  < input.json',
    summary: '批量执行规则 Run a rule on JSON from stdin',
    help: 'Reads one JSON value, or a JSON array of values, from stdin; validates each against the rule\'s input schema,\nruns the rule and writes JSON to stdout. In an array an invalid item becomes { "error": … } in its place;\na single invalid input exits 1.',
    arity: [1, 1],
    async run(inv) {
      const { rules } = await import('@jinke/core/rules/catalogue.ts');
      const rule = rules.find((r) => r.id === inv.args[0]);
      if (!rule) throw new UsageError(`unknown rule "${inv.args[0]}"; jinke rules list shows the ids`);
      let text = '';
      for await (const chunk of inv.io.stdin)
        text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let input: unknown;
      try {
        input = JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`stdin is not valid JSON: ${(error as Error).message}`);
      }
      const locale = pickLocale((inv.io.env.LC_ALL || inv.io.env.LANG || '').replace('_', '-'));
      const runOne = (
        item: unknown,
      ): { ok: true; json: string } | { ok: false; error: Record<string, unknown> } => {
        const parsed = rule.input.safeParse(item);
        if (!parsed.success) {
          const fields = toFieldErrors(parsed.error.issues, locale);
          return {
            ok: false,
            error: { code: 'VALIDATION_FAILED', message: fields.map((f) => f.message).join('; '), fields },
          };
        }
        try {
          // Serialised here, once, so a value JSON cannot hold fails as this item's error; the text is written as
          // it is (a JSON.parse/stringify round trip would only rebuild the same text, at twice the cost).
          return { ok: true, json: JSON.stringify(rule.run(parsed.data)) ?? 'null' };
        } catch (error) {
          return { ok: false, error: { code: 'RULE_FAILED', message: (error as Error).message } };
        }
      };
      if (Array.isArray(input)) {
        // The same text as stringifying the array of results, built from each item's own text.
        const results = input.map((item) => {
          const r = runOne(item);
          return r.ok ? r.json : JSON.stringify({ error: r.error });
        });
        inv.io.stdout.write(`[${results.join(',')}]\n`);
        return 0;
      }
      const r = runOne(input);
      if (r.ok) {
        inv.io.stdout.write(`${r.json}\n`);
        return 0;
      }
      inv.io.stdout.write(`${JSON.stringify({ error: r.error })}\n`);
      throw new Error(`the input is invalid: ${String(r.error.message)}`);
    },
  },
];
