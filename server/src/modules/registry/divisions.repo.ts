import type { DivisionItem } from '@jinke/core/registry/divisions.contract.ts';
import type { Executor } from '../../platform/db/index.ts';

export async function listDivisions(db: Executor): Promise<DivisionItem[]> {
  const { rows } = await db.query<{ code: string; name: string; kind: DivisionItem['kind']; parent_code: string | null }>(
    'SELECT code, name, kind, parent_code FROM divisions ORDER BY sort_order, code',
  );
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, parentCode: r.parent_code }));
}
