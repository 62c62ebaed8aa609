/**
 * Freezing the candidate pool before the seed is known: eligibility (available, field, load), avoidance (回避) with a
 * reason for every exclusion, officers' logged overrides, a feasibility check that names the constraint that empties
 * the pool, and the canonical text whose SM3 digest is published.
 */
import { sm3Hex } from '../common/sm3.ts';
import {
  DRAW_ALGORITHM,
  freezeInput,
  requiredByKind,
  type DrawApplicant,
  type DrawCandidate,
  type DrawSpec,
  type FreezeInput,
  type FreezeParsed,
  type FrozenPool,
} from './draw.contract.ts';

export type ExclusionRule =
  'unavailable' | 'field' | 'load' | 'own-staff' | 'declared-relation' | 'co-application';

export interface Exclusion {
  code: string;
  rule: ExclusionRule;
  /** The applicant the conflict is with, for avoidance rules. */
  uscc?: string;
  zh: string;
  en: string;
}

/** Avoidance rules an officer may override with a logged reason; eligibility rules may not be overridden. */
export const AVOIDANCE_RULES: readonly ExclusionRule[] = ['own-staff', 'declared-relation', 'co-application'];

/** How many candidates remain after each stage, so an empty pool says which constraint emptied it. */
export interface FunnelStage {
  stage: 'candidates' | 'available' | 'field' | 'load' | 'avoidance';
  remaining: number;
}

export interface DrawProblem {
  constraint: string;
  zh: string;
  en: string;
}

export type FreezeResult =
  | {
      ok: true;
      pool: FrozenPool;
      poolHash: string;
      excluded: Exclusion[];
      overridden: { code: string; reason: string; rules: ExclusionRule[] }[];
      funnel: FunnelStage[];
    }
  | { ok: false; problem: DrawProblem; excluded: Exclusion[]; funnel: FunnelStage[] };

