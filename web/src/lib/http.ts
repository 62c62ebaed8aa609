/**
 * The one way the web app talks to the server: same-origin JSON over fetch with the session cookie.
 * Every write carries the session's CSRF token (the server rejects cookie writes without it), every request
 * carries the UI language so error messages come back in it, and every error becomes an `ApiError` read from
 * the server's envelope `{ error: { code, message, details, requestId } }` — callers branch on `code`, never on text.
 */
import type { FieldError, Locale } from '@jinke/core/common/errors.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: unknown = null,
    requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** The per-field problems of a validation error (`details.fields`), empty otherwise. */
  get fieldErrors(): FieldError[] {
    return readFieldErrors(this.details);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function readFieldErrors(details: unknown): FieldError[] {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return [];
  const fields = details.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((item: unknown): FieldError[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message, rule } = item as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return typeof rule === 'string' ? [{ field, message, rule }] : [{ field, message }];
  });
}

export interface SessionEvents {
  /** The session is gone or expired (401 UNAUTHENTICATED on an ordinary call). */
  onUnauthenticated?: () => void;
  /** The user must change the initial password before anything else (403 PASSWORD_CHANGE_REQUIRED). */
  onPasswordChangeRequired?: () => void;
}

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  events: SessionEvents;
}

const state: ClientState = { csrfToken: null, locale: 'zh-CN', events: {} };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setRequestLocale(locale: Locale): void {
  state.locale = locale;
}

export function setSessionEvents(events: SessionEvents): void {
  state.events = events;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values; empty when there are none. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Whether a 401/403-password-change answer should fire the session events. Off for sign-in (a wrong password is
   * a 401 too) and for the probe of the current user, which the auth guard handles itself.
   */
  sessionEvents?: boolean;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

const networkMessages: Record<Locale, { offline: string; unexpected: (status: number) => string }> = {
  'zh-CN': {
    offline: '无法连接服务器，请检查网络后重试',
    unexpected: (status) => `服务器返回了无法识别的响应（HTTP ${status}）`,
  },
  'en-US': {
    offline: 'Cannot reach the server; check the network and retry',
    unexpected: (status) => `The server sent an unexpected response (HTTP ${status})`,
  },
};

async function readError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  const envelope =
    typeof payload === 'object' && payload !== null && 'error' in payload ? payload.error : null;
  if (typeof envelope === 'object' && envelope !== null) {
    const { code, message, details, requestId } = envelope as Record<string, unknown>;
    if (typeof code === 'string') {
      return new ApiError(
        response.status,
        code,
        typeof message === 'string' ? message : code,
        details ?? null,
        typeof requestId === 'string' ? requestId : null,
      );
    }
  }
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    networkMessages[state.locale].unexpected(response.status),
  );
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.locale };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', networkMessages[state.locale].offline);
  }

  if (!response.ok) {
    const error = await readError(response);
    if (options.sessionEvents !== false) {
      if (error.status === 401 && error.code === 'UNAUTHENTICATED') state.events.onUnauthenticated?.();
      if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED')
        state.events.onPasswordChangeRequired?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends a file itself as the request body (the server reads the raw bytes of the declared type; the JSON client
 * cannot carry a file), with the session's CSRF token and the UI language; errors arrive as `ApiError`.
 */
export async function uploadFile<T>(
  path: string,
  file: Blob & { name?: string },
  contentType: string,
  query: Record<string, QueryValue> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.locale,
    'Content-Type': contentType,
  };
  if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(path + toQueryString({ fileName: file.name, ...query }), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkMessages[state.locale].offline);
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

/** The file name of an attachment, preferring the UTF-8 `filename*` form (Chinese names). */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file from a GET endpoint. Fetched rather than linked so that a refusal (e.g. too many rows)
 * arrives as an `ApiError` the page can show, instead of a raw JSON page in the browser.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue> | undefined,
  fallbackName: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path + toQueryString(query), {
      headers: { 'Accept-Language': state.locale },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkMessages[state.locale].offline);
  }
  if (!response.ok) {
    const error = await readError(response);
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') state.events.onUnauthenticated?.();
    throw error;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
