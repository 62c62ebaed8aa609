/**
 * Chinese full-text search: jieba segmentation (default dictionary plus the local terms in `user-dict.txt`)
 * combined with CJK character bigrams. Jieba words rank exact terms; bigrams guarantee that any run of two or
 * more characters found in a name is found by search, even when jieba does not know it as a word (e.g. a
 * brand such as 浔兴). Records store the tokens space-separated in `search_tokens`; PostgreSQL indexes
 * `to_tsvector('simple', search_tokens)` with GIN, and queries are segmented the same way here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const user = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'user-dict.txt'));
    jieba.loadDict(user);
  }
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /^[\p{L}\p{N}]+$/u;

/** Lower-cased words of `text` worth indexing: letters and digits only, no punctuation. */
function words(text: string, forSearch: boolean): string[] {
  const j = instance();
  const raw = forSearch ? j.cutForSearch(text, true) : j.cut(text, true);
  return raw.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0 && WORD.test(w));
}

/** Overlapping pairs of CJK characters within each run of CJK characters. */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (CJK.test(chars[i]!) && CJK.test(chars[i + 1]!)) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The `search_tokens` value for a record whose searchable texts are `parts`. */
export function segmentForIndex(...parts: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const w of words(part, true)) tokens.add(w);
    for (const b of cjkBigrams(part)) tokens.add(b);
  }
  return [...tokens].join(' ');
}

/**
 * A `to_tsquery('simple', …)` expression for the user's query, or null when nothing searchable remains
 * (only punctuation, say): callers then return an empty result rather than an error. Each query word must
 * match: a CJK word of two or more characters as all of its bigrams, a single character or a Latin/number
 * word as a prefix.
 */
export function segmentQuery(query: string): string | null {
  const clauses: string[] = [];
  for (const w of words(query.slice(0, 200), false)) {
    const chars = [...w];
    if (chars.length >= 2 && chars.every((c) => CJK.test(c))) {
      const grams = cjkBigrams(w).map(quote);
      clauses.push(grams.length === 1 ? grams[0]! : `(${grams.join(' & ')})`);
    } else {
      clauses.push(`${quote(w)}:*`);
    }
  }
  return clauses.length > 0 ? [...new Set(clauses)].join(' & ') : null;
}

/** tsquery lexeme quoting: single quotes doubled, the whole in quotes, so no input is parsed as an operator. */
function quote(lexeme: string): string {
  return `'${lexeme.replace(/'/g, "''")}'`;
}
