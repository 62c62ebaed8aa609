/**
 * A sandbox for CLI tests: a temporary directory with its own file-backed database and key, and `run`, which
 * runs `jinke` in-process with that environment and collects what it prints and its exit code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../src/cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliSandbox(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jinke-${name}-cli-`));
  const env = {
    JINKE_DATA_DIR: path.join(dir, 'data'),
    JINKE_SM4_KEY: '0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'silent',
  };
  /** Runs the command line; `input` is what it reads on stdin. */
  async function runWith(input: string | null, argv: string[]): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: (async function* () {
        if (input !== null) yield Buffer.from(input);
      })(),
      env,
    };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  }
  return {
    dir,
    env,
    file: (fileName: string) => path.join(dir, fileName),
    run: (...argv: string[]) => runWith(null, argv),
    runWith,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
