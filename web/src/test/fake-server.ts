/**
 * A stand-in for the server at the only seam the web app has: `fetch`. Routes are keyed `METHOD /path`;
 * every call is recorded so a test can assert what was sent (headers, body).
 */
import { vi } from 'vitest';
import type { Me } from '@jinke/core/accounts/accounts.contract.ts';
import type { Role } from '@jinke/core/accounts/roles.ts';

export interface RecordedCall {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function apiError(status: number, code: string, message: string, details: unknown = null): Response {
  return json(status, { error: { code, message, details, requestId: 'req-1' } });
}

export function fakeServer(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      search: url.search,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, 'ROUTE_NOT_FOUND', `no route ${method} ${url.pathname}`);
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export function meFor(role: Role, overrides: Partial<Me> = {}): Me {
  const scoped: Partial<Record<Role, Pick<Me, 'scopeType' | 'scopeId' | 'scopeName'>>> = {
    town: { scopeType: 'town', scopeId: '350582101', scopeName: '安海镇' },
    enterprise: { scopeType: 'enterprise', scopeId: '91350582MA2XXXXX0X', scopeName: null },
    expert: { scopeType: 'expert', scopeId: 'EXP-0001', scopeName: null },
    bank: { scopeType: 'bank', scopeId: 'BANK-01', scopeName: null },
    provider: { scopeType: 'provider', scopeId: 'PRV-01', scopeName: null },
  };
  return {
    id: `user-${role}`,
    username: `${role}1`,
    displayName: `测试${role}`,
    role,
    scopeType: null,
    scopeId: null,
    scopeName: null,
    sections: role === 'officer' ? ['hitech'] : [],
    mustChangePassword: false,
    csrfToken: `csrf-${role}`,
    ...scoped[role],
    ...overrides,
  };
}
