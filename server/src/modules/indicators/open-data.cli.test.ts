/**
 * `jinke indicators open-data` on a file-backed database holding one above-scale enterprise of 2017 with one utility
 * model filed and granted that year: it writes the published figures as CSV (BOM, header, exact values) or JSON,
 * the same as the public API; a year without figures exits 1 with no file; a missing --out, an unknown format or a
 * bad --year exits 2.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import type { OpenDataResponse } from '@jinke/core/indicators/open-data.contract.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { loadCatalogue } from './catalogue.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, file, run } = cliSandbox('open-data');
const catalogue = loadCatalogue();
const PUBLISHED = catalogue.ids.filter((id) => catalogue.definitions.get(id)?.published);

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', '350582101')
       RETURNING id`,
    );
    const id = rows[0]!.id;
    await db.query(
      `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, above_scale) VALUES ($1, 2017, 3000000000, true)`,
      [id],
    );
    const patent = await db.query<{ id: string }>(
      `INSERT INTO patents (application_no, type, title, filed_on, granted_on, legal_status, applicant_kind, town_code, expires_on)
       VALUES ('2017200000012', 'utility', '鞋底', '2017-03-01', '2017-09-01', 'granted', 'enterprise', '350582101', '2027-03-01')
       RETURNING id`,
    );
    await db.query(
      `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, 1, 'enterprise', $2, '甲')`,
      [patent.rows[0]!.id, id],
    );
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke indicators open-data', () => {
  it('writes the published figures of the year as CSV with a BOM and the stable header', async () => {
    const out = file('open-2017.csv');
    const result = await run('indicators', 'open-data', '--year', '2017', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`wrote ${PUBLISHED.length} published indicators of 2017 (CSV) to ${out}\n`);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'indicator_id,year,name_zh,name_en,value,display,unit_zh,unit_en,decimals,source,period,as_of,missing,formula,citation,data_time',
    );
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(PUBLISHED);
    expect(lines.at(-1)).toBe('');
    expect(lines.find((l) => l.startsWith('patents.applications,'))).toMatch(
      /^patents\.applications,2017,专利申请量,[^,]+,1,1,件,patents,0,computed,year,2017-12-31,,count\(patents\.applications\),/,
    );
    expect(lines.find((l) => l.startsWith('hnte.valid,'))).toContain(',2017,有效高新技术企业,');
    expect(lines.find((l) => l.startsWith('patents.invention_per_10k,'))).toContain(',,,件/万人,');
  });

  it('writes JSON when asked, the same content as GET /api/public/indicators', async () => {
    const out = file('open.json');
    const result = await run('indicators', 'open-data', '--out', out, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const data = JSON.parse(fs.readFileSync(out, 'utf8')) as OpenDataResponse;
    expect(data).toMatchObject({ year: 2017, years: [2017] });
    expect(data.items.map((i) => i.id)).toEqual(PUBLISHED);
    expect(data.items.find((i) => i.id === 'patents.grants')).toMatchObject({ value: '1', display: '1' });
    expect(data.items.find((i) => i.id === 'patents.invention_per_10k')).toMatchObject({
      value: null,
      missing: 'missing',
    });
    expect(JSON.stringify(data)).not.toContain('350582101');
  });

  it('says a year without figures has none, exits 1 and writes no file', async () => {
    const result = await run('indicators', 'open-data', '--year', '2030', '--out', file('none.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2030 年没有指标数据（有数据的年度：2017–2017）');
    expect(result.stderr).toContain('There are no figures for 2030');
    expect(fs.existsSync(file('none.csv'))).toBe(false);
  });

  it('refuses a missing --out, an unknown format and a bad --year with a usage error', async () => {
    const noOut = await run('indicators', 'open-data', '--year', '2017');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    const txt = await run('indicators', 'open-data', '--out', file('x.txt'));
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('--format csv|json is required');
    const xml = await run('indicators', 'open-data', '--out', file('x.csv'), '--format', 'xml');
    expect(xml.code).toBe(2);
    expect(xml.stderr).toContain('--format must be csv or json, got "xml"');
    const year = await run('indicators', 'open-data', '--year', '17', '--out', file('x.csv'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain(
      '--year 应为四位年份，如 2017 / --year must be a four-digit year such as 2017',
    );
    expect(fs.existsSync(file('x.csv')) || fs.existsSync(file('x.txt'))).toBe(false);
  });
});
