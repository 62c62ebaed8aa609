/**
 * Reference data of the indicators for the demo: the 2018 county targets and the 2017 resident population of
 * 晋科〔2018〕11号 (reference.data.ts). Idempotent: what is already recorded is left alone; each row written is
 * audited.
 */
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { REPORTED_2017, TARGETS_2018 } from './reference.data.ts';

export async function seedIndicatorsDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    for (const t of TARGETS_2018) {
      const { rows } = await tx.query(
        `INSERT INTO indicator_targets (indicator_id, year, town_code, value, comparison, source, updated_at)
         VALUES ($1, $2, '', $3::numeric, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [t.indicator, t.year, t.value, t.comparison, t.source, now.toISOString()],
      );
      if (rows.length > 0)
        await writeAudit(
          tx,
          ctx,
          {
            action: 'indicators.target_set',
            entityType: 'indicator_target',
            entityId: `${t.indicator}/${t.year}`,
            changes: { county: [null, t.value], comparison: [null, t.comparison], source: [null, t.source] },
          },
          now,
        );
    }
    const r = REPORTED_2017;
    const { rows } = await tx.query(
      `INSERT INTO indicator_reported (indicator_id, year, value, note, recorded_at)
       VALUES ($1, $2, $3::numeric, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.indicator, r.year, r.value, r.note, now.toISOString()],
    );
    if (rows.length > 0)
      await writeAudit(
        tx,
        ctx,
        {
          action: 'indicators.reported_set',
          entityType: 'indicator_reported',
          entityId: `${r.indicator}/${r.year}`,
          changes: { value: [null, r.value], note: [null, r.note] },
        },
        now,
      );
  });
}
