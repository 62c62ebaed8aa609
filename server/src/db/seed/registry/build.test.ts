import { createHash } from 'node:crypto';
import { validatePatentApplicationNumber } from '@jinke/core/common/ids/patent-number.ts';
import { parseIpcSymbol } from '@jinke/core/common/ids/ipc-code.ts';
import { validateUscc } from '@jinke/core/common/ids/uscc.ts';
import { hitechFieldByCode } from '@jinke/core/registry/hitech-fields.ts';
import { validateIndustryCode } from '@jinke/core/registry/industry.ts';
import { validateIpcCode } from '@jinke/core/registry/ipc.ts';
import { loadIpcCatalogue } from '@jinke/core/registry/reference-files.node.ts';
import { describe, expect, it } from 'vitest';
import { segmentForIndex } from '../../../platform/search/index.ts';
import { readDivisions } from '../reference.ts';
import { buildRegistry, type RegistryData } from './build.ts';
import { TokenCache, type Town } from './context.ts';
import { NAMED_ENTERPRISES } from './enterprises.ts';
import { FIELD_IPC, FIELD_ITEMS } from './experts.ts';
import { FAMILIES, IC_SEGMENT } from './industries.data.ts';
import { apportion, grantsOfCohort, PATENT_PLAN, SUMMARY_2017, typeQuota } from './patent-plan.ts';
import { titleBook } from './patent-titles.ts';
import { Rng, WeightedPicker, addYears, isoDay, parseDay } from './rng.ts';

const towns: Town[] = readDivisions()
  .filter((d) => d.kind !== 'county')
  .map((d) => ({ code: d.code, name: d.name, kind: d.kind as Town['kind'] }));
