/**
 * Test harness: a fresh database per test file (in-memory PGlite by default, a new database on the
 * PostgreSQL server named by DATABASE_URL under `npm run test:pg`), the app built on it, factories and
 * a signed-in HTTP client. Tests create their own data; nothing is shared between files.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { OfficerSection, Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import { scopeTypeOfRole } from '@jinke/core/accounts/roles.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { PersonalDataCipher } from '../src/platform/crypto.ts';
import type { Database } from '../src/platform/db/index.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { createScratchDatabase } from '../src/platform/db/scratch.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/modules/accounts/sessions.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
const serverUrl = process.env.DATABASE_URL;

export interface TestDb {
  db: Database;
  drop: () => Promise<void>;
}

/** A new, migrated database holding only reference data. */
export async function createTestDb(): Promise<TestDb> {
  if (!serverUrl) {
    const db = await openPglite(null);
    await prepareDatabase(db);
    return { db, drop: () => db.close() };
  }
  const scratch = await createScratchDatabase(serverUrl, 'jinke_test');
  const db = await openPostgres(scratch.url, 4);
  await prepareDatabase(db);
  return {
    db,
    async drop() {
      await db.close();
      await scratch.drop();
    },
  };
}

/** A controllable clock for timeouts and lockouts. */
export function testClock(start = new Date('2026-11-26T02:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export const testCipher = new PersonalDataCipher(Buffer.alloc(16, 7));

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), logLevel: 'silent', ...overrides };
}

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { db, drop } = await createTestDb();
  const clock = testClock();
  const app = await buildApp({ db, config: testConfig(overrides), cipher: testCipher, clock: () => clock.now(), serveWeb: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface UserSpec {
  username?: string;
  role: Role;
  scopeId?: string | null;
  sections?: OfficerSection[];
  password?: string;
  mustChangePassword?: boolean;
  displayName?: string;
}

let counter = 0;
/** Default scopes per role so a scoped role is never created without one. */
const defaultScope: Record<ScopeType, string> = {
  town: '350582101',
  enterprise: '91350582MA8RFY385R',
  expert: 'expert-1',
  bank: 'bank-1',
  provider: 'provider-1',
};

export async function createUser(db: Database, spec: UserSpec): Promise<{ id: string; username: string; password: string }> {
  counter++;
  const username = spec.username ?? `${spec.role}${counter}`;
  const password = spec.password ?? TEST_PASSWORD;
  const scopeType = scopeTypeOfRole[spec.role];
  const scopeId = scopeType ? (spec.scopeId ?? defaultScope[scopeType]) : null;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, password_hash, role, scope_type, scope_id, sections, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      username,
      spec.displayName ?? username,
      await hashPassword(password),
      spec.role,
      scopeType,
      scopeId,
      spec.sections ?? [],
      spec.mustChangePassword ?? false,
    ],
  );
  return { id: rows[0]!.id, username, password };
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrf: string | null;
}

/** An HTTP client; after `signIn` it sends the session cookie and the CSRF header like the web app does. */
export function client(app: FastifyInstance, session: { cookie: string | null; csrf: string | null } = { cookie: null, csrf: null }): Client {
  const headers = (extra?: Record<string, string>): Record<string, string> => ({
    ...(session.cookie ? { cookie: `${SESSION_COOKIE}=${session.cookie}` } : {}),
    ...(session.csrf ? { [CSRF_HEADER]: session.csrf } : {}),
    ...extra,
  });
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, extra?: Record<string, string>) =>
    app.inject({ method, url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) });
  return {
    get: (url, extra) => send('GET', url, undefined, extra),
    post: (url, body, extra) => send('POST', url, body ?? {}, extra),
    put: (url, body, extra) => send('PUT', url, body ?? {}, extra),
    patch: (url, body, extra) => send('PATCH', url, body ?? {}, extra),
    delete: (url, extra) => send('DELETE', url, undefined, extra),
    cookie: session.cookie,
    csrf: session.csrf,
  };
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return client(app, { cookie, csrf });
}

/** Creates a user of `role` and returns a signed-in client for them. */
export async function userClient(ctx: TestContext, spec: UserSpec): Promise<Client & { userId: string; username: string }> {
  const user = await createUser(ctx.db, spec);
  const c = await signIn(ctx.app, user.username, user.password);
  return Object.assign(c, { userId: user.id, username: user.username });
}
