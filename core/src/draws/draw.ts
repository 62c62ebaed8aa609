/**
 * The draw itself (algorithm `jinke-draw/1`), deterministic given the frozen pool and the seed:
 *
 * 1. key = SM3(poolHash ‖ "\n" ‖ seed), the seed trimmed and in Unicode NFC;
 * 2. random words: block i = SM3(key ‖ i as a 4-byte big-endian integer), read as eight big-endian 32-bit words;
 * 3. a uniform integer below n takes words until one is below ⌊2³² / n⌋ · n (no modulo bias) and returns it mod n;
 * 4. the eligible candidates, in code order, are shuffled lazily (Fisher–Yates: position i swaps with i + below(n − i));
 * 5. walking that order, a candidate joins the panel when it is not full and taking it still leaves enough seats for
 *    the composition minimums not yet met; otherwise it is kept, in order, as an alternate (备选);
 * 6. the walk stops when the panel is full and the alternates are as many as asked (or the pool is exhausted).
 *
 * Anyone holding the published pool and seed re-runs the same steps and gets the same panel (`verifyDraw`).
 */
import { sm3 } from '../common/sm3.ts';
import { DRAW_ALGORITHM, requiredByKind, type DrawRecord, type FrozenPool } from './draw.contract.ts';
import { poolHash as hashOf, type DrawProblem } from './pool.ts';

const TWO_32 = 0x1_0000_0000;

export function normalizeSeed(seed: string): string {
  return seed.normalize('NFC').trim();
}

/** The SM3 counter-mode generator of step 2. */
export class DrawRandom {
  private readonly key: Uint8Array;
  private counter = 0;
  private words = new Uint32Array(0);
  private index = 0;
  readonly keyHex: string;

  constructor(poolHash: string, seed: string) {
    this.key = sm3(`${poolHash}\n${normalizeSeed(seed)}`);
    this.keyHex = [...this.key].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  nextWord(): number {
    if (this.index === this.words.length) {
      const input = new Uint8Array(this.key.length + 4);
      input.set(this.key);
      new DataView(input.buffer).setUint32(this.key.length, this.counter++);
      const block = sm3(input);
      const view = new DataView(block.buffer);
      this.words = new Uint32Array(8);
      for (let i = 0; i < 8; i++) this.words[i] = view.getUint32(i * 4);
      this.index = 0;
    }
    return this.words[this.index++]!;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`below(${n})`);
    const limit = Math.floor(TWO_32 / n) * n;
    for (;;) {
      const word = this.nextWord();
      if (word < limit) return word % n;
    }
  }
}

export type DrawOutcome =
  | { ok: true; poolHash: string; seed: string; key: string; panel: string[]; alternates: string[] }
  | { ok: false; problem: DrawProblem };

/**
 * Runs the draw over a frozen pool with the seed fixed after the pool hash was published. `knownPoolHash` is that
 * published hash when the caller has already checked it against the pool (the server checks its stored pool text),
 * so the pool is not hashed again; verification (`verifyDraw`) always recomputes it.
 */
