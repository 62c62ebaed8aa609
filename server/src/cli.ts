/**
 * The `jinke` command line (`npx jinke <command>`): serve, migrate, seed, users, audit, backup, restore, rules,
 * import, export, draws, and the cultivation files (pipeline, ledger, assessment report). `runCli` takes the
 * arguments and the streams, and returns the exit code, so tests run it in-process. Any error is one line
 * `jinke: <reason>` on stderr (the stack only with JINKE_DEBUG=1). Every change it makes is audited with a system
 * context: no actor, request id `cli-…`. The commands live in `cli/`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { UsageError, type CliIo, type Command, type Values } from './cli/command.ts';
import { cultivationCommands } from './cli/cultivation.commands.ts';
import { databaseCommands } from './cli/database.commands.ts';
import { drawsCommands } from './cli/draws.commands.ts';
import { fundsCommands } from './cli/funds.commands.ts';
import { indicatorsCommands } from './cli/indicators.commands.ts';
import { linkageCommands } from './cli/linkage.commands.ts';
import { noticesCommands } from './cli/notices.commands.ts';
import { openDataCommands } from './cli/open-data.commands.ts';
import { programmesCommands } from './cli/programmes.commands.ts';
import { registryCommands } from './cli/registry.commands.ts';
import { rulesCommands } from './cli/rules.commands.ts';
import { townsCommands } from './cli/towns.commands.ts';
import { usersCommands } from './cli/users.commands.ts';

export type { CliIo } from './cli/command.ts';

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

const commands: Command[] = [
  ...databaseCommands,
  ...usersCommands,
  ...rulesCommands,
  ...registryCommands,
  ...drawsCommands,
  ...cultivationCommands,
  ...indicatorsCommands,
  ...townsCommands,
  ...openDataCommands,
  ...linkageCommands,
  ...programmesCommands,
  ...fundsCommands,
  ...noticesCommands,
];

const groups = [...new Set(commands.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];

/** The usage line up to its first option, for the overview. */
const shortUsage = (c: Command) => c.usage.split(' [')[0]!.split(' --')[0]!.split('  ')[0]!;

function overview(): string {
  const width = Math.max(...commands.map((c) => shortUsage(c).length), 'jinke help [command]'.length);
  return [
    'jinke — 晋科 command line',
    '',
    'Usage: jinke <command> [options]     (jinke <command> --help for details)',
    '',
    ...commands.map((c) => `  ${shortUsage(c).padEnd(width)}  ${c.summary}`),
    `  ${'jinke help [command]'.padEnd(width)}  帮助 This help`,
    '',
    'Environment: JINKE_DATA_DIR (default ./data), DATABASE_URL (PostgreSQL instead of PGlite), HOST, PORT,',
    'JINKE_SM4_KEY, JINKE_DEMO_PASSWORD, JINKE_DEBUG=1 (stack traces on errors).',
  ].join('\n');
}

const commandHelp = (c: Command) => `Usage: ${c.usage}\n\n${c.summary}\n\n${c.help}`;

/** The command named by the leading arguments, and the arguments after its name. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const size of [2, 1]) {
    const name = argv.slice(0, size).join(' ');
    const command = argv.length >= size ? commands.find((c) => c.name === name) : undefined;
    if (command) return { command, rest: argv.slice(size) };
  }
  return null;
}

/** The modules' error catalogues, which the app registers at build time, so codes find their words here too. */
async function registerModuleErrors(): Promise<void> {
  const [{ modules }, { registerErrors }] = await Promise.all([
    import('./modules/index.ts'),
    import('./platform/errors.ts'),
  ]);
  for (const module of modules) if (module.errors) registerErrors(module.errors);
}

/** One line for a person: the application's words in both languages, else the error's own message. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const zh = error.messageFor('zh-CN');
    const en = error.messageFor('en-US');
    return zh === en ? zh : `${zh} / ${en}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const out = (line = '') => io.stdout.write(`${line}\n`);
  try {
    const [first, ...others] = argv;
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      const topic = others.length ? findCommand(others) : null;
      if (others.length && !topic) {
        const group = commands.filter((c) => c.name.startsWith(`${others[0]} `));
        if (!group.length) throw new UsageError(`unknown command "${others.join(' ')}"`);
        out(group.map(commandHelp).join('\n\n'));
        return 0;
      }
      out(topic ? commandHelp(topic.command) : overview());
      return 0;
    }
    const found = findCommand(argv);
    if (!found) {
      if (groups.includes(first)) {
        const subs = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.split(' ')[1]);
        throw new UsageError(
          `${first} needs one of: ${subs.join(', ')}${others[0] ? ` (not "${others[0]}")` : ''}`,
        );
      }
      throw new UsageError(`unknown command "${first}"`);
    }
    const { command, rest } = found;
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(
        `${(error as Error).message.split('. ')[0]!.replace(/\.$/, '')} (usage: ${command.usage})`,
      );
    }
    if (parsed.values.help) {
      out(commandHelp(command));
      return 0;
    }
    const [min, max] = command.arity;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(`wrong number of arguments (usage: ${command.usage})`);
    }
    return await command.run({
      args: parsed.positionals,
      values: parsed.values,
      io,
      config: loadConfig(io.env),
      out,
    });
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Writes the one-line `jinke: <reason>` (after the stack with JINKE_DEBUG=1) and returns the exit code. */
export async function reportFailure(error: unknown, io: Pick<CliIo, 'stderr' | 'env'>): Promise<number> {
  if (io.env.JINKE_DEBUG === '1' && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
  if (error instanceof AppError) await registerModuleErrors();
  const hint = error instanceof UsageError ? '; jinke help lists the commands' : '';
  io.stderr.write(`jinke: ${describeError(error)}${hint}\n`);
  return error instanceof UsageError ? 2 : 1;
}
