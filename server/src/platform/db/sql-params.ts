/** Helpers for building parameterised SQL: placeholders handed out in order, and LIKE patterns from user text. */
import type { SqlValue } from './index.ts';

/** Collects the parameters of one statement and hands out their `$n` placeholders in order. */
export class SqlParams {
  readonly values: SqlValue[] = [];
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%` and `_` typed by the user match themselves, not any text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
