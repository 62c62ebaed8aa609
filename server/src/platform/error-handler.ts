/** Maps every error to the one envelope; bad input never becomes a 500. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import { pickLocale, type FieldError, type Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { AppError } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** The zod type provider flattens issues into fastify's shape; rebuild them to name fields in both languages. */
function issuesFromValidation(
  validation: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[],
  context: string | undefined,
): Issue[] {
  return validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    return { ...v.params, code: v.keyword, path: context && context !== 'body' ? [context, ...path] : path, message: v.message ?? '' } as unknown as Issue;
  });
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, message: string, details: unknown) {
  return reply.status(status).send({ error: { code, message, details, requestId: request.id } });
}

function validationReply(request: FastifyRequest, reply: FastifyReply, locale: Locale, fields: FieldError[]) {
  const message = locale === 'en-US' ? 'The submitted data is invalid' : '提交的数据有误';
  return send(reply, request, 400, 'VALIDATION_FAILED', `${message}: ${fields.map((f) => f.message).join('; ')}`, { fields });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return send(reply, request, error.status, error.code, error.messageFor(locale), error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = issuesFromValidation(error.validation, error.validationContext);
      return validationReply(request, reply, locale, toFieldErrors(issues, locale));
    }
    if (error instanceof ZodError) return validationReply(request, reply, locale, toFieldErrors(error.issues, locale));
    const status = error.statusCode ?? 500;
    if (status === 429) {
      const spec = new AppError('RATE_LIMITED');
      return send(reply, request, 429, spec.code, spec.messageFor(locale), null);
    }
    if (status === 413) {
      const spec = new AppError('PAYLOAD_TOO_LARGE');
      return send(reply, request, 413, spec.code, spec.messageFor(locale), null);
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type and the like: fastify's own client errors.
      const spec = new AppError('BAD_REQUEST');
      return send(reply, request, status, spec.code, `${spec.messageFor(locale)}: ${error.message}`, null);
    }
    request.log.error({ err: error }, 'unhandled error');
    const spec = new AppError('INTERNAL');
    return send(reply, request, 500, spec.code, spec.messageFor(locale), null);
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(request.headers['accept-language']);
  const e = new AppError('ROUTE_NOT_FOUND');
  return send(reply, request, 404, e.code, `${e.messageFor(locale)}: ${request.method} ${request.url.split('?')[0] ?? ''}`, null);
}
