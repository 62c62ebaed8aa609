/**
 * Town assessment (市镇两级考核): each town's figures and town targets of the weighted indicators, exactly as the
 * overview computes them (`indicatorsService.overview`), scored and ranked by `rankTowns` (core) — achievement =
 * actual ÷ target capped per indicator, points = weight × achievement, score = Σ points; equal scores share a
 * rank. Officers set a year's weights (validated against the catalogue, audited in the same transaction). A town
 * officer gets their own town's row and its rank among all towns, nothing of the others; another town's sheet is
 * 404. Decisions in ADR 0008.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { Rational } from '@jinke/core/common/rational.ts';
import type { ExactValue } from '@jinke/core/indicators/api.contract.ts';
import type {
  TownAssessmentResponse,
  TownAssessmentRow,
  WeightsRequest,
  WeightsResponse,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { rankTowns, type TownFigures } from '@jinke/core/indicators/town-ranking.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { scopedTown } from './indicators.policy.ts';
import { listTowns } from './indicators.repo.ts';
import { exact, fieldError, indicatorsService } from './indicators.service.ts';
import * as repo from './town-assessment.repo.ts';

type Scoped = RequestContext & { actor: Actor };

/** An overview figure back to its exact value: "n" or "n/d". */
export function fromExact(e: ExactValue): Rational {
  const [num, den] = e.value.split('/');
  return den === undefined ? Rational.parse(num!) : Rational.of(BigInt(num!), BigInt(den));
}

/**
 * The ranking needs every town, so the figures are read county-wide whoever asks; what is answered is narrowed to
 * the actor's scope afterwards. The actor only chooses rows here and is never written anywhere.
 */
const countyWide = (ctx: Scoped): Scoped => ({
  ...ctx,
  actor: { ...ctx.actor, role: 'leader', scopeType: null, scopeId: null },
});

const weightKey = (w: { weight: number; capPercent: number }) => `${w.weight} @ ${w.capPercent}%`;