const TODAY = parseDay('2026-11-26');

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('the random streams', () => {
  it('repeat the same draws when opened again with the same label', () => {
    const a = Rng.stream('x');
    const b = Rng.stream('x');
    const c = Rng.stream('y');
    const drawsA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(drawsA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(drawsA);
    expect(drawsA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('pick by weight and never pick a zero weight or beyond the limit', () => {
    const rng = Rng.stream('weights');
    const picker = new WeightedPicker(['a', 'b', 'c'], [0, 1, 3]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[picker.pick(rng) as 'a' | 'b' | 'c']++;
    expect(counts.a).toBe(0);
    expect(counts.c / counts.b).toBeGreaterThan(2.5);
    expect(counts.c / counts.b).toBeLessThan(3.5);
    for (let i = 0; i < 100; i++) expect(picker.pick(rng, 2)).toBe('b');
  });

  it('make version-4-shaped UUIDs and end a 29 February year on 28 February', () => {
    expect(Rng.stream('u').uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(isoDay(addYears(parseDay('2016-02-29'), 3, -1))).toBe('2019-02-28');
    expect(isoDay(addYears(parseDay('2017-10-23'), 3, -1))).toBe('2020-10-22');
  });
});

describe('the search-token cache', () => {
  it('gives exactly what segmentForIndex gives for the same parts, also when parts repeat', () => {
    const cache = new TokenCache();
    const samples: string[][] = [
      ['福建浔兴拉链科技股份有限公司', '福建省晋江市深沪镇璧山社区111号'],
      ['运动鞋（XZ-1738）'],
      ['晋江市瑞雅陶瓷有限公司', '晋江瑞雅陶瓷有限公司', '福建省晋江市磁灶镇岭畔村工业区12号'],
      ['一种可回收EVA原料的鞋底射出装置及射出工艺'],
    ];
    for (const parts of [...samples, ...samples])
      expect(cache.index(...parts)).toBe(segmentForIndex(...parts));
  });
});

describe('the patent plan', () => {
  it('apportions a total exactly when the shares have remainders', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.5, 0])).toEqual([4, 3, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('files 7,830 and grants 5,550 in 2017 and never grants more than a cohort filed when at scale 1', () => {
    let filed2017 = 0;
    let granted2017 = 0;
    for (const type of ['invention', 'utility', 'design'] as const) {
      const quota = typeQuota(type, 1);
      filed2017 += quota.filed.get(2017) ?? 0;
      for (const row of quota.grants.values()) granted2017 += row.get(2017) ?? 0;
      for (const [cohort, filed] of quota.filed)
        expect(grantsOfCohort(quota, cohort), `${type} ${cohort}`).toBeLessThanOrEqual(filed);
      // Every grant year's total is kept exactly.
      for (const [year, total] of Object.entries(PATENT_PLAN[type].granted)) {
        let sum = 0;
        for (const row of quota.grants.values()) sum += row.get(Number(year)) ?? 0;
        expect(sum, `${type} grants ${year}`).toBe(total);
      }
    }
    expect(filed2017).toBe(SUMMARY_2017.applications);
    expect(granted2017).toBe(SUMMARY_2017.grants);
  });

  it('grants more inventions by 2017 than the 1,435 that must stay valid', () => {
    const quota = typeQuota('invention', 1);
    let granted = 0;
    for (const row of quota.grants.values()) for (const [year, n] of row) if (year <= 2017) granted += n;
    expect(granted).toBeGreaterThan(SUMMARY_2017.validInventions);
  });
});

describe('the shipped word lists and codes', () => {
  it('use only GB/T 4754-2017 小类 codes, catalogue fields and IPC subclasses that exist', () => {
    const classes = [
      ...Object.values(FAMILIES).flatMap((f) => f.classes.map((c) => c[0])),
      ...NAMED_ENTERPRISES.map((n) => n.industry),
      ...Object.keys(IC_SEGMENT),
    ];
    for (const code of classes) expect(validateIndustryCode(code), code).toMatchObject({ ok: true, code });
    const fields = [
      ...Object.values(FAMILIES).flatMap((f) => f.hitech),
      ...Object.values(FIELD_ITEMS).flat(),
      ...NAMED_ENTERPRISES.flatMap((n) => (n.hitech ? [n.hitech] : [])),
    ];
    for (const code of fields) expect(hitechFieldByCode(code)?.level, code).toBe('item');
    const catalogue = loadIpcCatalogue();
    for (const subclass of Object.values(FIELD_IPC).flat()) {
      expect(parseIpcSymbol(subclass)).toMatchObject({ ok: true, level: 'subclass' });
      expect(catalogue.get(subclass), subclass).toBeDefined();
    }
  });

  it('gives every title family inventions and utility models whose IPC main groups exist in IPC 2026.01', () => {
    const catalogue = loadIpcCatalogue();
    for (const [family, lists] of titleBook()) {
      expect(lists.invention.length, family).toBeGreaterThan(10);
      expect(lists.utility.length, family).toBeGreaterThan(10);
      for (const t of [...lists.invention, ...lists.utility]) {
        expect(t.ipc.length).toBeGreaterThan(0);
        for (const code of t.ipc)
          expect(validateIpcCode(code, catalogue), `${t.title} ${code}`).toMatchObject({
            ok: true,
            level: 'group',
            normalized: code,
          });
      }
    }
  });
});

describe('buildRegistry', () => {
  const small = (today = TODAY): RegistryData => buildRegistry({ towns, scale: 0.05, today });

  it('builds the same rows, ids included, when run twice with the same scale', () => {
    const a = small();
    const b = small();
    const first20 = (d: RegistryData) => d.enterprises.slice(0, 20).map((e) => [e.id, e.name, e.uscc]);
    expect(hash(first20(b))).toBe(hash(first20(a)));
    expect(hash(b)).toBe(hash(a));
  });

  it('changes only the certificates that expire soon when today changes', () => {
    const a = small(parseDay('2026-11-26'));
    const b = small(parseDay('2027-03-01'));
    const { qualifications: qa, ...restA } = a;
    const { qualifications: qb, ...restB } = b;
    expect(hash(restB)).toBe(hash(restA));
    const historic = (rows: typeof qa) => rows.filter((q) => q.issued_on <= '2018-12-31');
    expect(hash(historic(qb))).toBe(hash(historic(qa)));
    expect(hash(qb)).not.toBe(hash(qa));
  });

  it('writes valid, unique USCCs and application numbers and consistent patent dates when at a small scale', () => {
    const d = small();
    const catalogue = loadIpcCatalogue();
    expect(d.enterprises.length).toBe(400);
    expect(new Set(d.enterprises.map((e) => e.uscc)).size).toBe(d.enterprises.length);
    expect(new Set(d.enterprises.map((e) => e.name)).size).toBe(d.enterprises.length);
    for (const e of d.enterprises)
      expect(validateUscc(e.uscc, { strictOrgCode: true }), e.uscc).toMatchObject({
        ok: true,
        divisionCode: '350582',
      });
    expect(new Set(d.patents.map((p) => p.application_no)).size).toBe(d.patents.length);
    for (const p of d.patents) {
      const number = validatePatentApplicationNumber(p.application_no);
      expect(number, p.application_no).toMatchObject({
        ok: true,
        type: p.type,
        year: Number(p.filed_on.slice(0, 4)),
      });
      if (p.granted_on) expect(p.granted_on >= p.filed_on).toBe(true);
      if (p.published_on)
        expect(p.published_on >= p.filed_on && (!p.granted_on || p.granted_on >= p.published_on)).toBe(true);
      if (p.lapsed_on) expect(p.granted_on !== null && p.lapsed_on >= p.granted_on).toBe(true);
      if (p.type === 'design') expect(p.ipc_codes).toEqual([]);
      else for (const code of p.ipc_codes) expect(catalogue.get(code), `${p.title} ${code}`).toBeDefined();
      expect(p.filed_on <= '2018-12-31' && (p.granted_on ?? '') <= '2018-12-31').toBe(true);
    }
  });

  it('keeps the yearly figures consistent: R&D within revenue, tech staff within staff, net within total assets', () => {
    const d = small();
    for (const y of d.enterpriseYears) {
      expect(y.rd_fen).toBeLessThanOrEqual(y.revenue_fen);
      expect(y.tech_staff).toBeLessThanOrEqual(y.staff);
      expect(y.net_assets_fen).toBeLessThanOrEqual(y.total_assets_fen);
      expect(y.above_scale).toBe(y.revenue_fen >= 2_000_000_000);
      expect(y.revenue_fen % 100).toBe(0);
    }
  });
});
