/**
 * Registry import at scale (on PostgreSQL, a fresh database): a generated 50,000-row enterprise workbook with
 * valid credit codes, imported the way the web import does (every row checked, then one transaction). Baseline:
 * reading the same file with the same streaming reader in the same run. Prints seconds and peak RSS growth.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PersonalDataCipher } from '../server/src/platform/crypto.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { enterpriseRows, writeImportFile } from '../server/src/modules/registry/import-fixtures.ts';
import { readImportRows } from '../server/src/modules/registry/import-reader.ts';
import { importFile } from '../server/src/modules/registry/import.service.ts';
import { printResults, withScratchPostgres } from './lib.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const MB = 1024 * 1024;

/** Runs `fn`, sampling RSS every 20 ms; returns its seconds, this process's CPU seconds and the peak RSS above the start. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; value: T }> {
  const start = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const cpu = process.cpuUsage(cpu0);
    return {
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: (peak - start) / MB,
      value,
    };
  } finally {
    clearInterval(timer);
  }
}

export default async function registryImportBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-bench-import-'));
  const file = path.join(dir, 'enterprises.xlsx');
  await writeImportFile('enterprises', enterpriseRows(ROWS, 2026), file);
  const data = fs.readFileSync(file);

  try {
    await withScratchPostgres('jinke_bench_import', async (db) => {
      await prepareDatabase(db);
      const read = await measure(async () => {
        let n = 0;
        for await (const row of readImportRows(data, 'enterprises')) if (row) n++;
        return n;
      });
      if (read.value !== ROWS) throw new Error(`read ${read.value} rows, expected ${ROWS}`);
      const deps = { db, cipher: new PersonalDataCipher(Buffer.alloc(16, 3)), clock: () => new Date() };
      const imported = await measure(() =>
        importFile(deps, systemContext('bench-import'), 'enterprises', data, { jobId: null }),
      );
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM enterprises');
      if (Number(rows[0]!.n) !== ROWS) throw new Error(`imported ${rows[0]!.n} rows, expected ${ROWS}`);
      const label = `${ROWS.toLocaleString('en')} enterprises, ${(data.length / MB).toFixed(1)} MB`;
      // Wall time depends on what else the machine runs; CPU time of this process much less so.
      console.log(`(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`);
      printResults('Registry import (PostgreSQL)', [
        {
          name: `import ${label}`,
          value: imported.seconds,
          unit: 's',
          baseline: { name: 'streaming read of the same file', value: read.seconds },
          target: '≤ 60 s',
          ok: imported.seconds <= 60,
        },
        {
          name: 'import peak RSS growth',
          value: imported.peakRssMb,
          unit: 'MB',
          baseline: { name: 'streaming read', value: Math.max(read.peakRssMb, 0.01) },
        },
        {
          name: 'import CPU time of this process',
          value: imported.cpuSeconds,
          unit: 's',
          baseline: { name: 'streaming read', value: read.cpuSeconds },
        },
        { name: 'import rows per second', value: ROWS / imported.seconds, unit: 'rows/s' },
      ]);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
