import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  TIAODU_DATA_DIR: z.string().optional(),
  TIAODU_DEMO: z.enum(['0', '1']).default('1'),
  TIAODU_ADMIN_PASSWORD: z.string().optional(),
  TIAODU_SECURE_COOKIE: z.enum(['0', '1']).default('0'),
  TIAODU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  TIAODU_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  TIAODU_PASSWORD_MAX_DAYS: z.coerce.number().int().min(0).default(90),
  TIAODU_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  TIAODU_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  TIAODU_MAP_TILE_URL: z.string().optional(),
  LOG_LEVEL: z.string().default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  adminPassword?: string;
  secureCookie: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  passwordMaxDays: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  mapTileUrl?: string;
  logLevel: string;
  /** Web bundle to serve; absent in API-only tests. */
  webDist?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  const base = env.INIT_CWD ?? process.cwd();
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.TIAODU_DATA_DIR ? path.resolve(base, e.TIAODU_DATA_DIR) : path.join(repoRoot, 'data'),
    demo: e.TIAODU_DEMO === '1',
    adminPassword: e.TIAODU_ADMIN_PASSWORD || undefined,
    secureCookie: e.TIAODU_SECURE_COOKIE === '1',
    sessionIdleMinutes: e.TIAODU_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.TIAODU_SESSION_MAX_HOURS,
    passwordMaxDays: e.TIAODU_PASSWORD_MAX_DAYS,
    lockoutAttempts: e.TIAODU_LOCKOUT_ATTEMPTS,
    lockoutMinutes: e.TIAODU_LOCKOUT_MINUTES,
    mapTileUrl: e.TIAODU_MAP_TILE_URL || undefined,
    logLevel: e.LOG_LEVEL,
    webDist: path.join(repoRoot, 'web', 'dist'),
  };
}

/** Settings for tests: short-lived, in-memory, no web bundle. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), demo: false, webDist: undefined, logLevel: 'silent', ...overrides };
}
