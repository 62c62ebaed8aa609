/**
 * The candidate pipeline (培育库): enterprises ranked by readiness for 高新技术企业 recognition, the gaps they share,
 * HNTE certificates expiring within twelve months and the count of valid HNTE against the year's target.
 *
 * Readiness is read from a snapshot (ADR in the module's docs): computing ~8,000 assessments takes one to two
 * seconds, so it is done once per campaign year and registry data version, not per request. A request finds the
 * snapshot fresh (same data version, same day) and answers from it in a few small queries; finds it stale and
 * answers from it anyway, flagged `stale`, while a background job refreshes it; or finds none and computes it
 * there and then (once per campaign year). Counts of certificates are always read live.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import { addMonths, chinaDate } from '@jinke/core/registry/qualifications.ts';
import { industryByCode, industryChildren } from '@jinke/core/registry/industry.ts';
import type {
  ExpiringQuery,
  ExpiringResponse,
  GapGroup,
  PipelineExportQuery,
  PipelineItem,
  PipelineQuery,
  PipelineResponse,
  TargetItem,
  TargetRequest,
} from '@jinke/core/cultivation/pipeline.contract.ts';
import {
  campaignAsOf,
  criterionShortLabels,
  gapSetLabel,
  type Readiness,
} from '@jinke/core/cultivation/pipeline.readiness.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import { fenNumber, refreshSnapshot } from './pipeline.refresh.ts';
import {
  type EntryFilter,
  type ListedEntry,
  type SnapshotRow,
  countByReadiness,
  countValidHnte,
  expiringCertificates,
  gapGroups,
  listEntries,
  listTargets,
  readDataVersion,
  readSnapshot,
  refreshPending,
  upsertTarget,
} from './pipeline.repo.ts';

export const PIPELINE_REFRESH_JOB = 'cultivation.pipeline-refresh';

export interface PipelineDeps {
  db: Database;
  clock: () => Date;
  jobs: JobQueue;
}

export interface Campaign {
  year: number;
  asOf: string;
  target: TargetItem | null;
  years: number[];
}

type Scoped = RequestContext & { actor: Actor };

const label = (id: string) => criterionShortLabels[id] ?? { zh: id, en: id };

/** A 400 naming the year, in the caller's language, like request validation's. */
function yearAhead(locale: Locale, year: number, current: number): AppError {
  const zh = `year 不能晚于当前年度 ${current}`;
  const en = `year must not be after the current year ${current}`;
  return new AppError('VALIDATION_FAILED', {
    userMessage: { zh: `提交的数据有误：${zh}`, en: `The submitted data is invalid: ${en}` },
    details: { fields: [{ field: 'year', message: locale === 'en-US' ? en : zh, rule: 'year_ahead' }] },
  });
}

/** The town / industry part of the filters as the repository takes it. */
function entryFilter(year: number, q: Partial<PipelineExportQuery>): EntryFilter {
  const industry = q.industry;
  return {
    year,
    town: q.town,
    industryPrefix: industry && /^\d+$/.test(industry) ? industry : undefined,
    industryDivisions:
      industry && /^[A-Z]$/.test(industry) ? industryChildren(industry).map((d) => d.code) : undefined,
    readiness: q.readiness,
    gapKey: q.gaps,
  };
}

export function toPipelineItem(r: ListedEntry, rank: number): PipelineItem {
  const gaps = r.gap_key === '' ? [] : r.gap_key.split(',');
  return {
    rank,
    enterpriseId: r.enterprise_id,
    name: r.name,
    uscc: r.uscc,
    townCode: r.town_code,
    townName: r.town_name,
    industryCode: r.industry_code,
    industryName: r.industry_code ? (industryByCode(r.industry_code)?.name ?? null) : null,
    readiness: r.readiness as Readiness,
    gaps: gaps.map((id) => ({ id, label: label(id), gap: r.gap_words[id] ?? null })),
    unknowns: r.unknowns.map((id) => ({ id, label: label(id) })),
    latestSalesFen: fenNumber(r.latest_sales_fen),
    rdRatioPct: r.rd_ratio_pct,
    rdRequiredPct: r.rd_required_pct,
    techStaffPct: r.tech_staff_pct,
    registrationDays: r.registration_days,
    validInventions: r.valid_inventions,
    validOtherPatents: r.valid_other_patents,
    hnteValidTo: r.hnte_valid_to,
  };
}

