/**
 * One application error. A module declares its codes and messages in `*.errors.ts`; the error handler maps
 * the code to its HTTP status and writes `{ error: { code, message, details, requestId } }`.
 */
import { platformErrors, type ErrorSpec, type Locale } from '@jinke/core/common/errors.ts';

const registry = new Map<string, ErrorSpec>(Object.entries(platformErrors));

/** Adds a module's catalogue to the registry the handler reads. */
export function registerErrors(catalogue: Record<string, ErrorSpec>): void {
  for (const [code, spec] of Object.entries(catalogue)) {
    const existing = registry.get(code);
    if (existing && existing !== spec) throw new Error(`error code ${code} is declared twice`);
    registry.set(code, spec);
  }
}

export function errorSpec(code: string): ErrorSpec {
  return registry.get(code) ?? platformErrors.INTERNAL;
}

export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  /** Words for the user that replace the catalogue's generic message, in both languages. */
  readonly userMessage: { zh: string; en: string } | undefined;

  constructor(code: string, options: { details?: unknown; userMessage?: { zh: string; en: string }; cause?: unknown } = {}) {
    super(options.userMessage?.en ?? errorSpec(code).en, { cause: options.cause });
    this.code = code;
    this.details = options.details ?? null;
    this.userMessage = options.userMessage;
  }

  get status(): number {
    return errorSpec(this.code).status;
  }

  messageFor(locale: Locale): string {
    const spec = errorSpec(this.code);
    if (this.userMessage) return locale === 'en-US' ? this.userMessage.en : this.userMessage.zh;
    return locale === 'en-US' ? spec.en : spec.zh;
  }
}

export const notFound = (what?: { zh: string; en: string }) => new AppError('NOT_FOUND', what ? { userMessage: what } : {});
export const forbidden = () => new AppError('FORBIDDEN');
