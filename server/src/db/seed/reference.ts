/**
 * Reference data every installation needs (not demo data): the county's towns, streets and zones.
 * Loaded idempotently after migrations, so `jinke serve` on an empty production database has them too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../../platform/db/index.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');

export interface DivisionRecord {
  code: string;
  name: string;
  kind: 'county' | 'street' | 'town' | 'zone';
  parentCode: string | null;
}

function kindOf(level: string, name: string): DivisionRecord['kind'] {
  if (level === 'county') return 'county';
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇') || name.endsWith('乡')) return 'town';
  return 'zone';
}

export function readDivisions(countyCode = '350582'): DivisionRecord[] {
  const file = path.join(DIR, `divisions-${countyCode}.csv`);
  if (!fs.existsSync(file)) throw new Error(`no division data shipped for county ${countyCode}`);
  const [, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [code = '', level = '', name = '', parentCode = ''] = line.split(',');
    return { code, name, kind: kindOf(level, name), parentCode: level === 'county' ? null : parentCode };
  });
}

export async function loadReferenceData(tx: Executor, countyCode = '350582'): Promise<void> {
  const divisions = readDivisions(countyCode);
  for (const [index, d] of divisions.entries()) {
    await tx.query(
      `INSERT INTO divisions (code, name, kind, parent_code, sort_order) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         parent_code = EXCLUDED.parent_code, sort_order = EXCLUDED.sort_order`,
      [d.code, d.name, d.kind, d.parentCode, index],
    );
  }
}