/** The day three years before `asOf` (29 February falls back to 28 February). */
export function threeYearsBefore(asOf: string): string {
  const year = Number(asOf.slice(0, 4)) - 3;
  const monthDay = asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

function fieldMatches(candidate: DrawCandidate, spec: DrawSpec): boolean {
  const byField = spec.fields.length === 0 || candidate.fields.some((f) => spec.fields.includes(f));
  const byIpc =
    spec.ipcPrefixes.length === 0 ||
    candidate.ipcClasses.some((c) =>
      spec.ipcPrefixes.some((prefix) => c.replace(/\s+/g, '').startsWith(prefix)),
    );
  return byField && byIpc;
}

/** The parties under review, indexed once so that each candidate is checked in time proportional to its own ties. */
export interface ApplicantIndex {
  since: string;
  /** Applicant USCC or partner institute id → the applicants it belongs to. */
  parties: Map<string, string[]>;
  applicants: Set<string>;
  /** Expert code → co-applications with an applicant, on or after `since`. */
  coApplications: Map<string, { uscc: string; date: string }[]>;
}

export function indexApplicants(applicants: readonly DrawApplicant[], asOf: string): ApplicantIndex {
  const since = threeYearsBefore(asOf);
  const parties = new Map<string, string[]>();
  const coApplications = new Map<string, { uscc: string; date: string }[]>();
  for (const applicant of applicants) {
    for (const party of [applicant.uscc, ...applicant.institutes]) {
      const list = parties.get(party) ?? [];
      if (!list.includes(applicant.uscc)) list.push(applicant.uscc);
      parties.set(party, list);
    }
    for (const co of applicant.coApplicants) {
      if (co.date < since) continue;
      const list = coApplications.get(co.code) ?? [];
      const same = list.find((c) => c.uscc === applicant.uscc);
      if (!same) list.push({ uscc: applicant.uscc, date: co.date });
      else if (co.date > same.date) same.date = co.date;
      coApplications.set(co.code, list);
    }
  }
  return { since, parties, applicants: new Set(applicants.map((a) => a.uscc)), coApplications };
}

/** Every avoidance conflict of one candidate with the parties under review, in applicant order per rule. */
export function avoidanceConflicts(candidate: DrawCandidate, index: ApplicantIndex): Exclusion[] {
  const found: Exclusion[] = [];
  const employed = new Set<string>();
  for (const employer of candidate.employers)
    for (const uscc of index.parties.get(employer) ?? []) employed.add(uscc);
  for (const uscc of employed) {
    found.push({
      code: candidate.code,
      rule: 'own-staff',
      uscc,
      zh: `系申报单位 ${uscc} 或其合作单位的人员`,
      en: `works for the applicant ${uscc} or its partner institute`,
    });
  }
  const related = new Set<string>();
  for (const relation of candidate.relations) {
    const { uscc } = relation;
    if (uscc === undefined || !index.applicants.has(uscc) || related.has(uscc)) continue;
    if (relation.until !== undefined && relation.until < index.since) continue;
    related.add(uscc);
    found.push({
      code: candidate.code,
      rule: 'declared-relation',
      uscc,
      zh: `本人声明与申报单位 ${uscc} 存在关联关系（${relation.kind}）`,
      en: `declared a relation (${relation.kind}) with the applicant ${uscc}`,
    });
  }
  for (const co of index.coApplications.get(candidate.code) ?? []) {
    found.push({
      code: candidate.code,
      rule: 'co-application',
      uscc: co.uscc,
      zh: `近三年与申报单位 ${co.uscc} 共同申请专利（${co.date}）`,
      en: `co-applied for a patent with the applicant ${co.uscc} within three years (${co.date})`,
    });
  }
  return found;
}

function eligibilityExclusion(candidate: DrawCandidate, spec: DrawSpec): Exclusion | null {
  if (!candidate.available) {
    return {
      code: candidate.code,
      rule: 'unavailable',
      zh: '本人设置为暂不参加评审',
      en: 'not available for reviews',
    };
  }
  if (!fieldMatches(candidate, spec)) {
    return {
      code: candidate.code,
      rule: 'field',
      zh: '技术领域或 IPC 分类与评审要求不符',
      en: 'field or IPC class does not match',
    };
  }
  if (spec.maxLoad !== undefined && candidate.load >= spec.maxLoad) {
    return {
      code: candidate.code,
      rule: 'load',
      zh: `已承担 ${candidate.load} 项评审，达到上限 ${spec.maxLoad} 项`,
      en: `already assigned ${candidate.load} reviews, the limit is ${spec.maxLoad}`,
    };
  }
  return null;
}

const STAGE_WORDS: Record<FunnelStage['stage'], { zh: string; en: string }> = {
  candidates: { zh: '专家库', en: 'the expert pool' },
  available: { zh: '可参加评审', en: 'availability' },
  field: { zh: '领域匹配', en: 'the field match' },
  load: { zh: '评审任务上限', en: 'the load limit' },
  avoidance: { zh: '回避规则', en: 'the avoidance rules' },
};

/** Whether the eligible candidates can form the panel; otherwise the constraint that empties the pool, in words. */
export function feasibility(
  spec: DrawSpec,
  eligible: FrozenPool['eligible'],
  funnel: FunnelStage[],
): DrawProblem | null {
  if (eligible.length < spec.panelSize) {
    const stage = funnel.find((s) => s.remaining < spec.panelSize) ?? funnel[funnel.length - 1]!;
    const words = STAGE_WORDS[stage.stage];
    return {
      constraint: stage.stage,
      zh: `经“${words.zh}”筛选后仅剩 ${stage.remaining} 名专家，少于专家组所需 ${spec.panelSize} 名`,
      en: `after ${words.en} only ${stage.remaining} experts remain, fewer than the panel of ${spec.panelSize}`,
    };
  }
  for (const [kind, needed] of requiredByKind(spec)) {
    const have = eligible.filter((e) => e.kind === kind).length;
    if (have < needed) {
      return {
        constraint: `composition:${kind}`,
        zh: `符合条件的“${kind}”类专家仅 ${have} 名，组成要求至少 ${needed} 名`,
        en: `only ${have} eligible experts of kind "${kind}", the composition needs at least ${needed}`,
      };
    }
  }
  return null;
}

/**
 * The avoidance stage for one candidate that passed eligibility: excluded with every conflict, or kept — with the
 * officer's logged reason when an override reinstates it.
 */
export function screenAvoidance(
  candidate: DrawCandidate,
  index: ApplicantIndex,
  overrideByCode: ReadonlyMap<string, string>,
  out: {
    eligible: FrozenPool['eligible'];
    excluded: Exclusion[];
    overridden: { code: string; reason: string; rules: ExclusionRule[] }[];
  },
): void {
  const conflicts = avoidanceConflicts(candidate, index);
  const reason = overrideByCode.get(candidate.code);
  if (conflicts.length > 0 && reason === undefined) {
    out.excluded.push(...conflicts);
    return;
  }
  if (conflicts.length > 0 && reason !== undefined) {
    out.overridden.push({ code: candidate.code, reason, rules: conflicts.map((c) => c.rule) });
  }
  out.eligible.push({ code: candidate.code, kind: candidate.kind });
}

/** Freezes the pool for a draw from untrusted JSON (CLI, API): validated first. */
export function freezePool(raw: FreezeInput): FreezeResult {
  return freezeValidPool(freezeInput.parse(raw));
}

/**
 * Freezes the pool for a draw; the result's `poolHash` is published before the seed is known. Takes input already
 * in the parsed shape (e.g. built from registry rows), so a 40,000-expert pool is not validated field by field again.
 */
export function freezeValidPool(input: FreezeParsed): FreezeResult {
  const { spec, candidates, applicants, overrides } = input;
  const index = indexApplicants(applicants, spec.asOf);
  const excluded: Exclusion[] = [];
  const overridden: { code: string; reason: string; rules: ExclusionRule[] }[] = [];
  const overrideByCode = new Map(overrides.map((o) => [o.code, o.reason]));
  const eligible: FrozenPool['eligible'] = [];
  const counts = { available: 0, field: 0, load: 0 };
  for (const candidate of candidates) {
    const exclusion = eligibilityExclusion(candidate, spec);
    if (exclusion) {
      excluded.push(exclusion);
      if (exclusion.rule === 'field' || exclusion.rule === 'load') counts.available++;
      if (exclusion.rule === 'load') counts.field++;
      continue;
    }
    counts.available++;
    counts.field++;
    counts.load++;
    screenAvoidance(candidate, index, overrideByCode, { eligible, excluded, overridden });
  }
  eligible.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const funnel: FunnelStage[] = [
    { stage: 'candidates', remaining: candidates.length },
    { stage: 'available', remaining: counts.available },
    { stage: 'field', remaining: counts.field },
    { stage: 'load', remaining: counts.load },
    { stage: 'avoidance', remaining: eligible.length },
  ];
  const problem = feasibility(spec, eligible, funnel);
  if (problem) return { ok: false, problem, excluded, funnel };
  const pool: FrozenPool = { algorithm: DRAW_ALGORITHM, spec: canonicalSpec(spec), eligible };
  return { ok: true, pool, poolHash: poolHash(pool), excluded, overridden, funnel };
}

const sorted = (values: readonly string[]) => [...values].sort();

/** Sets in a spec in a fixed order, so the same panel request always hashes the same. */
export function canonicalSpec(spec: DrawSpec): DrawSpec {
  return {
    panelSize: spec.panelSize,
    alternates: spec.alternates,
    composition: [...spec.composition]
      .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
      .map((rule) => ({
        kind: rule.kind,
        ...(rule.min === undefined ? {} : { min: rule.min }),
        ...(rule.minPercent === undefined ? {} : { minPercent: rule.minPercent }),
      })),
    fields: sorted(spec.fields),
    ipcPrefixes: sorted(spec.ipcPrefixes),
    ...(spec.maxLoad === undefined ? {} : { maxLoad: spec.maxLoad }),
    asOf: spec.asOf,
  };
}

/**
 * The published canonical text of a pool: one JSON line for the algorithm and spec (keys in the order written
 * here), then one line per eligible candidate, `code<TAB>kind`, in code order.
 */
export function canonicalPoolText(pool: FrozenPool): string {
  const spec = canonicalSpec(pool.spec);
  const head = JSON.stringify({ algorithm: pool.algorithm, spec });
  const lines = [head];
  for (const candidate of pool.eligible) lines.push(`${candidate.code}\t${candidate.kind}`);
  return `${lines.join('\n')}\n`;
}

/** SM3 of a pool's canonical text, as lowercase hex; the server may pass a native implementation of the same SM3. */
export type PoolTextHasher = (text: string) => string;

export function poolHash(pool: FrozenPool, hashText: PoolTextHasher = sm3Hex): string {
  return hashText(canonicalPoolText(pool));
}

/**
 * The pool a canonical text was made from (`canonicalPoolText` read back), so a pool can be stored as the exact
 * bytes that were hashed. Null when the text is not a canonical pool text: a line that is not `code<TAB>kind`, codes
 * out of order or repeated, or a text that `canonicalPoolText` would not write again byte for byte.
 */
export function parsePoolText(text: string): FrozenPool | null {
  if (!text.endsWith('\n')) return null;
  const lines = text.slice(0, -1).split('\n');
  let head: unknown;
  try {
    head = JSON.parse(lines[0]!);
  } catch {
    return null;
  }
  if (typeof head !== 'object' || head === null) return null;
  const { algorithm, spec } = head as { algorithm?: unknown; spec?: unknown };
  if (typeof algorithm !== 'string' || typeof spec !== 'object' || spec === null) return null;
  const eligible: FrozenPool['eligible'] = [];
  let previous: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1 || line.indexOf('\t', tab + 1) >= 0) return null;
    const code = line.slice(0, tab);
    if (previous !== null && !(previous < code)) return null;
    previous = code;
    eligible.push({ code, kind: line.slice(tab + 1) });
  }
  const pool: FrozenPool = { algorithm, spec: spec as DrawSpec, eligible };
  // The head must be the canonical one (keys, order, sets sorted): written again, the text is the same.
  try {
    if (JSON.stringify({ algorithm, spec: canonicalSpec(pool.spec) }) !== lines[0]) return null;
  } catch {
    return null;
  }
  return pool;
}
