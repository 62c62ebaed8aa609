/** Records shaped by the registry contracts, for the web tests' fake server. */
import type { DivisionItem, EnterpriseDetail, EnterpriseListItem, PatentItem, YearDetail } from './api.ts';

export const XUNXING_ID = '5d1c2f0e-7a43-4a8e-9a57-3f4f0b8c1a01';
export const XUNXING_USCC = '91350500154382000Q';

export const divisions: DivisionItem[] = [
  { code: '350582000', name: '晋江市', kind: 'county', parentCode: null },
  { code: '350582101', name: '安海镇', kind: 'town', parentCode: '350582000' },
  { code: '350582105', name: '深沪镇', kind: 'town', parentCode: '350582000' },
];

export function listItem(overrides: Partial<EnterpriseListItem> = {}): EnterpriseListItem {
  return {
    id: XUNXING_ID,
    uscc: XUNXING_USCC,
    name: '福建浔兴拉链科技股份有限公司',
    townCode: '350582105',
    townName: '深沪镇',
    industryCode: '4190',
    industryName: '其他未列明制造业',
    registeredOn: '1994-12-06',
    revenueFen: 195_000_000_000,
    qualifications: [{ kind: 'hnte', status: 'valid', validTo: '2027-11-30' }],
    ...overrides,
  };
}

export function detail(overrides: Partial<EnterpriseDetail> = {}): EnterpriseDetail {
  return {
    id: XUNXING_ID,
    uscc: XUNXING_USCC,
    name: '福建浔兴拉链科技股份有限公司',
    formerNames: [],
    legalRep: '王立军',
    registeredOn: '1994-12-06',
    address: '晋江市深沪镇',
    townCode: '350582105',
    townName: '深沪镇',
    industryCode: '4190',
    industryName: '其他未列明制造业',
    hitechField: '40306',
    hitechFieldName: '高分子材料',
    staff: 4900,
    revenueFen: 195_000_000_000,
    contactName: '李四',
    contactPhone: '138****5678',
    qualifications: [],
    provenance: {
      name: {
        source: 'import',
        actorId: null,
        actorName: '科技局业务员',
        recordedAt: '2026-01-05T02:00:00.000Z',
        verified: false,
        verifiedByName: null,
        verifiedAt: null,
      },
    },
    pendingChanges: [],
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

export function yearDetail(overrides: Partial<YearDetail> = {}): YearDetail {
  return {
    year: 2024,
    recorded: true,
    revenueFen: 195_000_000_000,
    rdFen: 6_630_000_000,
    staff: 4900,
    techStaff: 650,
    netAssetsFen: null,
    totalAssetsFen: null,
    aboveScale: true,
    provenance: {},
    pendingChanges: [],
    ...overrides,
  };
}

export function patent(overrides: Partial<PatentItem> = {}): PatentItem {
  return {
    id: '7e2b9c1a-1111-4a8e-9a57-3f4f0b8c1a02',
    applicationNo: '201710601862.3',
    type: 'invention',
    title: '一种拉链头',
    ipcCodes: ['A44B 19/26'],
    filedOn: '2017-07-20',
    publishedOn: '2017-11-24',
    grantedOn: '2019-03-15',
    legalStatus: 'granted',
    lapsedOn: null,
    expiresOn: '2037-07-19',
    validToday: true,
    applicantKind: 'enterprise',
    townCode: '350582105',
    townName: '深沪镇',
    applicants: [
      { position: 1, holderType: 'enterprise', holderId: XUNXING_ID, name: '福建浔兴拉链科技股份有限公司' },
    ],
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}
