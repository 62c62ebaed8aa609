/**
 * Shared shapes of the identifier validators: every validator returns either `{ ok: true, … }` with the
 * normalised identifier and what it encodes, or `{ ok: false, rule, expected?, message }` naming the broken rule
 * in both languages. `expected` is what the failing character or part should have been, when it can be computed.
 */
export interface BilingualMessage {
  zh: string;
  en: string;
}

export interface IdFailure<R extends string> {
  ok: false;
  rule: R;
  expected?: string;
  message: BilingualMessage;
}

export function idFailure<R extends string>(
  rule: R,
  zh: string,
  en: string,
  expected?: string,
): IdFailure<R> {
  return expected === undefined
    ? { ok: false, rule, message: { zh, en } }
    : { ok: false, rule, expected, message: { zh, en } };
}

/**
 * Full-width characters typed with a Chinese input method (Ａ, １, ．, ／) become ASCII (NFKC), letters become
 * upper case and surrounding space is dropped. Callers remove inner spaces themselves where the format allows it.
 */
export function normalizeIdText(text: string): string {
  return text.normalize('NFKC').trim().toUpperCase();
}