export function townAssessmentService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const indicators = indicatorsService(deps);
  const { catalogue } = indicators;

  function toWeights(rows: repo.WeightRow[]): WeightsResponse['weights'] {
    return rows.map((r) => {
      const def = catalogue.definitions.get(r.indicator_id);
      const name = def?.name ?? { zh: r.indicator_id, en: r.indicator_id };
      return {
        indicator: r.indicator_id,
        name,
        unit: def?.unit ?? { zh: '', en: '' },
        weight: Number(r.weight),
        capPercent: Number(r.cap_percent),
      };
    });
  }

  async function weightsOf(ex: Executor, year: number): Promise<WeightsResponse> {
    const rows = await repo.listWeights(ex, year);
    const last = rows.reduce<repo.WeightRow | null>(
      (a, r) => (a === null || r.updated_at > a.updated_at ? r : a),
      null,
    );
    return {
      year,
      weights: toWeights(rows),
      setBy: last?.updated_by_name ?? null,
      setAt: last?.updated_at ?? null,
    };
  }

  async function assess(ctx: Scoped, query: { year?: number | undefined }): Promise<TownAssessmentResponse> {
    const overview = await indicators.overview(countyWide(ctx), { year: query.year });
    const w = await weightsOf(db, overview.year);
    const items = new Map(overview.items.map((i) => [i.id, i]));
    const towns = await listTowns(db);
    const figures: TownFigures[] = towns.map((t) => ({
      town: t.code,
      figures: Object.fromEntries(
        w.weights.map((x) => {
          const f = items.get(x.indicator)?.towns.find((y) => y.town === t.code);
          return [
            x.indicator,
            {
              actual: f?.figure ? fromExact(f.figure) : null,
              target: f?.target ? fromExact(f.target) : null,
            },
          ];
        }),
      ),
    }));
    const ranked = rankTowns(
      figures,
      w.weights.map((x) => ({
        indicator: x.indicator,
        weight: x.weight,
        cap: Rational.percent(x.capPercent),
      })),
    );
    const names = new Map(towns.map((t) => [t.code, t.name]));
    const own = scopedTown(ctx.actor);
    const rows: TownAssessmentRow[] = ranked
      .filter((s) => own === null || s.town === own)
      .map((s) => ({
        town: s.town,
        townName: names.get(s.town) ?? s.town,
        score: exact(s.score, 2),
        rank: s.rank,
        complete: s.complete,
        missing: s.missing,
        parts: s.parts.map((p, i) => {
          const f = items.get(p.indicator)?.towns.find((y) => y.town === s.town);
          return {
            indicator: p.indicator,
            actual: f?.figure ?? null,
            target: f?.target ?? null,
            achievement: p.achievement ? exact(p.achievement.mul(Rational.of(100)), 1) : null,
            weight: w.weights[i]!.weight,
            points: exact(p.points, 2),
          };
        }),
      }));
    const weightSum = w.weights.reduce((s, x) => s.add(Rational.fromNumber(x.weight)), Rational.ZERO);
    return {
      ...w,
      years: overview.years,
      scope: own === null ? 'county' : 'town',
      scopeTown: own,
      townCount: towns.length,
      weightSum: exact(weightSum, 2),
      towns: rows,
    };
  }

  async function setWeights(ctx: Scoped, year: number, body: WeightsRequest): Promise<WeightsResponse> {
    const list = body.weights.map((x, i) => {
      const field = `weights.${i}.indicator`;
      const def = catalogue.definitions.get(x.indicator);
      if (!def)
        throw fieldError(
          ctx.locale,
          field,
          'unknown_indicator',
          '不是已知的指标',
          'is not a known indicator',
        );
      if (!def.breakdowns.includes('town'))
        throw fieldError(
          ctx.locale,
          field,
          'no_breakdown',
          '该指标不分镇街统计，不能用于镇街考核',
          'has no town breakdown, so towns cannot be assessed on it',
        );
      return { indicator: x.indicator, weight: x.weight, capPercent: x.capPercent ?? 120 };
    });
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await weightsOf(tx, year);
      const shape = (ws: readonly { indicator: string; weight: number; capPercent: number }[]) =>
        Object.fromEntries(ws.map((x) => [x.indicator, weightKey(x)]));
      const changes = diff(shape(before.weights), shape(list));
      await repo.replaceWeights(
        tx,
        year,
        list.map((x) => ({
          indicator: x.indicator,
          weight: Rational.fromNumber(x.weight).toDecimal(2),
          capPercent: String(x.capPercent),
        })),
        ctx.actor.userId,
        now,
      );
      const order = (ws: readonly { indicator: string }[]) => ws.map((x) => x.indicator).join(',');
      if (order(before.weights) !== order(list)) changes.order = [order(before.weights), order(list)];
      if (Object.keys(changes).length > 0)
        await writeAudit(
          tx,
          ctx,
          {
            action: 'indicators.town_weights_set',
            entityType: 'town_assessment',
            entityId: String(year),
            changes,
          },
          now,
        );
      return weightsOf(tx, year);
    });
  }

  /**
   * One town's row for its sheet, with the whole assessment; a town outside the actor's scope, or no town of the
   * county, is 404. The export is audited with `auditCtx` (the command line's is the system's).
   */
  async function townSheet(
    ctx: Scoped,
    town: string,
    query: { year?: number | undefined },
    auditCtx: RequestContext = ctx,
  ): Promise<{ assessment: TownAssessmentResponse; row: TownAssessmentRow }> {
    const own = scopedTown(ctx.actor);
    if (own !== null && town !== own) throw new AppError('NOT_FOUND');
    const assessment = await assess(ctx, query);
    const row = assessment.towns.find((t) => t.town === town);
    if (!row) throw new AppError('NOT_FOUND');
    await db.transaction((tx) =>
      writeAudit(
        tx,
        auditCtx,
        {
          action: 'indicators.town_assessment_exported',
          entityType: 'town_assessment',
          entityId: `${assessment.year}/${town}`,
          changes: { score: row.score.display, rank: row.rank },
        },
        clock(),
      ),
    );
    return { assessment, row };
  }

  return { assess, setWeights, townSheet };
}

export type TownAssessmentService = ReturnType<typeof townAssessmentService>;
