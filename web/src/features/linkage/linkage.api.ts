/** Calls of leader–enterprise linkage (挂钩联系), typed from core's contract. */
import type {
  AssignRequest,
  LinkItem,
  LinkRequest,
  LinksResponse,
  PeopleResponse,
  ProblemItem,
  ProblemsResponse,
  StatusRequest,
  VisitRequest,
  VisitResponse,
  VisitsResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { http, request, type QueryValue } from '../../lib/http.ts';

export type {
  LinkItem,
  ProblemItem,
  ProblemsResponse,
  VisitItem,
  VisitRequest,
  LinksResponse,
  PeopleResponse,
} from '@jinke/core/linkage/api.contract.ts';

export type LinkageQuery = Record<string, QueryValue>;

export const linkageKeys = {
  all: ['linkage'] as const,
  links: (query: LinkageQuery) => ['linkage', 'links', query] as const,
  visits: (query: LinkageQuery) => ['linkage', 'visits', query] as const,
  problems: (query: LinkageQuery) => ['linkage', 'problems', query] as const,
  people: ['linkage', 'people'] as const,
};

const enc = encodeURIComponent;

export function listLinks(query: LinkageQuery): Promise<LinksResponse> {
  return http.get('/api/linkage/links', { query });
}

export function createLink(body: LinkRequest): Promise<LinkItem> {
  return http.post('/api/linkage/links', body);
}

export function endLink(id: string): Promise<LinkItem> {
  return http.delete(`/api/linkage/links/${enc(id)}`);
}

export function listPeople(): Promise<PeopleResponse> {
  return http.get('/api/linkage/people');
}

export function listVisits(query: LinkageQuery): Promise<VisitsResponse> {
  return http.get('/api/linkage/visits', { query });
}

export function recordVisit(body: VisitRequest): Promise<VisitResponse> {
  return http.post('/api/linkage/visits', body);
}

export function listProblems(query: LinkageQuery): Promise<ProblemsResponse> {
  return http.get('/api/linkage/problems', { query });
}

export function assignProblem(id: string, body: AssignRequest): Promise<ProblemItem> {
  return request<ProblemItem>('PUT', `/api/linkage/problems/${enc(id)}/assignment`, { body });
}

export function changeStatus(id: string, body: StatusRequest): Promise<ProblemItem> {
  return http.post(`/api/linkage/problems/${enc(id)}/status`, body);
}
