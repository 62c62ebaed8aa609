/**
 * Freezing a pool whose eligibility stages (available, field, load) were already applied where the candidates live —
 * the database scans 40,000 experts far faster than it can ship them. The caller passes the stage counts, the
 * candidates that passed and cannot conflict with any applicant (code and kind only), and the ones that may (full
 * records); the avoidance stage, the feasibility check and the canonical pool are exactly those of `freezeValidPool`,
 * so the pool, its hash and the funnel are the same as when every candidate is passed in (tested against it).
 *
 * The caller's duty: `clear` ∪ `suspects` is exactly the set of candidates that pass eligibility, and every
 * candidate with a possible conflict (an employer among the applicants' parties, a declared relation to an
 * applicant, a co-application) is among `suspects`.
 */
import { sm3Hex } from '../common/sm3.ts';
import type { DrawApplicant, DrawCandidate, DrawOverride, DrawSpec, FrozenPool } from './draw.contract.ts';
import { DRAW_ALGORITHM } from './draw.contract.ts';
import {
  canonicalSpec,
  feasibility,
  indexApplicants,
  canonicalPoolText,
  screenAvoidance,
  type Exclusion,
  type ExclusionRule,
  type FreezeResult,
  type FunnelStage,
  type PoolTextHasher,
} from './pool.ts';

export interface ScreenedPoolInput {
  spec: DrawSpec;
  /** Candidates left after each eligibility stage, over all candidates. */
  counts: { candidates: number; available: number; field: number; load: number };
  /** Eligible candidates that cannot conflict with any applicant. */
  clear: readonly { code: string; kind: string }[];
  /** Eligible candidates that may conflict: checked with the avoidance rules. */
  suspects: readonly DrawCandidate[];
  applicants: readonly DrawApplicant[];
  overrides: readonly DrawOverride[];
}

/** The result of `freezeValidPool`, with the canonical text of a frozen pool (what was hashed, and is stored). */
export type ScreenedFreezeResult =
  (Extract<FreezeResult, { ok: true }> & { poolText: string }) | Extract<FreezeResult, { ok: false }>;

/** `hashText` is SM3 over the canonical text; the server passes OpenSSL's, which gives the same digest faster. */
export function freezeScreenedPool(
  input: ScreenedPoolInput,
  hashText: PoolTextHasher = sm3Hex,
): ScreenedFreezeResult {
  const { spec, counts } = input;
  const index = indexApplicants(input.applicants, spec.asOf);
  const overrideByCode = new Map(input.overrides.map((o) => [o.code, o.reason]));
  const eligible: FrozenPool['eligible'] = input.clear.map((c) => ({ code: c.code, kind: c.kind }));
  const excluded: Exclusion[] = [];
  const overridden: { code: string; reason: string; rules: ExclusionRule[] }[] = [];
  for (const candidate of input.suspects)
    screenAvoidance(candidate, index, overrideByCode, { eligible, excluded, overridden });
  eligible.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const funnel: FunnelStage[] = [
    { stage: 'candidates', remaining: counts.candidates },
    { stage: 'available', remaining: counts.available },
    { stage: 'field', remaining: counts.field },
    { stage: 'load', remaining: counts.load },
    { stage: 'avoidance', remaining: eligible.length },
  ];
  const problem = feasibility(spec, eligible, funnel);
  if (problem) return { ok: false, problem, excluded, funnel };
  const pool: FrozenPool = { algorithm: DRAW_ALGORITHM, spec: canonicalSpec(spec), eligible };
  const poolText = canonicalPoolText(pool);
  return { ok: true, pool, poolHash: hashText(poolText), poolText, excluded, overridden, funnel };
}
