/**
 * Computes the readiness of every enterprise for one campaign year and stores it as the pipeline's snapshot.
 * The registry is read set-wise (pipeline.repo.ts), the 8,000-odd assessments run in slices that yield to the
 * event loop between them (so requests keep being answered while a background refresh runs in-process), and the
 * snapshot is replaced in one transaction together with the data version it was computed from.
 */
import { fen, toFenNumber } from '@jinke/core/common/money.ts';
import {
  READINESS_ORDER,
  assessReadiness,
  type RegistryFacts,
  type RegistryYear,
} from '@jinke/core/cultivation/pipeline.readiness.ts';
import type { Database } from '../../platform/db/index.ts';
import {
  type YearFactsRow,
  enterprisesOn,
  hnteInForce,
  patentsInForce,
  yearsBetween,
} from './pipeline.facts.repo.ts';
import { type EntryRow, readDataVersion, writeSnapshot } from './pipeline.repo.ts';

/** Enterprises assessed between two yields to the event loop (about 30 ms of work). */
const SLICE = 400;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const bigintOrNull = (v: string | null) => (v === null ? null : BigInt(v));

export interface RefreshOutcome {
  year: number;
  asOf: string;
  dataVersion: string;
  enterprises: number;
  durationMs: number;
}

/** Recomputes and stores the snapshot of `year` judged on `asOf`. */
export async function refreshSnapshot(
  db: Database,
  year: number,
  asOf: string,
  now: () => Date,
): Promise<RefreshOutcome> {
  const started = performance.now();
  // Read the version before the data: a change committed in between makes the snapshot look stale (a spare
  // refresh), never fresh with old data.
  const dataVersion = await readDataVersion(db);
  // One statement per year of figures, with the event loop served between statements: on embedded PGlite a
  // statement runs on this thread, so smaller statements keep requests answered during a background refresh.
  const enterprises = await enterprisesOn(db, asOf);
  const years: YearFactsRow[] = [];
  for (let y = year - 3; y <= year - 1; y++) {
    await yieldToEventLoop();
    years.push(...(await yearsBetween(db, y, y)));
  }
  await yieldToEventLoop();
  const patents = await patentsInForce(db, asOf);
  const certificates = await hnteInForce(db, asOf);
  await yieldToEventLoop();
  const yearsOf = new Map<string, RegistryYear[]>();
  for (const y of years) {
    let list = yearsOf.get(y.enterprise_id);
    if (!list) yearsOf.set(y.enterprise_id, (list = []));
    list.push({
      year: y.year,
      revenueFen: bigintOrNull(y.revenue_fen),
      rdFen: bigintOrNull(y.rd_fen),
      staff: y.staff,
      techStaff: y.tech_staff,
      netAssetsFen: bigintOrNull(y.net_assets_fen),
    });
  }
  await yieldToEventLoop();
  const patentsOf = new Map(patents.map((p) => [p.enterprise_id, p]));
  const certificateOf = new Map(certificates.map((c) => [c.enterprise_id, c.valid_to]));

  const entries: EntryRow[] = [];
  for (let i = 0; i < enterprises.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    const e = enterprises[i]!;
    const figures = yearsOf.get(e.id) ?? [];
    const held = patentsOf.get(e.id);
    const facts: RegistryFacts = {
      registeredOn: e.registered_on,
      hitechField: e.hitech_field,
      years: figures,
      validInventions: held?.inventions ?? 0,
      validOtherPatents: held?.others ?? 0,
    };
    const { readiness, gaps, unknowns, assessment } = assessReadiness(facts, asOf);
    const gapWords: EntryRow['gap_words'] = {};
    for (const c of assessment.criteria) if (c.pass === false && c.gap) gapWords[c.id] = c.gap;
    const f = assessment.figures;
    const latest = figures.find((y) => y.year === year - 1)?.revenueFen ?? null;
    entries.push({
      campaign_year: year,
      enterprise_id: e.id,
      name: e.name,
      uscc: e.uscc,
      town_code: e.town_code,
      industry_code: e.industry_code,
      readiness,
      readiness_order: READINESS_ORDER[readiness],
      gap_count: gaps.length,
      gap_key: gaps.join(','),
      unknowns,
      gap_words: gapWords,
      latest_sales_fen: latest === null ? null : latest.toString(),
      rd_ratio_pct: f.rdRatioPct,
      rd_required_pct: f.rdThresholdPct,
      tech_staff_pct: f.techStaffPct,
      registration_days: f.registrationDays,
      valid_inventions: facts.validInventions,
      valid_other_patents: facts.validOtherPatents,
      hnte_valid_to: certificateOf.get(e.id) ?? null,
    });
  }
  const durationMs = Math.round(performance.now() - started);
  await db.transaction((tx) =>
    writeSnapshot(
      tx,
      {
        campaign_year: year,
        as_of: asOf,
        data_version: dataVersion,
        computed_at: now(),
        duration_ms: durationMs,
        enterprises: entries.length,
      },
      entries,
    ),
  );
  return { year, asOf, dataVersion, enterprises: entries.length, durationMs };
}

/** A JSON-safe number of 分 from the snapshot's text (amounts beyond 2^53 分 cannot occur in the registry). */
export function fenNumber(text: string | null): number | null {
  return text === null ? null : toFenNumber(fen(BigInt(text)));
}
