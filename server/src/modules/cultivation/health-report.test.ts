/**
 * The health-check report is a real Word document: it unzips, and its text carries the verdict, the gaps in words,
 * the months of the cultivation plan and the data, in the official fonts with bordered tables.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { eligibleHnteInput, registerEnterprise, type TestEnterprise } from './assessments.fixtures.ts';

let t: TestContext;
let officer: Client;
let enterprise: Client;
let e: TestEnterprise;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  e = await registerEnterprise(officer, { name: '晋江体检测试科技有限公司', registeredOn: '2015-01-01' });
  enterprise = await userClient(t, { role: 'enterprise', scopeId: e.uscc });
});
afterAll(() => t.close());

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml is missing');
  return file.async('string');
}

/** The visible text of the document, runs joined, so split runs cannot hide a phrase. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the 高企 health-check report', () => {
  it('is a .docx with the verdict, each gap in words, the plan by month and the data it was computed from', async () => {
    const input = {
      ...eligibleHnteInput(),
      staff: { techStaff: 5, totalStaff: 120 },
      hasCoreIpOwnership: false,
    };
    const saved = await enterprise.post('/api/cultivation/assessments', { kind: 'hnte', input });
    expect(saved.statusCode).toBe(201);
    const res = await enterprise.get(`/api/cultivation/assessments/${saved.json().id}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('高企体检报告-晋江体检测试科技有限公司-2026-11-20.docx')}`,
    );
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(res.rawPayload);
    const text = textOf(xml);
    expect(text).toContain('高新技术企业培育体检报告');
    expect(text).toContain('晋江体检测试科技有限公司');
    expect(text).toContain('结论：暂不符合高新技术企业认定条件（2 项不符合）。');
    expect(text).toContain('科技人员还需 7 人（职工总数不变时）；如新招聘科技人员，需 8 人');
    expect(text).toContain('须通过自主研发、受让、受赠、并购等方式取得核心知识产权的所有权');
    // Plan month 1 is December 2026; too few days are left in 2026 for new tech staff, so January 2027 is their month.
    expect(text).toContain('十二个月培育计划');
    expect(text).toContain('计划期自 2026年12月 至 2027年11月');
    expect(text).toContain('第 1 个月2026年12月');
    expect(text).toContain('第 2 个月2027年1月');
    expect(text).toContain('月末科技人员不少于 12 人');
    expect(text).toContain('实用新型专利（Ⅱ类）：第 1 个月提交，预计第 9 个月（2027-08）取得');
    expect(text).toContain('综合得分 78 分（需 ≥ 71 分）');
    expect(text).toContain('附录：测算数据');
    expect(text).toContain('¥52,900,000.00');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('<w:tblBorders>');
    // 方正小标宋 falls back to 宋体 where it is not installed.
    const fonts = await (await JSZip.loadAsync(res.rawPayload)).file('word/fontTable.xml')?.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(res.rawPayload.length).toBeGreaterThan(8_000);
  });
});

describe('the 科小 health-check report', () => {
  it('carries the 科小 verdict, the indicator table and the direct-confirmation routes', async () => {
    const saved = await officer.post('/api/cultivation/assessments', {
      kind: 'tsme',
      enterpriseId: e.id,
      input: {
        assessmentDate: '2026-03-10',
        residentEnterprise: true,
        employees: 100,
        techStaff: 12,
        salesRevenueFen: 20_000_000_00,
        totalAssetsFen: 30_000_000_00,
        prohibitedIndustry: false,
        incidentOrBlacklisted: false,
        rdExpenseFen: 70_000_000,
        ipI: 0,
        ipII: 1,
      },
    });
    expect(saved.statusCode).toBe(201);
    const res = await enterprise.get(`/api/cultivation/assessments/${saved.json().id}/report.docx`);
    expect(res.statusCode).toBe(200);
    const text = textOf(await documentXml(res.rawPayload));
    expect(text).toContain('科技型中小企业评价体检报告');
    expect(text).toContain('结论：暂不符合科技型中小企业评价条件（1 项不符合）。');
    expect(text).toContain('综合得分还差 30 分');
    expect(text).toContain('有效期内高新技术企业资格证书');
    expect(text).toContain('截至 12 月末累计研发费用不少于 ¥800,000.00');
  });
});
