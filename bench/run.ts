/** `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in sequence. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
console.log(`# Jinke benchmarks — ${new Date().toISOString()} — node ${process.version}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: () => Promise<void> };
  if (typeof mod.default !== 'function') throw new Error(`${file} must export a default async function`);
  await mod.default();
}
