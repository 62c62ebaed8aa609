/**
 * The filters and paging of a registry list kept in the address bar, so a list can be bookmarked, shared and
 * restored with the back button. A filter change goes back to page 1.
 */
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

export function useListParams<K extends string>(keys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();
  const { values, page, pageSize } = readListParams(params, keys);
  const write = (next: URLSearchParams) => setParams(next, { replace: true });
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
