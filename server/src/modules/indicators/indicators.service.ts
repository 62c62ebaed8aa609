/**
 * The indicators dashboard: every indicator of a year computed from the registry (named queries), reported figures
 * and formulas over both, evaluated exactly (`computeIndicators`), with targets, progress and the town breakdown;
 * the drill-down lists the rows a figure counts. Officers set targets (a town split must add up: `checkTownSplit`)
 * and report figures; every change is audited in its transaction.
 */
import { Rational } from '@jinke/core/common/rational.ts';
import { computeIndicators, type IndicatorValue } from '@jinke/core/indicators/catalogue.ts';
import type { IndicatorDefinition } from '@jinke/core/indicators/definition.contract.ts';
import { formulaText } from '@jinke/core/indicators/formula.ts';
import type {
  ExactValue,
  IndicatorOverviewItem,
  OverviewResponse,
  RecordsResponse,
} from '@jinke/core/indicators/api.contract.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import { loadCatalogue, type LoadedCatalogue } from './catalogue.ts';
import type { CatalogueEntry } from './catalogue.data.ts';
import { scopedTown } from './indicators.policy.ts';
import type { QueryName } from './indicators.queries.ts';
import { currentVersion, total, yearCounts } from './indicators.counts.ts';
import * as repo from './indicators.repo.ts';
import { indicatorWrites } from './indicators.writes.ts';
import { fieldError, type Scoped } from './indicators.fields.ts';

export { fieldError } from './indicators.fields.ts';

/** An exact value and its reading: `decimals` places, or at most that many when `trim` (a figure as reported). */
export function exact(value: Rational, decimals: number, trim = false): ExactValue {
  return {
    value: value.den === 1n ? value.num.toString() : `${value.num}/${value.den}`,
    display: trim ? value.toDecimal(decimals) : value.toFixed(decimals),
  };
}

/** A target as entered: exact, read without trailing zeros ("8", "12.5"). */
const targetValue = (value: Rational): ExactValue => ({ ...exact(value, 0), display: value.toDecimal(6) });

const sumOf = (counts: Map<string, number[]>) => [...counts.values()].reduce((s, n) => s + total(n), 0);

/** The months of a flow for the county (every town summed) or one town; null for anything else. */
function monthsOf(def: IndicatorDefinition, byTown: Map<string, number[]> | undefined, town: string | null) {
  if (!byTown || def.source.kind !== 'computed' || def.period !== 'year') return null;
  const list = town === null ? [...byTown.values()] : [byTown.get(town) ?? Array<number>(12).fill(0)];
  if (list.some((m) => m.length !== 12)) return null;
  return Array.from({ length: 12 }, (_, i) => list.reduce((s, m) => s + m[i]!, 0));
}

