/**
 * Calls of the registry endpoints (主体库), typed from core's contracts: reference divisions, enterprises with their
 * yearly figures, qualifications, honours, cooperation, chain tags, pending changes and history; patents, experts,
 * institutes, carriers, banks and talents; spreadsheet import (template, upload, job progress, bad rows) and export.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DivisionItem } from '@jinke/core/registry/divisions.contract.ts';
import type {
  EnterpriseDetail,
  EnterpriseListItem,
  createEnterpriseRequest,
  PendingChangeItem,
  ProvenanceItem,
  QualificationItem,
  UpdateEnterpriseInput,
  decideRequest,
  enterpriseList,
  historyItem,
  historyList,
} from '@jinke/core/registry/enterprises.contract.ts';
import type { PutYearInput, YearDetail } from '@jinke/core/registry/enterprise-years.contract.ts';
import type {
  CooperationItem,
  HonourItem,
  chainTagItem,
  qualificationRequest,
} from '@jinke/core/registry/enterprise-relations.contract.ts';
import type { PatentItem, createPatentRequest, patentList } from '@jinke/core/registry/patents.contract.ts';
import type {
  ExpertItem,
  UpdateExpertInput,
  createExpertRequest,
  expertList,
} from '@jinke/core/registry/experts.contract.ts';
import type {
  InstituteItem,
  createInstituteRequest,
  instituteList,
} from '@jinke/core/registry/institutes.contract.ts';
import type {
  BankItem,
  CarrierItem,
  TalentItem,
  UpdateCarrierInput,
  bankList,
  carrierList,
  talentList,
} from '@jinke/core/registry/parties.contract.ts';
import type {
  ExportKind,
  ImportAccepted,
  ImportKind,
  JobItem,
} from '@jinke/core/registry/import.contract.ts';
import { downloadFile, http, request, uploadFile, type QueryValue } from '../../lib/http.ts';

export type {
  BankItem,
  CarrierItem,
  CooperationItem,
  DivisionItem,
  EnterpriseDetail,
  EnterpriseListItem,
  ExpertItem,
  HonourItem,
  ImportAccepted,
  ImportKind,
  InstituteItem,
  JobItem,
  PatentItem,
  PendingChangeItem,
  ProvenanceItem,
  QualificationItem,
  TalentItem,
  YearDetail,
};
export type EnterpriseList = z.infer<typeof enterpriseList>;
export type HistoryItem = z.infer<typeof historyItem>;
export type HistoryList = z.infer<typeof historyList>;
export type ChainTagItem = z.infer<typeof chainTagItem>;
export type QualificationInput = z.input<typeof qualificationRequest>;
export type DecideInput = z.input<typeof decideRequest>;
export type PatentList = z.infer<typeof patentList>;
export type ExpertList = z.infer<typeof expertList>;
export type InstituteList = z.infer<typeof instituteList>;
export type CarrierList = z.infer<typeof carrierList>;
export type BankList = z.infer<typeof bankList>;
export type TalentList = z.infer<typeof talentList>;
/** What the create forms send: the request as the contract parsed it in the browser; the server parses it again. */
export type CreateEnterpriseBody = z.output<typeof createEnterpriseRequest>;
export type CreatePatentBody = z.output<typeof createPatentRequest>;
export type CreateExpertBody = z.output<typeof createExpertRequest>;
export type CreateInstituteBody = z.output<typeof createInstituteRequest>;

/** A list query as the URL and the server share it: plain texts and numbers, empty values left out. */
export type ListQuery = Record<string, QueryValue>;

