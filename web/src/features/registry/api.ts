/** Reference data of the registry used across the app: the county's towns, streets and zones. */
import { useQuery } from '@tanstack/react-query';
import type { DivisionItem } from '@jinke/core/registry/divisions.contract.ts';
import { http } from '../../lib/http.ts';

export type { DivisionItem };

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
