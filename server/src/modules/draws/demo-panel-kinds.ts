/** Demo data for draws: the seeded expert pool gets its financial experts (about one in six), audited once. */
import { writeAudit } from '../../platform/audit.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { assignDemoKinds } from './draw-inputs.repo.ts';

/**
 * Makes EXP-0006, EXP-0012, … financial experts when every expert is still technical (the registry seed does not
 * know panel kinds), so the demo can hold 高企-style draws (≥ 60 % technical, ≥ 1 financial). Idempotent.
 */
export async function assignDemoPanelKinds(
  db: Database,
  ctx: RequestContext = systemContext('demo-panel-kinds'),
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const changed = await assignDemoKinds(tx);
    if (changed > 0) {
      await writeAudit(
        tx,
        ctx,
        { action: 'demo.panel_kinds', entityType: 'experts', changes: { financial: [0, changed] } },
        now,
      );
    }
    return changed;
  });
}