export const registryKeys = {
  all: ['registry'] as const,
  enterprises: ['registry', 'enterprises'] as const,
  enterpriseList: (query: ListQuery) => ['registry', 'enterprises', 'list', query] as const,
  enterprise: (id: string) => ['registry', 'enterprises', id] as const,
  enterprisePart: (id: string, part: string, extra?: unknown) =>
    ['registry', 'enterprises', id, part, extra] as const,
  ownEnterprise: (uscc: string) => ['registry', 'enterprises', 'own', uscc] as const,
  patents: (query: ListQuery) => ['registry', 'patents', query] as const,
  patent: (id: string) => ['registry', 'patent', id] as const,
  experts: (query: ListQuery) => ['registry', 'experts', query] as const,
  expert: (id: string, reveal: boolean) => ['registry', 'expert', id, reveal] as const,
  institutes: (query: ListQuery) => ['registry', 'institutes', query] as const,
  institute: (id: string) => ['registry', 'institute', id] as const,
  parties: (kind: 'carriers' | 'banks' | 'talents', query: ListQuery) => ['registry', kind, query] as const,
  job: (id: string) => ['registry', 'job', id] as const,
};

const enc = encodeURIComponent;

// ---------------------------------------------------------------- divisions

export function listDivisions(): Promise<{ items: DivisionItem[] }> {
  return http.get('/api/divisions');
}

/** Divisions change with an official re-zoning, not during a session: read once. */
export function useDivisions() {
  return useQuery({ queryKey: ['divisions'], queryFn: listDivisions, staleTime: Infinity });
}

/** The divisions a town-scoped account can act for: every town, street and zone, not the county itself. */
export function townChoices(items: readonly DivisionItem[]): DivisionItem[] {
  return items.filter((item) => item.kind !== 'county');
}

// ---------------------------------------------------------------- enterprises

export function listEnterprises(query: ListQuery): Promise<EnterpriseList> {
  return http.get('/api/enterprises', { query });
}

export function getEnterprise(id: string, revealContact = false): Promise<EnterpriseDetail> {
  return http.get(`/api/enterprises/${enc(id)}`, {
    query: { reveal: revealContact ? 'contact' : undefined },
  });
}

/** The enterprise a user acts for, found by its credit code in the (already scoped) list. */
export async function findEnterpriseByUscc(uscc: string): Promise<EnterpriseListItem | null> {
  const list = await listEnterprises({ q: undefined, pageSize: 200 });
  return list.items.find((item) => item.uscc === uscc) ?? null;
}

export function createEnterprise(input: CreateEnterpriseBody): Promise<EnterpriseDetail> {
  return http.post('/api/enterprises', input);
}

export function updateEnterprise(id: string, input: UpdateEnterpriseInput): Promise<EnterpriseDetail> {
  return http.patch(`/api/enterprises/${enc(id)}`, input);
}

export function verifyField(
  id: string,
  field: string,
): Promise<{ field: string; provenance: ProvenanceItem }> {
  return http.post(`/api/enterprises/${enc(id)}/fields/${enc(field)}/verify`);
}

export function decidePendingChange(id: string, input: DecideInput): Promise<PendingChangeItem> {
  return http.post(`/api/pending-changes/${enc(id)}/decide`, input);
}

export function enterpriseHistory(id: string, page: number, pageSize: number): Promise<HistoryList> {
  return http.get(`/api/enterprises/${enc(id)}/history`, { query: { page, pageSize } });
}

export function listYears(id: string): Promise<{ items: YearDetail[] }> {
  return http.get(`/api/enterprises/${enc(id)}/years`);
}

export function putYear(id: string, year: number, input: PutYearInput): Promise<YearDetail> {
  return request<YearDetail>('PUT', `/api/enterprises/${enc(id)}/years/${year}`, { body: input });
}

export function listQualifications(id: string): Promise<{ items: QualificationItem[] }> {
  return http.get(`/api/enterprises/${enc(id)}/qualifications`);
}

export function addQualification(id: string, input: QualificationInput): Promise<QualificationItem> {
  return http.post(`/api/enterprises/${enc(id)}/qualifications`, input);
}

export function removeQualification(id: string, qualificationId: string): Promise<unknown> {
  return http.delete(`/api/enterprises/${enc(id)}/qualifications/${enc(qualificationId)}`);
}

export function listHonours(id: string): Promise<{ items: HonourItem[] }> {
  return http.get(`/api/enterprises/${enc(id)}/honours`);
}

export function listCooperation(id: string): Promise<{ items: CooperationItem[] }> {
  return http.get(`/api/enterprises/${enc(id)}/cooperation`);
}

