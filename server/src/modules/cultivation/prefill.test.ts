/**
 * The registry prefill of the self-assessments, exactly: a seeded enterprise with three registry years around a
 * missing one, patents in and out of force, a 高企 certificate, a provincial R&D centre and national awards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hnteAssessmentInput } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { tsmeInput } from '@jinke/core/cultivation/tsme.contract.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import {
  addHonour,
  addPatent,
  addQualification,
  putYear,
  registerEnterprise,
  type TestEnterprise,
} from './assessments.fixtures.ts';
import { prefillHnte, prefillHnteMany } from './prefill.service.ts';

const WAN = 1_000_000;
let t: TestContext;
let officer: Client;
let e: TestEnterprise;
let other: TestEnterprise;
let bare: TestEnterprise;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  e = await registerEnterprise(officer, { registeredOn: '2015-11-16', hitechField: '10801' });
  other = await registerEnterprise(officer, { registeredOn: '2010-01-01' });
  bare = await registerEnterprise(officer);
  // 2022 lies outside the window; 2024 is not in the registry; 2025 lacks R&D.
  await putYear(officer, e.id, 2022, { revenueFen: 1_000 * WAN, rdFen: 10 * WAN, staff: 40, techStaff: 5 });
  await putYear(officer, e.id, 2023, {
    revenueFen: 3_480 * WAN,
    rdFen: 226 * WAN,
    staff: 78,
    techStaff: 33,
    netAssetsFen: 1_500 * WAN,
    totalAssetsFen: 2_600 * WAN,
  });
  await putYear(officer, e.id, 2025, {
    revenueFen: 4_120 * WAN + 55,
    staff: 85,
    techStaff: 36,
    netAssetsFen: -20 * WAN,
    totalAssetsFen: 3_100 * WAN,
  });
  await addPatent(officer, e.id, 'invention', { filedOn: '2019-03-01', grantedOn: '2021-06-15' });
  await addPatent(officer, e.id, 'utility', { filedOn: '2020-04-01', grantedOn: '2020-10-09' });
  await addPatent(officer, e.id, 'design', { filedOn: '2022-01-10', grantedOn: '2022-06-01' });
  // Not counted: lapsed before the day, still pending, and another enterprise's.
  await addPatent(officer, e.id, 'utility', {
    filedOn: '2018-02-01',
    grantedOn: '2018-09-01',
    lapsedOn: '2021-02-01',
  });
  await addPatent(officer, e.id, 'invention', { filedOn: '2024-05-01' });
  await addPatent(officer, other.id, 'invention', { filedOn: '2019-05-01', grantedOn: '2022-01-20' });
  await addQualification(officer, e.id, {
    kind: 'hnte',
    certificateNo: 'GR202435000123',
    issuedOn: '2024-12-10',
  });
  await addQualification(officer, e.id, { kind: 'provincial_eng_center', issuedOn: '2020-05-01' });
  await addHonour(officer, e.id, {
    award: 'national_sti_award',
    grade: 'second',
    rankAmongUnits: 2,
    year: 2022,
  });
  await addHonour(officer, e.id, { award: 'national_sti_award', grade: 'second', year: 2019 });
  await addHonour(officer, e.id, {
    award: 'provincial_sti_award',
    grade: 'first',
    rankAmongUnits: 1,
    year: 2023,
  });
});
afterAll(() => t.close());

describe('the 高企 prefill', () => {
  it('reads the window’s years, the latest year’s staff and the patents in force, and lists every missing input', async () => {
    const p = await prefillHnte(t.db, e.id, '2026-11-26');
    expect(p.input).toEqual({
      assessmentDate: '2026-11-26',
      registrationDate: '2015-11-16',
      techInKeyFields: true,
      years: [
        { year: 2023, salesFen: 3_480 * WAN, rdFen: 226 * WAN, netAssetsFen: 1_500 * WAN },
        { year: 2024 },
        { year: 2025, salesFen: 4_120 * WAN + 55, netAssetsFen: -20 * WAN },
      ],
      staff: { techStaff: 36, totalStaff: 85 },
      score: { ip: { count: { countI: 1, countII: 2 } }, rdManagement: {}, growth: {} },
    });
    expect(p.missing).toEqual([
      'hasCoreIpOwnership',
      'majorIncidentWithinYear',
      'years[year=2023].domesticRdFen',
      'years[year=2024].salesFen',
      'years[year=2024].rdFen',
      'years[year=2024].domesticRdFen',
      'years[year=2024].netAssetsFen',
      'years[year=2025].rdFen',
      'years[year=2025].domesticRdFen',
      'years[year=2025].hiTechRevenueFen',
      'years[year=2025].totalRevenueFen',
      'score.ip.advanced.points',
      'score.ip.coreSupport.points',
      'score.ip.count.points',
      'score.ip.acquisition.points',
      'score.ip.standards.points',
      'score.transformation.points',
      'score.rdManagement.system',
      'score.rdManagement.institution',
      'score.rdManagement.transformation',
      'score.rdManagement.talent',
      'score.growth.netAssetsPoints',
      'score.growth.salesPoints',
    ]);
    const notes = Object.fromEntries(p.notes.map((n) => [n.path, n.zh]));
    expect(notes['years[year=2024]']).toBe('2024 年度数据缺失');
    expect(notes['years[year=2025].rdFen']).toBe('2025 年度研究开发费用缺失');
    const sources = Object.fromEntries(p.sources.map((s) => [s.path, s.zh]));
    expect(sources['score.ip.count']).toBe(
      '主体库 2026-11-26 有效专利：发明 1 件（Ⅰ类），实用新型 1 件、外观设计 1 件（Ⅱ类）；软件著作权等其他知识产权不在主体库中，请自行补充',
    );
    expect(sources.techInKeyFields).toBe('主体库登记的高新技术领域：10801 交通控制与管理技术');
    expect(sources['staff.totalStaff']).toContain('主体库 2025 年度登记人数');
    // The draft is valid input for the rule as it stands; the rule then says which year is missing.
    expect(hnteAssessmentInput.safeParse(p.input).success).toBe(true);
  });

  it('counts patents as they stood on an earlier day and shortens the window to the years since registration', async () => {
    const p = await prefillHnte(t.db, e.id, '2017-03-01');
    expect(p.input.years).toEqual([{ year: 2015 }, { year: 2016 }]);
    expect(p.input.score).toEqual({ ip: { count: { countI: 0, countII: 0 } }, rdManagement: {}, growth: {} });
    // Without IP the acquisition item takes no band (I-05), so it is not asked for.
    expect(p.missing).not.toContain('score.ip.acquisition.points');
    expect(p.notes.filter((n) => /年度数据缺失$/.test(n.zh)).map((n) => n.zh)).toEqual([
      '2015 年度数据缺失',
      '2016 年度数据缺失',
    ]);
  });

  it('lists the registration date and the field as missing for an enterprise without them, and drafts many at once', async () => {
    const many = await prefillHnteMany(
      t.db,
      [e.id, bare.id, '00000000-0000-4000-8000-000000000000'],
      '2026-11-26',
    );
    expect([...many.keys()].sort()).toEqual([e.id, bare.id].sort());
    const p = many.get(bare.id);
    expect(p?.missing.slice(0, 4)).toEqual([
      'registrationDate',
      'techInKeyFields',
      'hasCoreIpOwnership',
      'majorIncidentWithinYear',
    ]);
    await expect(
      prefillHnte(t.db, '00000000-0000-4000-8000-000000000000', '2026-11-26'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the 科小 prefill', () => {
  it('reads the previous year and the direct-confirmation facts from qualifications and honours', async () => {
    const res = await officer.get(`/api/cultivation/assessments/prefill?kind=tsme&enterpriseId=${e.id}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.assessmentDate).toBe('2026-11-26');
    expect(p.input).toEqual({
      assessmentDate: '2026-11-26',
      residentEnterprise: true,
      employees: 85,
      techStaff: 36,
      salesRevenueFen: 4_120 * WAN + 55,
      totalAssetsFen: 3_100 * WAN,
      ipI: 1,
      ipII: 2,
      direct: {
        hnteCertificate: { issuedOn: '2024-12-10', validUntil: '2027-12-09' },
        nationalAwards: [{ awardedOn: '2022-01-01', rank: 2 }],
        provincialRdInstitution: true,
        ledStandards: [],
      },
    });
    expect(p.missing).toEqual([
      'rdExpenseFen',
      'totalCostFen',
      'prohibitedIndustry',
      'incidentOrBlacklisted',
    ]);
    expect(p.notes.map((n: { zh: string }) => n.zh)).toContain(
      '主体库中 2019 年国家科学技术奖未登记获奖单位排名，请自行补充',
    );
    const parsed = tsmeInput.parse(p.input);
    expect(parsed.direct.hnteCertificate?.validUntil).toBe('2027-12-09');
  });
});
