/** Test factories of the assessment tests: enterprises with yearly figures, patents, qualifications and honours. */
import { computeOrgCodeCheckDigit } from '@jinke/core/common/ids/org-code.ts';
import { USCC_CHARSET, makeUscc } from '@jinke/core/common/ids/uscc.ts';
import { generatePatentApplicationNumber, type PatentType } from '@jinke/core/common/ids/patent-number.ts';
import type { Client } from '../../../test/harness.ts';

let serial = 7000;
let patentSerial = 300;

/** A valid credit code of a Jinjiang enterprise, distinct for each call. */
export function nextUscc(): string {
  serial++;
  let body = 'MB';
  let rest = serial;
  for (let i = 0; i < 6; i++) {
    body += USCC_CHARSET[rest % 31] ?? '0';
    rest = Math.floor(rest / 31);
  }
  return makeUscc(`91350582${body}${computeOrgCodeCheckDigit(body)}`);
}

export interface TestEnterprise {
  id: string;
  uscc: string;
  name: string;
}

async function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
}

export async function registerEnterprise(
  officer: Client,
  fields: Record<string, unknown> = {},
): Promise<TestEnterprise> {
  const uscc = nextUscc();
  const res = await officer.post('/api/enterprises', {
    uscc,
    name: `评估测试企业${serial}有限公司`,
    townCode: '350582101',
    ...fields,
  });
  await expectStatus(res, 201, 'creating an enterprise');
  const e = res.json<TestEnterprise>();
  return { id: e.id, uscc: e.uscc, name: e.name };
}

export async function putYear(officer: Client, id: string, year: number, figures: Record<string, unknown>) {
  await expectStatus(await officer.put(`/api/enterprises/${id}/years/${year}`, figures), 200, `year ${year}`);
}

export async function addPatent(
  officer: Client,
  holderId: string,
  type: PatentType,
  dates: { filedOn: string; grantedOn?: string | null; lapsedOn?: string | null },
): Promise<void> {
  patentSerial++;
  const res = await officer.post('/api/patents', {
    applicationNo: generatePatentApplicationNumber(Number(dates.filedOn.slice(0, 4)), type, patentSerial),
    title: `测试专利${patentSerial}`,
    filedOn: dates.filedOn,
    grantedOn: dates.grantedOn ?? null,
    lapsedOn: dates.lapsedOn ?? null,
    applicants: [{ holderType: 'enterprise', holderId }],
  });
  await expectStatus(res, 201, 'creating a patent');
}

export async function addQualification(officer: Client, id: string, body: Record<string, unknown>) {
  await expectStatus(
    await officer.post(`/api/enterprises/${id}/qualifications`, body),
    201,
    'a qualification',
  );
}

export async function addHonour(officer: Client, id: string, body: Record<string, unknown>) {
  await expectStatus(await officer.post(`/api/enterprises/${id}/honours`, body), 201, 'an honour');
}

const WAN = 1_000_000;

/** A complete 高企 input for the test clock's day (2026-11-26): window 2023–2025, eligible, score 78. */
export function eligibleHnteInput(): Record<string, unknown> {
  return {
    assessmentDate: '2026-11-20',
    registrationDate: '2015-01-01',
    hasCoreIpOwnership: true,
    techInKeyFields: true,
    majorIncidentWithinYear: false,
    staff: { techStaff: 15, totalStaff: 120 },
    years: [
      {
        year: 2023,
        salesFen: 4_000 * WAN,
        rdFen: 220 * WAN,
        domesticRdFen: 220 * WAN,
        netAssetsFen: 1_000 * WAN,
      },
      {
        year: 2024,
        salesFen: 4_600 * WAN,
        rdFen: 240 * WAN,
        domesticRdFen: 240 * WAN,
        netAssetsFen: 1_350 * WAN,
      },
      {
        year: 2025,
        salesFen: 5_290 * WAN,
        rdFen: 260 * WAN,
        domesticRdFen: 250 * WAN,
        netAssetsFen: 1_822_500_000,
        hiTechRevenueFen: 4_000 * WAN,
        totalRevenueFen: 5_300 * WAN,
      },
    ],
    score: {
      ip: {
        advanced: { band: 'B', points: 6 },
        coreSupport: { band: 'B', points: 6 },
        count: { countI: 1, countII: 2, points: 7 },
        acquisition: { band: 'A', points: 5 },
        standards: { band: 'B' },
      },
      transformation: { conversions: 15, years: 3, points: 25 },
      rdManagement: { system: 5, institution: 4, transformation: 3, talent: 3 },
      growth: { netAssetsPoints: 9, salesPoints: 5 },
    },
  };
}