/** "37 家企业仅差研发费用占比" / "37 enterprises miss only the R&D ratio". */
export function gapGroupText(criteria: readonly string[], n: number): { zh: string; en: string } {
  const words = gapSetLabel(criteria);
  const who = n === 1 ? '1 enterprise misses' : `${n} enterprises miss`;
  if (criteria.length === 1) return { zh: `${n} 家企业仅差${words.zh}`, en: `${who} only the ${words.en}` };
  return { zh: `${n} 家企业差${words.zh}两项`, en: `${who} the ${words.en}` };
}

const inflight = new WeakMap<Database, Map<number, Promise<SnapshotRow>>>();

export function pipelineService(deps: PipelineDeps) {
  const { db, clock, jobs } = deps;

  async function campaign(locale: Locale, year: number | undefined): Promise<Campaign> {
    const today = chinaDate(clock());
    const current = Number(today.slice(0, 4));
    const targets = await listTargets(db);
    const chosen = year ?? targets.filter((t) => t.year <= current).at(-1)?.year ?? current;
    if (chosen > current) throw yearAhead(locale, chosen, current);
    const target = targets.find((t) => t.year === chosen);
    const years = [...new Set([...targets.map((t) => t.year).filter((y) => y <= current), current])].sort(
      (a, b) => a - b,
    );
    return {
      year: chosen,
      asOf: campaignAsOf(chosen, today),
      target: target ? { year: target.year, targetAbove: target.target_above, source: target.source } : null,
      years,
    };
  }

  /** Computes the snapshot now, once per process even when several requests ask at the same time. */
  function computeNow(year: number, asOf: string): Promise<SnapshotRow> {
    let running = inflight.get(db);
    if (!running) {
      running = new Map<number, Promise<SnapshotRow>>();
      inflight.set(db, running);
    }
    const existing = running.get(year);
    if (existing) return existing;
    const work = (async () => {
      await refreshSnapshot(db, year, asOf, clock);
      const row = await readSnapshot(db, year);
      if (!row) throw new Error(`pipeline snapshot of ${year} was not written`);
      return row;
    })().finally(() => running.delete(year));
    running.set(year, work);
    return work;
  }

  async function snapshotFor(c: Campaign): Promise<{ snapshot: SnapshotRow; stale: boolean }> {
    const version = await readDataVersion(db);
    const snapshot = await readSnapshot(db, c.year);
    if (snapshot && snapshot.as_of === c.asOf && snapshot.data_version === version)
      return { snapshot, stale: false };
    if (snapshot) {
      if (!(await refreshPending(db, PIPELINE_REFRESH_JOB, c.year)))
        await jobs.enqueue(PIPELINE_REFRESH_JOB, { year: c.year }, null);
      return { snapshot, stale: true };
    }
    return { snapshot: await computeNow(c.year, c.asOf), stale: false };
  }

  /** The background job: refreshes `year` unless a refresh since it was queued made it fresh already. */
  async function refreshJob(input: Record<string, unknown>) {
    const year = Number(input.year);
    if (!Number.isInteger(year)) throw new Error('pipeline refresh needs a year');
    const asOf = campaignAsOf(year, chinaDate(clock()));
    const snapshot = await readSnapshot(db, year);
    if (snapshot && snapshot.as_of === asOf && snapshot.data_version === (await readDataVersion(db)))
      return { year, asOf, skipped: true };
    return refreshSnapshot(db, year, asOf, clock);
  }

  async function list(ctx: Scoped, q: PipelineQuery): Promise<PipelineResponse> {
    const c = await campaign(ctx.locale, q.year);
    const { snapshot, stale } = await snapshotFor(c);
    const filter = entryFilter(c.year, q);
    const order =
      q.order === 'desc' ? 'DESC' : q.order === 'asc' ? 'ASC' : q.sort === 'revenue' ? 'DESC' : 'ASC';
    const offset = (q.page - 1) * q.pageSize;
    const { rows, total } = await listEntries(
      db,
      ctx.actor,
      filter,
      { by: q.sort ?? 'readiness', dir: order },
      q.pageSize,
      offset,
    );
    const counts = await countByReadiness(db, ctx.actor, filter);
    const groups = await gapGroups(db, ctx.actor, filter);
    const until = addMonths(c.asOf, 12);
    const expiring = await expiringCertificates(
      db,
      ctx.actor,
      { asOf: c.asOf, until, year: c.year, town: q.town },
      true,
    );
    return {
      campaign: c,
      snapshot: {
        computedAt: new Date(snapshot.computed_at).toISOString(),
        stale,
        enterprises: snapshot.enterprises,
      },
      summary: {
        validHnte: await countValidHnte(db, ctx.actor, c.asOf),
        scope: ctx.actor.role === 'town' ? 'town' : 'county',
        eligible: counts.get('eligible') ?? 0,
        oneGap: counts.get('one_gap') ?? 0,
        twoGaps: counts.get('two_gaps') ?? 0,
        far: counts.get('far') ?? 0,
        incomplete: counts.get('incomplete') ?? 0,
        expiring: expiring.total,
      },
      gaps: groups.map((g): GapGroup => {
        const criteria = g.gap_key.split(',');
        return { key: g.gap_key, criteria, count: g.n, text: gapGroupText(criteria, g.n) };
      }),
      items: rows.map((r, i) => toPipelineItem(r, offset + i + 1)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async function expiring(ctx: Scoped, q: ExpiringQuery): Promise<ExpiringResponse> {
    const c = await campaign(ctx.locale, q.year);
    await snapshotFor(c);
    const until = addMonths(c.asOf, 12);
    const { rows } = await expiringCertificates(
      db,
      ctx.actor,
      { asOf: c.asOf, until, year: c.year, town: q.town },
      false,
    );
    return {
      year: c.year,
      asOf: c.asOf,
      until,
      items: rows.map((r) => ({
        enterpriseId: r.enterprise_id,
        name: r.name,
        uscc: r.uscc,
        townName: r.town_name,
        certificateNo: r.certificate_no,
        issuedOn: r.issued_on,
        validTo: r.valid_to,
        daysLeft: r.days_left,
        readiness: (r.readiness as Readiness | null) ?? null,
        gaps: r.gap_key ? r.gap_key.split(',').map((id) => ({ id, label: label(id) })) : [],
      })),
    };
  }

  /**
   * Every row the filters select, for the workbook, with the expiring certificates; audited. Without a signed-in
   * actor (the command line) `reader` chooses the rows and the export is audited as the system's.
   */
  async function exportRows(ctx: RequestContext, q: PipelineExportQuery, reader?: Actor) {
    const actor = ctx.actor ?? reader;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const c = await campaign(ctx.locale, q.year);
    await snapshotFor(c);
    const sort = q.sort ?? 'readiness';
    const dir = q.order === 'desc' ? 'DESC' : q.order === 'asc' ? 'ASC' : sort === 'revenue' ? 'DESC' : 'ASC';
    const { rows } = await listEntries(db, actor, entryFilter(c.year, q), { by: sort, dir }, null, 0);
    const until = addMonths(c.asOf, 12);
    const expiringRows = (
      await expiringCertificates(db, actor, { asOf: c.asOf, until, year: c.year, town: q.town }, false)
    ).rows;
    await db.transaction((tx) =>
      writeAudit(
        tx,
        ctx,
        {
          action: 'cultivation.pipeline_exported',
          entityType: 'pipeline',
          entityId: String(c.year),
          changes: { filters: { ...q, year: c.year }, rows: rows.length, expiring: expiringRows.length },
        },
        clock(),
      ),
    );
    return {
      campaign: c,
      items: rows.map((r, i) => toPipelineItem(r, i + 1)),
      expiring: expiringRows,
    };
  }

  async function setTarget(ctx: Scoped, year: number, input: TargetRequest): Promise<TargetItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = (await listTargets(tx)).find((t) => t.year === year);
      const source = input.source ?? null;
      const after = { targetAbove: input.targetAbove, source };
      const changes = diff(before ? { targetAbove: before.target_above, source: before.source } : {}, after);
      await upsertTarget(tx, { year, target_above: input.targetAbove, source }, ctx.actor.userId, now);
      if (Object.keys(changes).length > 0)
        await writeAudit(
          tx,
          ctx,
          { action: 'cultivation.target_set', entityType: 'hnte_target', entityId: String(year), changes },
          now,
        );
      return { year, targetAbove: input.targetAbove, source };
    });
  }

  return { list, expiring, exportRows, setTarget, refreshJob, campaign };
}

export type PipelineService = ReturnType<typeof pipelineService>;