export function indicatorsService(deps: { db: Database; clock: () => Date; catalogue?: LoadedCatalogue }) {
  const { db, clock } = deps;
  const catalogue = deps.catalogue ?? loadCatalogue();
  let yearsSeen: { version: string; years: number[] } | null = null;

  function entryOf(id: string): { entry: CatalogueEntry; def: IndicatorDefinition } {
    const entry = catalogue.entries.get(id);
    const def = catalogue.definitions.get(id);
    if (!entry || !def)
      throw new AppError('INDICATOR_NOT_FOUND', {
        userMessage: { zh: `没有这个指标：${id}`, en: `No such indicator: ${id}` },
      });
    return { entry, def };
  }

  /** The year asked for, or the latest with data; a year without data is 404 naming the years there are. */
  async function resolveYear(year: number | undefined): Promise<{ year: number; years: number[] }> {
    // The years change only with the registry's yearly figures, which bump the data version.
    const version = await currentVersion(db);
    if (yearsSeen?.version !== version) yearsSeen = { version, years: await repo.yearsWithData(db) };
    const years = yearsSeen.years;
    const chosen = year ?? years.at(-1);
    if (chosen === undefined || !years.includes(chosen)) {
      const range = years.length > 0 ? `${years[0]}–${years.at(-1)}` : '';
      throw new AppError('INDICATOR_NO_DATA', {
        userMessage: {
          zh: `${year ?? ''} 年没有指标数据${range ? `（有数据的年度：${range}）` : ''}`,
          en: `There are no figures for ${year ?? 'any year'}${range ? ` (years with figures: ${range})` : ''}`,
        },
      });
    }
    return { year: chosen, years };
  }

  function formulaOf(def: IndicatorDefinition): string {
    const node = catalogue.formulas.get(def.id);
    if (node) return formulaText(node);
    if (def.source.kind === 'computed') return `count(${def.source.query})`;
    return def.source.kind === 'reported' ? `reported: ${def.source.department.en}` : '';
  }

  async function overview(ctx: Scoped, query: { year?: number | undefined }): Promise<OverviewResponse> {
    const { year, years } = await resolveYear(query.year);
    const own = scopedTown(ctx.actor);
    const now = clock().toISOString();
    const towns = (await repo.listTowns(db)).filter((t) => own === null || t.code === own);
    const computed = [...catalogue.definitions.values()].flatMap((def) =>
      def.source.kind === 'computed'
        ? [{ id: def.id, query: def.source.query as QueryName, monthly: def.period === 'year' }]
        : [],
    );
    const { byQuery } = await yearCounts(db, year, computed, clock());
    const counts = new Map(computed.map((c) => [c.id, byQuery.get(c.query) ?? new Map<string, number[]>()]));
    const reported = new Map((await repo.listReported(db, year)).map((r) => [r.indicator_id, r]));
    const attachments = await repo.reportedAttachments(db, year);
    const targets = await repo.listTargets(db, year);

    const baseFor = (town: string | null) => {
      const base = new Map<string, Rational | null>();
      for (const [id, byTown] of counts)
        base.set(id, Rational.of(town === null ? sumOf(byTown) : total(byTown.get(town) ?? [])));
      // Reported figures are county-wide: a town has none, so formulas over them are missing for it.
      if (town === null) for (const [id, r] of reported) base.set(id, Rational.parse(r.value));
      return base;
    };
    const county = own === null ? computeIndicators(catalogue, baseFor(null)) : null;
    const byTown = new Map(towns.map((t) => [t.code, computeIndicators(catalogue, baseFor(t.code))]));
    const headline = county ?? byTown.get(own ?? '') ?? new Map<string, IndicatorValue>();

    const items: IndicatorOverviewItem[] = catalogue.ids.map((id) => {
      const def = catalogue.definitions.get(id)!;
      const entry = catalogue.entries.get(id)!;
      const v = headline.get(id);
      const figure = v?.ok ? v.value : null;
      const targetRow = targets.find((t) => t.indicator_id === id && t.town_code === (own ?? ''));
      const target = targetRow ? Rational.parse(targetRow.value) : null;
      const breakdown = def.breakdowns.includes('town');
      let met: boolean | null = null;
      if (figure && target && targetRow)
        met = targetRow.comparison === 'above' ? figure.gt(target) : figure.gte(target);
      return {
        id,
        name: def.name,
        unit: def.unit,
        decimals: def.decimals,
        source: def.source.kind,
        period: def.period,
        formula: formulaOf(def),
        citation: def.citation,
        figure: figure ? exact(figure, def.decimals, def.source.kind === 'reported') : null,
        missing:
          v && !v.ok ? { reason: v.reason, inputs: v.reason === 'missing' ? v.missing : [v.divisor] } : null,
        target:
          target && targetRow
            ? {
                value: targetValue(target),
                comparison: targetRow.comparison,
                upper: targetRow.upper === null ? null : targetValue(Rational.parse(targetRow.upper)),
                source: targetRow.source,
              }
            : null,
        progress:
          figure && target && !target.isZero() ? exact(figure.div(target).mul(Rational.of(100)), 1) : null,
        met,
        asOf: `${year}-12-31`,
        dataTime: reported.get(id)?.recorded_at ?? now,
        breakdown,
        drillable: entry.drill !== null,
        reported:
          def.source.kind === 'reported'
            ? {
                department: { zh: def.source.department.zh, en: def.source.department.en },
                attachmentRequired: def.source.attachmentRequired,
                note: reported.get(id)?.note ?? null,
                attachment: attachments.get(reported.get(id)?.attachment_id ?? '') ?? null,
              }
            : null,
        months: monthsOf(def, counts.get(id), own),
        towns: breakdown
          ? towns.map((t) => {
              const tv = byTown.get(t.code)?.get(id);
              const tt = targets.find((x) => x.indicator_id === id && x.town_code === t.code);
              return {
                town: t.code,
                townName: t.name,
                figure: tv?.ok ? exact(tv.value, def.decimals) : null,
                target: tt ? targetValue(Rational.parse(tt.value)) : null,
              };
            })
          : [],
      };
    });
    return { year, years, scope: own === null ? 'county' : 'town', scopeTown: own, items };
  }

  /** The drill-down's query, year and town after scoping; a town outside the actor's scope is 404. */
  async function drillOf(
    ctx: Scoped,
    id: string,
    q: { year?: number | undefined; town?: string | undefined },
  ) {
    const { entry, def } = entryOf(id);
    if (entry.drill === null) throw new AppError('INDICATOR_NO_RECORDS');
    const { year } = await resolveYear(q.year);
    const own = scopedTown(ctx.actor);
    if (own !== null && q.town !== undefined && q.town !== own) throw new AppError('NOT_FOUND');
    const town = own ?? q.town ?? null;
    if (town !== null && !(await repo.listTowns(db)).some((t) => t.code === town))
      throw fieldError(
        ctx.locale,
        'town',
        'unknown_town',
        '不是本县（市）的镇街',
        'is not a town of the county',
      );
    const list = entry.list ?? def.name;
    return { entry, def, drill: entry.drill, year, town, list };
  }

  async function records(
    ctx: Scoped,
    id: string,
    q: { year?: number | undefined; town?: string | undefined; page: number; pageSize: number },
  ): Promise<RecordsResponse> {
    const d = await drillOf(ctx, id, q);
    const { rows, total } = await repo.listRecords(
      db,
      d.drill,
      d.year,
      d.town,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return {
      indicator: { id, name: d.def.name, unit: d.def.unit },
      year: d.year,
      town: d.town,
      list: d.list,
      items: rows.map(toRecord),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Every record of the drill-down, for the workbook; the export is audited. */
  async function exportRecords(
    ctx: Scoped,
    id: string,
    q: { year?: number | undefined; town?: string | undefined },
  ) {
    const d = await drillOf(ctx, id, q);
    const { rows, total } = await repo.listRecords(db, d.drill, d.year, d.town, null);
    await db.transaction((tx) =>
      writeAudit(
        tx,
        ctx,
        {
          action: 'indicators.records_exported',
          entityType: 'indicator',
          entityId: id,
          changes: { year: d.year, town: d.town, rows: total },
        },
        clock(),
      ),
    );
    return { def: d.def, year: d.year, town: d.town, list: d.list, rows };
  }

  return {
    overview,
    records,
    exportRecords,
    ...indicatorWrites({ db, clock, catalogue, entryOf }),
    catalogue,
  };
}

function toRecord(r: repo.RecordRow) {
  return {
    kind: r.kind,
    id: r.id,
    name: r.name,
    code: r.code,
    townCode: r.town_code,
    townName: r.town_name,
    date: r.date,
    detail: r.detail,
  };
}

export type IndicatorsService = ReturnType<typeof indicatorsService>;
