/**
 * `npx jinke rules run cultivation.hnte-assessment` over 10,000 self-assessments sent as one JSON array on stdin
 * (the batch use the issue asks for), against a baseline in the same run: `node -e` reading the same JSON from
 * stdin and writing it back, which is what any process must at least do with the file. Target ≤ 10 s end to end,
 * including the start of the command (npx, tsx, the rule catalogue). Run with `npm run bench cultivation-cli`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hnteBenchInputs } from './cultivation.bench.ts';
import { printResults } from './lib.ts';

const ROUNDS = 3;
const RULE = 'cultivation.hnte-assessment';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Milliseconds for `command args < input > output`, and the exit code. */
function timed(command: string, args: string[], input: string, output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const stdin = fs.openSync(input, 'r');
    const stdout = fs.openSync(output, 'w');
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: [stdin, stdout, 'inherit'] });
    // The child holds its own copies of the descriptors.
    fs.closeSync(stdin);
    fs.closeSync(stdout);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else resolve(performance.now() - started);
    });
  });
}

async function best(fn: () => Promise<number>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) min = Math.min(min, await fn());
  return min;
}

export default async function cultivationCliBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-bench-cli-'));
  try {
    const input = path.join(dir, 'hnte-10000.json');
    const output = path.join(dir, 'out.json');
    const inputs = hnteBenchInputs();
    fs.writeFileSync(input, JSON.stringify(inputs));
    const baseline = await best(() =>
      timed(
        process.execPath,
        [
          '-e',
          "const fs=require('fs');fs.writeSync(1, JSON.stringify(JSON.parse(fs.readFileSync(0,'utf8'))))",
        ],
        input,
        output,
      ),
    );
    const cli = await best(() => timed('npx', ['jinke', 'rules', 'run', RULE], input, output));
    // The last run's output: one result per input, none an error.
    const results = JSON.parse(fs.readFileSync(output, 'utf8')) as { error?: unknown }[];
    const errors = results.filter((r) => r.error !== undefined).length;
    if (results.length !== inputs.length || errors > 0)
      throw new Error(
        `expected ${inputs.length} results without errors, got ${results.length} with ${errors} errors`,
      );
    const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    printResults(
      `cultivation — npx jinke rules run ${RULE} (${megabytes(fs.statSync(input).size)} in, ${megabytes(fs.statSync(output).size)} out)`,
      [
        {
          name: `${inputs.length} assessments as one JSON array through the CLI`,
          value: cli,
          unit: 'ms',
          baseline: { name: 'node -e reading and writing the same JSON', value: baseline },
          target: '≤ 10000 ms',
          ok: cli <= 10_000,
        },
      ],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
