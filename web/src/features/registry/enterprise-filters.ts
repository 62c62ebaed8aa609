/**
 * The enterprise list's filters as the address bar keeps them (so a filtered list can be bookmarked and shared) and
 * as `GET /api/enterprises` and `GET /api/export/enterprises.xlsx` take them. Values the server would refuse are
 * dropped when read from the address, so a hand-edited URL shows the unfiltered list rather than an error.
 */
import { enterpriseSorts } from '@jinke/core/registry/enterprises.contract.ts';
import { qualificationKinds, type QualificationKind } from '@jinke/core/registry/qualifications.ts';
import type { ListQuery } from './api.ts';

export type EnterpriseSort = (typeof enterpriseSorts)[number];

export interface EnterpriseFilters {
  q?: string;
  town?: string;
  /** A 门类 letter or a 大类 code (2 digits). */
  industry?: string;
  qualification?: QualificationKind;
  aboveScale?: boolean;
  /** The year the 规上 flag is judged in; only meaningful with `aboveScale`. */
  year?: number;
  hitechField?: string;
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const ENTERPRISE_PAGE_SIZES = [20, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 20;

const isSort = (v: string | null): v is EnterpriseSort =>
  v !== null && (enterpriseSorts as readonly string[]).includes(v);
const isKind = (v: string | null): v is QualificationKind =>
  v !== null && (qualificationKinds as readonly string[]).includes(v);

function text(params: URLSearchParams, key: string, pattern: RegExp): string | undefined {
  const value = params.get(key)?.trim();
  return value && pattern.test(value) ? value : undefined;
}

export function readEnterpriseFilters(params: URLSearchParams): EnterpriseFilters {
  const q = params.get('q')?.trim().slice(0, 100);
  const above = params.get('aboveScale');
  const year = Number(params.get('year'));
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const sort = params.get('sort');
  const order = params.get('order');
  const qualification = params.get('qualification');
  const aboveScale = above === 'true' ? true : above === 'false' ? false : undefined;
  return {
    q: q || undefined,
    town: text(params, 'town', /^\d{9}$/),
    industry: text(params, 'industry', /^([A-T]|\d{2,4})$/),
    qualification: isKind(qualification) ? qualification : undefined,
    aboveScale,
    year:
      aboveScale !== undefined && Number.isInteger(year) && year >= 1980 && year <= 2100 ? year : undefined,
    hitechField: text(params, 'hitechField', /^\d{2,5}$/),
    sort: isSort(sort) ? sort : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: ENTERPRISE_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The query of the list endpoint; undefined values are left out of the request. */
export function enterpriseQuery(filters: EnterpriseFilters): ListQuery {
  return {
    q: filters.q,
    town: filters.town,
    industry: filters.industry,
    qualification: filters.qualification,
    aboveScale: filters.aboveScale === undefined ? undefined : String(filters.aboveScale),
    year: filters.aboveScale === undefined ? undefined : filters.year,
    hitechField: filters.hitechField,
    sort: filters.sort,
    order: filters.sort ? filters.order : undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** The query of the export: the same filters and order, without paging. */
export function enterpriseExportQuery(filters: EnterpriseFilters): ListQuery {
  const { page: _page, pageSize: _pageSize, ...rest } = enterpriseQuery(filters);
  return rest;
}

/** The address-bar form: defaults (page 1, the default page size) are left out to keep links short. */
export function enterpriseSearchParams(filters: EnterpriseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(enterpriseQuery(filters))) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  return params;
}

/** A filter change always goes back to the first page: page 7 of the old result means nothing in the new one. */
export function withFilter(
  filters: EnterpriseFilters,
  change: Partial<Omit<EnterpriseFilters, 'page' | 'pageSize'>>,
): EnterpriseFilters {
  const next: EnterpriseFilters = { ...filters, ...change, page: 1 };
  if (next.aboveScale === undefined) delete next.year;
  for (const key of Object.keys(change) as (keyof typeof change)[]) {
    if (change[key] === undefined || change[key] === '') delete next[key];
  }
  return next;
}
