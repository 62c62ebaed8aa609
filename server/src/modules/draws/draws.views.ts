/**
 * The three shapes a draw leaves the server in: a list row, the officer view (with names, for the people who run
 * the draw) and the public record (codes only: the pool as hashed, the seed, the result and the replacements).
 */
import type { DrawApplicant, DrawSpec, FrozenPool } from '@jinke/core/draws/draw.contract.ts';
import type {
  DrawDetail,
  DrawSummary,
  NamedExpert,
  PublicDraw,
} from '@jinke/core/draws/draws-api.contract.ts';
import { parsePoolText, type Exclusion, type FunnelStage } from '@jinke/core/draws/pool.ts';
import type { ExpertNameRow } from './draw-inputs.repo.ts';
import type { DrawRow, DrawWithPool, EventRow } from './draws.repo.ts';

export type Overridden = { code: string; reason: string; rules: string[] };

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

/** Typed readers of the JSON columns, which the service wrote from these same types. */
export const jsonOf = {
  spec: (row: DrawRow) => row.spec as DrawSpec,
  applicants: (row: DrawRow) => row.applicants as DrawApplicant[],
  overridden: (row: DrawRow) => row.overrides as Overridden[],
  excluded: (row: DrawRow) => row.excluded as Exclusion[],
  funnel: (row: DrawRow) => row.funnel as FunnelStage[],
};

/**
 * The stored pool: its canonical text read back (draws frozen since migration 0016) or the JSON of older draws. Text
 * that is not a canonical pool cannot have been written by the freeze; it is refused rather than published.
 */
export function poolOf(row: DrawWithPool): FrozenPool {
  if (row.pool_text === null) return row.pool as FrozenPool;
  const pool = parsePoolText(row.pool_text);
  if (!pool) throw new Error(`draw ${row.id}: the stored pool text is not a canonical pool text`);
  return pool;
}

export function toSummary(row: DrawRow): DrawSummary {
  const spec = jsonOf.spec(row);
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    status: row.status,
    panelSize: spec.panelSize,
    alternateCount: spec.alternates,
    applicantCount: jsonOf.applicants(row).length,
    poolSize: row.pool_size,
    poolHash: row.pool_hash,
    frozenAt: iso(row.frozen_at),
    drawnAt: isoOrNull(row.drawn_at),
    createdByName: row.created_by_name,
  };
}

/** Every expert code the officer view names. */
export function codesNamedIn(row: DrawRow, events: readonly EventRow[]): string[] {
  return [
    ...(row.panel ?? []),
    ...(row.alternates ?? []),
    ...(row.current_panel ?? []),
    ...(row.current_alternates ?? []),
    ...jsonOf.excluded(row).map((e) => e.code),
    ...jsonOf.overridden(row).map((o) => o.code),
    ...events.flatMap((e) => [e.code, e.replacement]),
  ];
}

export interface Names {
  experts: Map<string, ExpertNameRow>;
  parties: Map<string, string>;
  institutes: Map<string, string>;
}

export function toDetail(row: DrawRow, events: readonly EventRow[], names: Names): DrawDetail {
  const named = (code: string): NamedExpert => {
    const x = names.experts.get(code);
    return { code, name: x?.name ?? null, kind: x?.panel_kind ?? 'technical', title: x?.title ?? null };
  };
  const nameOf = (code: string) => names.experts.get(code)?.name ?? null;
  return {
    ...toSummary(row),
    algorithm: row.algorithm,
    spec: jsonOf.spec(row),
    applicants: jsonOf.applicants(row).map((a) => ({
      uscc: a.uscc,
      name: names.parties.get(a.uscc) ?? null,
      institutes: a.institutes.map((id) => ({ id, name: names.institutes.get(id) ?? null })),
      coApplicants: a.coApplicants,
    })),
    funnel: jsonOf.funnel(row),
    excluded: jsonOf.excluded(row).map((e) => ({
      ...e,
      name: nameOf(e.code),
      applicantName: e.uscc ? (names.parties.get(e.uscc) ?? null) : null,
    })),
    overridden: jsonOf.overridden(row).map((o) => ({ ...o, name: nameOf(o.code) })),
    seed: row.seed,
    seedSource: row.seed_source,
    key: row.key,
    panel: (row.panel ?? []).map(named),
    alternates: (row.alternates ?? []).map(named),
    currentPanel: (row.current_panel ?? []).map(named),
    currentAlternates: (row.current_alternates ?? []).map(named),
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      code: e.code,
      replacement: e.replacement,
      occurredAt: iso(e.occurred_at),
      name: nameOf(e.code),
      replacementName: nameOf(e.replacement),
      reason: e.reason,
      actorName: e.actor_name,
    })),
  };
}

/** The public record: no names, no applicants, no decline reasons (they may concern a person's circumstances). */
export function toPublic(row: DrawWithPool, events: readonly EventRow[]): PublicDraw {
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    status: row.status,
    algorithm: row.algorithm,
    pool: poolOf(row),
    poolHash: row.pool_hash,
    funnel: jsonOf.funnel(row),
    avoidanceExclusions: new Set(jsonOf.excluded(row).map((e) => e.code)).size,
    overridden: jsonOf.overridden(row),
    seed: row.seed,
    seedSource: row.seed_source,
    key: row.key,
    panel: row.panel,
    alternates: row.alternates,
    declines: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      code: e.code,
      replacement: e.replacement,
      occurredAt: iso(e.occurred_at),
    })),
    currentPanel: row.current_panel,
    currentAlternates: row.current_alternates,
    frozenAt: iso(row.frozen_at),
    drawnAt: isoOrNull(row.drawn_at),
  };
}
