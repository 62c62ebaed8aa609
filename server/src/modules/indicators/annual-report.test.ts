/**
 * The annual summary document over the demo registry (seedRegistry at scale 1, one seeded database for the file):
 * the 2017 document states the figures the indicators compute (those of 晋科〔2018〕11号) and the 2018 targets in
 * GB/T 9704 layout; 2018 without a reported population marks the per-10k figure missing; only admin, officer and
 * leader may have it; bad input is 400 naming the field, a year without figures 404 in both languages.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { OverviewResponse } from '@jinke/core/indicators/api.contract.ts';
import { systemContext } from '../../platform/context.ts';
import { seedRegistry } from '../../db/seed/registry/index.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { pdfTextOfDocx, pdfToolsInstalled } from './annual-report.pdf.ts';
import { SEED_FIGURE_PHRASES, seedFigurePaths } from './annual-report.seed-figures.ts';
import { seedIndicatorsDemo } from './indicators.seed.ts';

const URL = '/api/indicators/report/annual.docx';
let t: TestContext;
const c: Partial<Record<Role | 'anonymous', Client>> = {};
const as = (role: Role | 'anonymous') => c[role]!;
const docs = new Map<number, { xml: string; text: string }>();
let o2017: OverviewResponse;

async function document(year: number, who: Client = as('leader')) {
  const res = await who.get(`${URL}?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { res, xml, text, zip };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedRegistry(t.db, { scale: 1, today: '2026-11-26' });
  await seedIndicatorsDemo({ db: t.db, clock: () => t.clock.now() }, systemContext('test'));
  for (const role of ['admin', 'officer', 'leader', 'enterprise', 'expert', 'bank', 'provider'] as const)
    c[role] = await userClient(t, { role });
  c.town = await userClient(t, { role: 'town', scopeId: '350582101' });
  c.anonymous = client(t.app);
  for (const year of [2017, 2018]) docs.set(year, await document(year));
  o2017 = (await as('leader').get('/api/indicators/overview?year=2017')).json<OverviewResponse>();
}, 600_000);
afterAll(() => t?.close());

const figure = (id: string) => o2017.items.find((i) => i.id === id)!.figure!.display;

describe('the 2017 annual summary', () => {
  it('is a Word attachment named for the year', async () => {
    const { res } = await document(2017, as('officer'));
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain('annual-report-2017.docx');
  });

  it('states the figures the indicators compute, sentence by sentence', () => {
    const { text } = docs.get(2017)!;
    expect(text).toContain(
      '全年专利申请7830件，居全省县域第2位；授权5550件，居全省县域第1位；' +
        '年末有效发明专利1435件，每万人口发明专利拥有量6.86件。',
    );
    expect(text).toContain(
      `全年新增高新技术企业41家，年末有效高新技术企业${figure('hnte.valid')}家；` +
        '新增省级科技型企业41家，科技小巨人领军企业培育库新入库88家；' +
        '新增省级重点实验室3个、省级工程技术研究中心2个、省级新型研发机构2个。',
    );
    // The issue's own example sentence, from reported figures.
    expect(text).toContain('共资助2578件企业专利，1292件个人专利，资助金额达1671.8万元；');
    expect(text).toContain(
      `其中，发明专利申请${figure('patents.invention_applications')}件，` +
        `发明专利授权${figure('patents.invention_grants')}件。`,
    );
    expect(text).toContain(
      `全市规上工业企业${figure('above_scale.count')}家，其中拥有有效发明专利的${figure('above_scale.with_invention')}家，` +
        `覆盖率${figure('above_scale.invention_coverage')}%；`,
    );
    expect(text).toContain(`覆盖率${figure('above_scale.cooperation_coverage')}%。`);
    expect(text).not.toContain('数据缺失');
  });

  it('carries every figure of 晋科〔2018〕11号, each in its sentence', () => {
    const { text } = docs.get(2017)!;
    const paths = seedFigurePaths();
    // Every figure of the file has its phrase, and nothing is listed that the file does not have.
    expect(Object.keys(SEED_FIGURE_PHRASES).sort()).toEqual([...paths].sort());
    for (const path of paths) expect(text, path).toContain(SEED_FIGURE_PHRASES[path]);
  });

  it('says where a reported figure came from and lists figures the year lacks in their row only', () => {
    const { text } = docs.get(2017)!;
    expect(text).toContain('rnd.gdp_ratio全社会研发投入占GDP比重2.65（53/20）%填报填报单位：市统计局');
    // 2017 has no growth figure in the summary: its row says so, and it is not one of the text's gaps.
    expect(text).toContain('above_scale.rnd_growth规上工业企业研发费用增长（本年未填报）%填报');
  });

  it('carries the masthead, number, title, addressee, 2018 targets, colophon and appendix', () => {
    const { text } = docs.get(2017)!;
    expect(text).toContain('晋江市科技和知识产权局文件');
    expect(text).toContain('晋科〔2018〕1号');
    expect(text).toContain('晋江市科技和知识产权局关于2017年科技和知识产权工作总结和2018年工作要点的报告');
    expect(text).toContain('晋江市人民政府：');
    expect(text).toContain('二、2018年主要目标');
    expect(text).toContain('有效高新技术企业力争突破100家');
    expect(text).toContain('专利申请12000件；专利授权5500件；发明专利申请1300件；发明专利授权400件');
    expect(text).toContain('每万人口发明专利拥有量力争突破8件');
    expect(text).toContain('（目标依据：晋科〔2018〕11号）');
    expect(text).toContain('抄送：');
    expect(text).toContain('印发');
    // The appendix: one row per indicator with its id, source kind, formula and exact value.
    expect(text).toContain('附件：数据来源');
    expect(text).toContain(
      'patents.invention_per_10k每万人口发明专利拥有量6.86（14350000/2091837）件/万人计算',
    );
    expect(text).toContain('patents.valid_invention ÷ population.resident × 10000');
    expect(text).toContain('population.resident常住人口2091837人填报');
    expect(text).toContain('count(patents.applications)');
  });

  it('is laid out as GB/T 9704: A4, 37/35/28/26 mm margins, red masthead, fixed 28 pt lines, page numbers', async () => {
    const { xml } = docs.get(2017)!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>晋江市科技和知识产权局文件</);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:spacing w:line="560" w:lineRule="exact"/>');
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
    const { zip } = await document(2017);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
    expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('FZXiaoBiaoSong-B05S');
  });
});

describe('a year without a reported population', () => {
  it('marks the per-10k figure missing and lists it, never writing zero', () => {
    const { text } = docs.get(2018)!;
    expect(text).toContain('每万人口发明专利拥有量【数据缺失：每万人口发明专利拥有量】。');
    expect(text).toContain('每万人口发明专利拥有量（缺少：常住人口）；');
    expect(text).toContain('资助企业专利（2018年未填报）；');
    expect(text).toContain('2019年目标（尚未录入）');
    // Not stated in the text: its row says it is not reported, without a gap marker.
    expect(text).toContain('population.resident常住人口（本年未填报）人');
    // 2018 stands against its own targets, a range as a range; 2019 has none recorded.
    expect(text).toContain('（六）2018年目标完成情况');
    expect(text).toContain('新增星创天地（农村众创空间）目标1—2个，实际1个，已完成');
    expect(text).toContain('【数据缺失：2019年目标】');
    expect(text).toContain('晋科〔2019〕1号');
  });

  it('takes the number of the document from `number`', async () => {
    const res = await as('admin').get(`${URL}?year=2018&number=11`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('晋科〔2019〕11号');
  });
});

describe('who may have it, and bad input', () => {
  it('lets admin, officer and leader have it; refuses town, enterprise, expert, bank, provider and the anonymous', async () => {
    for (const role of ['admin', 'officer', 'leader'] as const)
      expect((await as(role).get(`${URL}?year=2017`)).statusCode, role).toBe(200);
    for (const role of ['town', 'enterprise', 'expert', 'bank', 'provider'] as const)
      expect((await as(role).get(`${URL}?year=2017`)).statusCode, role).toBe(403);
    expect((await as('anonymous').get(`${URL}?year=2017`)).statusCode).toBe(401);
  });

  it('answers a year without figures with 404 in both languages', async () => {
    const zh = await as('leader').get(`${URL}?year=2030`);
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toMatchObject({ error: { code: 'INDICATOR_NO_DATA' } });
    expect(zh.body).toContain('2030 年没有指标数据');
    const en = await as('leader').get(`${URL}?year=2030`, { 'accept-language': 'en' });
    expect(en.body).toContain('There are no figures for 2030');
  });

  it('answers a missing or malformed year or number with 400 naming the field', async () => {
    for (const [query, field] of [
      ['', 'year'],
      ['?year=abc', 'year'],
      ['?year=1800', 'year'],
      ['?year=2017&number=0', 'number'],
      ['?year=2017&number=x', 'number'],
    ] as const) {
      const res = await as('leader').get(`${URL}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(`"field":"querystring.${field}"`);
    }
  });
});

// CI installs LibreOffice and poppler (.ci/run) and must run this; elsewhere it runs when they are installed.
describe.runIf(pdfToolsInstalled() || process.env.CI === 'true')('the 2017 document opened by LibreOffice', () => {
  it('converts to a PDF whose text carries every figure of 晋科〔2018〕11号', async () => {
    expect(pdfToolsInstalled(), 'install libreoffice-writer-nogui and poppler-utils').toBe(true);
    const { res } = await document(2017);
    const { text, pages } = pdfTextOfDocx(res.rawPayload);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('晋江市科技和知识产权局文件');
    expect(text).toContain('晋科〔2018〕1号');
    for (const path of seedFigurePaths()) {
      // Appendix rows are table cells, read cell by cell: their phrase is checked by its figure alone.
      const phrase = SEED_FIGURE_PHRASES[path]!.replace(/^population\.resident常住人口/, '');
      expect(text, path).toContain(phrase.replace(/\s+/g, ''));
    }
  }, 180_000);
});
