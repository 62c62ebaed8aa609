/**
 * Error codes shared by server and web. Each module declares its own codes with zh-CN and en-US messages;
 * the server maps a code to an HTTP status and writes one envelope. Never classify errors by message text.
 */
export type Locale = 'zh-CN' | 'en-US';

export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export type ErrorCatalogue = Record<string, ErrorSpec>;

/** Platform-wide codes; modules add theirs with `defineErrors`. */
export const platformErrors = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误', en: 'The submitted data is invalid' },
  BAD_REQUEST: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_REJECTED: {
    status: 403,
    zh: '请求来源校验失败，请刷新页面后重试',
    en: 'The request failed the cross-site check; reload the page and retry',
  },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据冲突', en: 'Conflict with existing data' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The payload is too large' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies ErrorCatalogue;

export function defineErrors<const T extends ErrorCatalogue>(catalogue: T): T {
  return catalogue;
}

/** One field problem, as the envelope's `details` lists them. */
export interface FieldError {
  field: string;
  message: string;
  rule?: string;
}

export interface ErrorEnvelope {
  error: { code: string; message: string; details: unknown; requestId: string };
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