export function listChainTags(id: string): Promise<{ items: ChainTagItem[] }> {
  return http.get(`/api/enterprises/${enc(id)}/chain-tags`);
}

export function addChainTag(id: string, input: { chain: string; segment?: string }): Promise<ChainTagItem> {
  return http.post(`/api/enterprises/${enc(id)}/chain-tags`, input);
}

export function removeChainTag(id: string, tag: ChainTagItem): Promise<unknown> {
  return http.delete(`/api/enterprises/${enc(id)}/chain-tags`, {
    query: { chain: tag.chain, segment: tag.segment },
  });
}

export function listEnterprisePatents(id: string, page: number, pageSize: number): Promise<PatentList> {
  return http.get(`/api/enterprises/${enc(id)}/patents`, { query: { page, pageSize } });
}

// ---------------------------------------------------------------- patents, experts, institutes, parties

export function listPatents(query: ListQuery): Promise<PatentList> {
  return http.get('/api/patents', { query });
}

export function getPatent(id: string): Promise<PatentItem> {
  return http.get(`/api/patents/${enc(id)}`);
}

export function createPatent(input: CreatePatentBody): Promise<PatentItem> {
  return http.post('/api/patents', input);
}

export function listExperts(query: ListQuery): Promise<ExpertList> {
  return http.get('/api/experts', { query });
}

/** With `revealPersonal` the full phone and identity number come back; the server records the read. */
export function getExpert(id: string, revealPersonal = false): Promise<ExpertItem> {
  return http.get(`/api/experts/${enc(id)}`, { query: { reveal: revealPersonal ? 'personal' : undefined } });
}

export function updateExpert(id: string, input: UpdateExpertInput): Promise<ExpertItem> {
  return http.patch(`/api/experts/${enc(id)}`, input);
}

export function createExpert(input: CreateExpertBody): Promise<ExpertItem> {
  return http.post('/api/experts', input);
}

export function listInstitutes(query: ListQuery): Promise<InstituteList> {
  return http.get('/api/institutes', { query });
}

export function getInstitute(id: string): Promise<InstituteItem> {
  return http.get(`/api/institutes/${enc(id)}`);
}

export function createInstitute(input: CreateInstituteBody): Promise<InstituteItem> {
  return http.post('/api/institutes', input);
}

export function listCarriers(query: ListQuery): Promise<CarrierList> {
  return http.get('/api/carriers', { query });
}

export function updateCarrier(id: string, input: UpdateCarrierInput): Promise<CarrierItem> {
  return http.patch(`/api/carriers/${enc(id)}`, input);
}

export function listBanks(query: ListQuery): Promise<BankList> {
  return http.get('/api/banks', { query });
}

export function listTalents(query: ListQuery): Promise<TalentList> {
  return http.get('/api/talents', { query });
}

// ---------------------------------------------------------------- export and import

/** Every list exports; the parties' workbooks take the same filters as their lists. */
export type RegistryExportKind = ExportKind | 'talents' | 'carriers' | 'banks';

/** Downloads the kind's workbook with the list's current filters (paging is not sent). */
export function exportRegistry(kind: RegistryExportKind, filters: ListQuery): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return downloadFile(`/api/export/${kind}.xlsx`, rest, `${kind}.xlsx`);
}

export function downloadTemplate(kind: ImportKind): Promise<void> {
  return downloadFile(`/api/import/templates/${kind}.xlsx`, undefined, `${kind}-template.xlsx`);
}

/** `errorsUrl` as the server gave it in the bad-row report. */
export function downloadImportErrors(errorsUrl: string, kind: ImportKind): Promise<void> {
  return downloadFile(errorsUrl, undefined, `${kind}-errors.xlsx`);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the workbook itself as the request body (the server reads raw xlsx, at most 30 MB). */
export function uploadImport(kind: ImportKind, file: Blob & { name?: string }): Promise<ImportAccepted> {
  return uploadFile<ImportAccepted>(`/api/import/${kind}`, file, XLSX_CONTENT_TYPE);
}

export function getJob(id: string): Promise<JobItem> {
  return http.get(`/api/jobs/${enc(id)}`);
}
