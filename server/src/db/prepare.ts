import type { Database } from '../platform/db/index.ts';
import { migrate } from '../platform/db/index.ts';
import { loadReferenceData } from './seed/reference.ts';

/** Migrations, then reference data: what every database needs before it serves. */
export async function prepareDatabase(db: Database): Promise<string[]> {
  const applied = await migrate(db);
  await db.transaction((tx) => loadReferenceData(tx));
  return applied;
}
