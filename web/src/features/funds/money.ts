/** Amounts as officials read and type them: `¥350,000.00（35万元）`; typed `380000`, `380,000.00元` or `38万元`. */
import { formatWan, formatYuan, parseMoney } from '@jinke/core/common/money.ts';

export const money = (fen: string) =>
  `${formatYuan(BigInt(fen), { symbol: true })}（${formatWan(BigInt(fen))}）`;
/** `63万元`, exact to the 分 (`63.000001万元`). */
export const wan = (fen: string) => formatWan(BigInt(fen));
export const yuan = (fen: string) => formatYuan(BigInt(fen), { symbol: true });

/** Whole 分 as a decimal string, or null when the text is not a non-negative amount (a bare number means 元). */
export function fenOf(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parsed = parseMoney(/^[\d,.]+$/.test(trimmed) ? `${trimmed}元` : trimmed);
  return parsed.ok && parsed.fen >= 0n ? parsed.fen.toString() : null;
}

/** Today in China time, `YYYY-MM-DD`. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
