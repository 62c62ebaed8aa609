/**
 * Demo data of the pipeline: the 2018 target of the bureau's plan and a computed snapshot, so the demo officer's
 * first visit to 高企培育库 is answered from the cache.
 */
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { campaignAsOf } from '@jinke/core/cultivation/pipeline.readiness.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { refreshSnapshot } from './pipeline.refresh.ts';
import { upsertTarget } from './pipeline.repo.ts';

/**
 * 2018 target of 晋江市科技和知识产权局 (晋科〔2018〕11号《2017年总结和2018年要点》, targets_2018 of the seed plan
 * `jinjiang-2017-2018.json`): "高新技术企业力争突破100家" — more than 100 valid HNTE.
 */
export const DEMO_HNTE_TARGET = {
  year: 2018,
  target_above: 100,
  source: '晋科〔2018〕11号：高新技术企业力争突破100家',
} as const;

/** Sets the 2018 target unless one is recorded, then computes the 2018 snapshot. Idempotent. */
export async function seedPipelineDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM hnte_targets WHERE year = $1', [DEMO_HNTE_TARGET.year]);
    if (rows.length > 0) return;
    await upsertTarget(tx, DEMO_HNTE_TARGET, null, now);
    await writeAudit(
      tx,
      ctx,
      {
        action: 'cultivation.target_set',
        entityType: 'hnte_target',
        entityId: String(DEMO_HNTE_TARGET.year),
        changes: {
          targetAbove: [null, DEMO_HNTE_TARGET.target_above],
          source: [null, DEMO_HNTE_TARGET.source],
        },
      },
      now,
    );
  });
  const year = DEMO_HNTE_TARGET.year;
  await refreshSnapshot(deps.db, year, campaignAsOf(year, chinaDate(now)), deps.clock);
}