export function runDraw(pool: FrozenPool, seed: string, knownPoolHash?: string): DrawOutcome {
  if (pool.algorithm !== DRAW_ALGORITHM) {
    return {
      ok: false,
      problem: {
        constraint: 'algorithm',
        zh: `不支持的抽取算法版本 ${pool.algorithm}`,
        en: `unsupported draw algorithm ${pool.algorithm}`,
      },
    };
  }
  if (normalizeSeed(seed) === '') {
    return {
      ok: false,
      problem: { constraint: 'seed', zh: '随机种子不能为空', en: 'the seed must not be empty' },
    };
  }
  const { spec } = pool;
  if (pool.eligible.length < spec.panelSize) {
    return {
      ok: false,
      problem: {
        constraint: 'pool',
        zh: `候选专家仅 ${pool.eligible.length} 名，少于专家组所需 ${spec.panelSize} 名`,
        en: `only ${pool.eligible.length} candidates for a panel of ${spec.panelSize}`,
      },
    };
  }
  const hash = knownPoolHash ?? hashOf(pool);
  const random = new DrawRandom(hash, seed);
  const required = requiredByKind(spec);
  const taken = new Map<string, number>();
  const order = pool.eligible.map((c) => c);
  const panel: string[] = [];
  const alternates: string[] = [];
  const unmet = () => {
    let total = 0;
    for (const [kind, needed] of required) total += Math.max(0, needed - (taken.get(kind) ?? 0));
    return total;
  };
  for (let i = 0; i < order.length; i++) {
    if (panel.length === spec.panelSize && alternates.length >= spec.alternates) break;
    const j = i + random.below(order.length - i);
    const picked = order[j]!;
    order[j] = order[i]!;
    order[i] = picked;
    if (panel.length < spec.panelSize) {
      const needed = required.get(picked.kind) ?? 0;
      const fills = (taken.get(picked.kind) ?? 0) < needed ? 1 : 0;
      if (unmet() - fills <= spec.panelSize - panel.length - 1) {
        panel.push(picked.code);
        taken.set(picked.kind, (taken.get(picked.kind) ?? 0) + 1);
        continue;
      }
    }
    alternates.push(picked.code);
  }
  return {
    ok: true,
    poolHash: hash,
    seed: normalizeSeed(seed),
    key: random.keyHex,
    panel,
    alternates: alternates.slice(0, spec.alternates),
  };
}

export interface DrawVerification {
  matches: boolean;
  poolHashMatches: boolean;
  panelMatches: boolean;
  alternatesMatches: boolean;
  recomputed: DrawOutcome;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Re-runs a published draw from its pool and seed and compares every published part. */
export function verifyDraw(record: DrawRecord): DrawVerification {
  const recomputed = runDraw(record.pool, record.seed);
  const poolHashMatches = hashOf(record.pool) === record.poolHash;
  const panelMatches = recomputed.ok && sameList(recomputed.panel, record.panel);
  const alternatesMatches = recomputed.ok && sameList(recomputed.alternates, record.alternates);
  return {
    matches: poolHashMatches && panelMatches && alternatesMatches,
    poolHashMatches,
    panelMatches,
    alternatesMatches,
    recomputed,
  };
}

export type Replacement =
  | { ok: true; panel: string[]; alternates: string[]; replacement: string }
  | { ok: false; problem: DrawProblem };

/**
 * A panel member declines or is found conflicted: the first alternate, in drawn order, that keeps the composition
 * takes the same seat; alternates passed over stay in line.
 */
export function replaceMember(
  pool: FrozenPool,
  current: { panel: readonly string[]; alternates: readonly string[] },
  leaving: string,
): Replacement {
  const seat = current.panel.indexOf(leaving);
  if (seat < 0) {
    return {
      ok: false,
      problem: { constraint: 'member', zh: `${leaving} 不在专家组中`, en: `${leaving} is not on the panel` },
    };
  }
  const kindOf = new Map(pool.eligible.map((c) => [c.code, c.kind]));
  const required = requiredByKind(pool.spec);
  const remaining = current.panel.filter((code) => code !== leaving);
  const counts = new Map<string, number>();
  for (const code of remaining) counts.set(kindOf.get(code)!, (counts.get(kindOf.get(code)!) ?? 0) + 1);
  const keepsComposition = (kind: string) =>
    [...required].every(([k, needed]) => (counts.get(k) ?? 0) + (k === kind ? 1 : 0) >= needed);
  const index = current.alternates.findIndex((code) => keepsComposition(kindOf.get(code) ?? ''));
  if (index < 0) {
    return {
      ok: false,
      problem: {
        constraint: 'alternates',
        zh: '备选专家中没有能保持专家组组成要求的人选，请重新抽取',
        en: 'no alternate keeps the panel composition; hold a new draw',
      },
    };
  }
  const replacement = current.alternates[index]!;
  const panel = [...current.panel];
  panel[seat] = replacement;
  return { ok: true, panel, alternates: current.alternates.filter((_, i) => i !== index), replacement };
}
