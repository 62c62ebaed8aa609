/**
 * Re-checking a published draw as a whole: the pool hash, the draw (`verifyDraw`), and every decline replayed in
 * order with `replaceMember`, so the current panel is checked too. The public page runs this in the browser and
 * `npx jinke draws verify <id>` runs it on the stored record; both name the part that differs.
 */
import type { FrozenPool } from './draw.contract.ts';
import { replaceMember, verifyDraw } from './draw.ts';
import { poolHash } from './pool.ts';

export interface PublishedDrawRecord {
  pool: FrozenPool;
  poolHash: string;
  seed: string | null;
  panel: readonly string[] | null;
  alternates: readonly string[] | null;
  declines: readonly { code: string; replacement: string }[];
  currentPanel: readonly string[] | null;
  currentAlternates: readonly string[] | null;
}

export type PublishedPart = 'poolHash' | 'panel' | 'alternates' | 'current';

export const publishedPartNames: Record<PublishedPart, { zh: string; en: string }> = {
  poolHash: { zh: '候选池哈希', en: 'pool hash' },
  panel: { zh: '专家组', en: 'panel' },
  alternates: { zh: '备选专家', en: 'alternates' },
  current: { zh: '递补后的当前专家组', en: 'current panel after replacements' },
};

export interface PublishedCheck {
  /** `frozen`: only the pool hash could be checked, the seed is not known yet. */
  stage: 'frozen' | 'drawn';
  matches: boolean;
  /** The parts that differ, in the order above; empty when everything matches. */
  differs: PublishedPart[];
  /** Recomputed values, to show next to the published ones. */
  recomputed: {
    poolHash: string;
    panel: string[] | null;
    alternates: string[] | null;
    currentPanel: string[] | null;
  };
}

const same = (a: readonly string[] | null, b: readonly string[] | null) =>
  a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/** Re-runs everything a published draw claims and lists what does not agree. */
export function checkPublishedDraw(record: PublishedDrawRecord): PublishedCheck {
  if (record.seed === null || record.panel === null || record.alternates === null) {
    const hash = poolHash(record.pool);
    const differs: PublishedPart[] = hash === record.poolHash ? [] : ['poolHash'];
    return {
      stage: 'frozen',
      matches: differs.length === 0,
      differs,
      recomputed: { poolHash: hash, panel: null, alternates: null, currentPanel: null },
    };
  }
  const verification = verifyDraw({
    pool: record.pool,
    poolHash: record.poolHash,
    seed: record.seed,
    panel: [...record.panel],
    alternates: [...record.alternates],
  });
  const differs: PublishedPart[] = [];
  if (!verification.poolHashMatches) differs.push('poolHash');
  if (!verification.panelMatches) differs.push('panel');
  if (!verification.alternatesMatches) differs.push('alternates');
  const drawn = verification.recomputed;
  // Declines are replayed over the published panel, so each part is judged on its own: a changed panel shows as
  // "panel" (above), a changed replacement or current panel as "current".
  let current = { panel: [...record.panel], alternates: [...record.alternates] };
  let replayed = true;
  for (const decline of record.declines) {
    const step = replaceMember(record.pool, current, decline.code);
    if (!step.ok || step.replacement !== decline.replacement) {
      replayed = false;
      break;
    }
    current = { panel: step.panel, alternates: step.alternates };
  }
  const currentMatches =
    replayed &&
    same(current.panel, record.currentPanel) &&
    same(current.alternates, record.currentAlternates);
  if (!currentMatches) differs.push('current');
  const currentPanel = replayed ? current.panel : null;
  return {
    stage: 'drawn',
    matches: differs.length === 0,
    differs,
    recomputed: {
      poolHash: drawn.ok ? drawn.poolHash : poolHash(record.pool),
      panel: drawn.ok ? drawn.panel : null,
      alternates: drawn.ok ? drawn.alternates : null,
      currentPanel,
    },
  };
}
