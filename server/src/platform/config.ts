/** Configuration from the environment, read once at start-up. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Set when the platform is served over HTTPS: session cookies get `Secure`. */
  secureCookies: boolean;
  /** Origins allowed to send cookie-authenticated writes, besides the request's own host. */
  trustedOrigins: string[];
  sm4KeyHex: string | null;
  demoPassword: string;
  logLevel: string;
  version: string;
}

export const DEFAULT_DEMO_PASSWORD = 'Jinke@2026demo';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.JINKE_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    secureCookies: env.JINKE_SECURE_COOKIES === '1' || env.JINKE_SECURE_COOKIES === 'true',
    trustedOrigins: (env.JINKE_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sm4KeyHex: env.JINKE_SM4_KEY ?? null,
    demoPassword: env.JINKE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    logLevel: env.LOG_LEVEL ?? 'warn',
    version: env.npm_package_version ?? '0.1.0',
  };
}
