/**
 * The town assessment's demo data (ADR 0008), after `seedIndicatorsDemo`:
 * (a) each 2018 county target of an indicator broken down by town is split among the towns in proportion to each
 *     town's 2017 figure of the same indicator, by the largest-remainder method, so the split adds up to the county
 *     value exactly (`checkTownSplit` proves it before anything is written); written with the target-setting
 *     service's SQL (`replaceTargets`) and audit entry (`indicators.target_set`);
 * (b) the default 2018 weights (DEFAULT_WEIGHTS_2018).
 * Idempotent: an indicator whose 2018 target already has a town split, or a year that already has weights, is
 * left alone.
 */
import { Rational } from '@jinke/core/common/rational.ts';
import { checkTownSplit } from '@jinke/core/indicators/targets.ts';
import { splitByLargestRemainder } from '@jinke/core/indicators/town-split.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import { COMMAND_LINE_READER, type RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { listTargets, listTowns, replaceTargets } from './indicators.repo.ts';
import { indicatorsService } from './indicators.service.ts';
import { fromExact } from './town-assessment.service.ts';
import { listWeights, replaceWeights } from './town-assessment.repo.ts';

export const SPLIT_YEAR = 2018;

/**
 * The default weights of 2018 (Σ 100): the HNTE count, the bureau's first target of the year, weighs most; patent
 * applications and grants next; invention applications and grants, fewer and harder, 15 each. Cap 120 %.
 */
export const DEFAULT_WEIGHTS_2018 = [
  { indicator: 'hnte.valid', weight: 30, capPercent: 120 },
  { indicator: 'patents.applications', weight: 20, capPercent: 120 },
  { indicator: 'patents.grants', weight: 20, capPercent: 120 },
  { indicator: 'patents.invention_applications', weight: 15, capPercent: 120 },
  { indicator: 'patents.invention_grants', weight: 15, capPercent: 120 },
] as const;

const decimal = (r: Rational) => r.toDecimal(6);

/** Splits the year's county targets among the towns by the year before's figures; returns the indicators split. */
export async function splitTownTargets(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
  year: number,
): Promise<string[]> {
  const service = indicatorsService(deps);
  let basis;
  try {
    basis = await service.overview({ ...ctx, actor: COMMAND_LINE_READER }, { year: year - 1 });
  } catch (error) {
    // No figures for the year before: nothing to split by.
    if (error instanceof AppError && error.code === 'INDICATOR_NO_DATA') return [];
    throw error;
  }
  const towns = await listTowns(deps.db);
  const codes = towns.map((t) => t.code);
  const targets = await listTargets(deps.db, year);
  const split: string[] = [];
  for (const county of targets.filter((t) => t.town_code === '')) {
    const def = service.catalogue.definitions.get(county.indicator_id);
    if (!def?.breakdowns.includes('town')) continue;
    if (targets.some((t) => t.indicator_id === county.indicator_id && t.town_code !== '')) continue;
    const item = basis.items.find((i) => i.id === county.indicator_id);
    const total = Rational.parse(county.value);
    const shares = splitByLargestRemainder(
      total,
      towns.map((t) => {
        const f = item?.towns.find((x) => x.town === t.code)?.figure;
        return { town: t.code, basis: f ? fromExact(f) : Rational.ZERO };
      }),
    );
    const check = checkTownSplit(total, shares, codes);
    if (!check.ok) throw new Error(`${county.indicator_id}: ${check.en}`);
    const rows = [
      { town: '', value: county.value },
      ...shares.map((s) => ({ town: s.town, value: decimal(s.value) })),
    ];
    const now = deps.clock();
    await deps.db.transaction(async (tx) => {
      await replaceTargets(
        tx,
        county.indicator_id,
        year,
        rows,
        county.comparison,
        county.upper,
        county.source,
        null,
        now,
      );
      const shape = (list: { town: string; value: string }[]) =>
        Object.fromEntries(list.map((r) => [r.town || 'county', decimal(Rational.parse(r.value))]));
      const changes = diff(shape([{ town: '', value: county.value }]), shape(rows));
      await writeAudit(
        tx,
        ctx,
        {
          action: 'indicators.target_set',
          entityType: 'indicator_target',
          entityId: `${county.indicator_id}/${year}`,
          changes,
        },
        now,
      );
    });
    split.push(county.indicator_id);
  }
  return split;
}

export async function seedTownAssessmentDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  await splitTownTargets(deps, ctx, SPLIT_YEAR);
  if ((await listWeights(deps.db, SPLIT_YEAR)).length > 0) return;
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const rows = DEFAULT_WEIGHTS_2018.map((w) => ({
      indicator: w.indicator,
      weight: String(w.weight),
      capPercent: String(w.capPercent),
    }));
    await replaceWeights(tx, SPLIT_YEAR, rows, null, now);
    await writeAudit(
      tx,
      ctx,
      {
        action: 'indicators.town_weights_set',
        entityType: 'town_assessment',
        entityId: String(SPLIT_YEAR),
        changes: Object.fromEntries(
          DEFAULT_WEIGHTS_2018.map((w) => [w.indicator, [null, `${w.weight} @ ${w.capPercent}%`]]),
        ),
      },
      now,
    );
  });
}
