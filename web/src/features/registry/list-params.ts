/**
 * The filters and paging of a registry list kept in the address bar, so a list can be bookmarked, shared and
 * restored with the back button. A filter change goes back to page 1. Lists that share one page with others (the
 * tabs of 载体·人才·金融) keep the same state in memory instead.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ListQuery } from './api.ts';

export const PAGE_SIZES = [20, 50, 100];

export interface ListParams<K extends string> {
  values: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** The list endpoint's query: the filters, page and page size. */
  query: ListQuery;
  update: (change: Partial<Record<K, string | undefined>>) => void;
  setPaging: (page: number, pageSize: number) => void;
  reset: () => void;
}

export function readListParams<K extends string>(params: URLSearchParams, keys: readonly K[]) {
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) values[key] = value;
  }
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    values,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : (PAGE_SIZES[0] ?? 20),
  };
}

/** The list state held in `params`, written back through `write`: the address bar or the component's state. */
function listParamsOf<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
  write: (next: URLSearchParams) => void,
): ListParams<K> {
  const { values, page, pageSize } = readListParams(params, keys);
  return {
    values,
    page,
    pageSize,
    query: { ...values, page, pageSize },
    update: (change) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries<string | undefined>(change)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      next.delete('page');
      write(next);
    },
    setPaging: (nextPage, nextSize) => {
      const next = new URLSearchParams(params);
      const target = nextSize === pageSize ? nextPage : 1;
      if (target > 1) next.set('page', String(target));
      else next.delete('page');
      if (nextSize !== PAGE_SIZES[0]) next.set('pageSize', String(nextSize));
      else next.delete('pageSize');
      write(next);
    },
    reset: () => write(new URLSearchParams()),
  };
}

export function useListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();
  return listParamsOf(params, keys, (next) => setParams(next, { replace: true }));
}

/** The same state for a list that does not own the address bar (one tab among several). */
export function useLocalListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useState(() => new URLSearchParams());
  return listParamsOf(params, keys, setParams);
}
