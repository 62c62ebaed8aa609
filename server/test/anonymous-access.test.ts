/**
 * A guard over every route in the OpenAPI document: an anonymous request to anything outside the public
 * list is refused with 401 in the error envelope. A new endpoint that forgets its authorisation fails here;
 * the per-module tests check each role in detail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './harness.ts';

/** Endpoints anyone may call without signing in. */
const PUBLIC = new Set(['GET /api/health', 'GET /api/divisions', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/public/draws/{id}']);

let t: TestContext;
let routes: { method: string; path: string }[];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

/** Fills path parameters with values of the right shape so routing and param validation pass. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (/year/i.test(name)) return '2017';
    if (/kind/i.test(name)) return 'enterprises';
    if (/field/i.test(name)) return 'name';
    return '00000000-0000-4000-8000-000000000000';
  });
}

describe('anonymous access', () => {
  it('lists more than thirty endpoints in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('is refused with 401 on every endpoint that is not public', async () => {
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (PUBLIC.has(key) || path.startsWith('/api/public/')) continue;
      const res = await t.app.inject({ method: method as 'GET', url: concrete(path), ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      if (res.statusCode !== 401 || res.json<{ error?: { code?: string } }>().error?.code !== 'UNAUTHENTICATED') {
        leaks.push(`${key} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
