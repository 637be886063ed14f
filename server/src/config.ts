import { isIP } from 'node:net';
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
  /**
   * The reverse proxy whose X-Forwarded-For is believed: its addresses or CIDR ranges,
   * comma-separated, or the number of proxy hops. Empty (the default): none, the client
   * address is the connection's.
   */
  TIAODU_TRUST_PROXY: z.string().default(''),
  LOG_LEVEL: z.string().default('info'),
  /** Message gateway for SMS/WeChat deliveries: `log` writes them to the log, `off` sends nothing. */
  TIAODU_MESSAGE_GATEWAY: z.enum(['log', 'off']).default('log'),
  /** Outside channels a notification is delivered to, comma-separated (sms, wechat); empty for none. */
  TIAODU_NOTIFY_CHANNELS: z.string().default('sms'),
  /** The in-process scheduler (escalations, signals, deliveries); 0 turns it off. */
  TIAODU_SCHEDULER: z.enum(['0', '1']).default('1'),
  TIAODU_SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Browser tests only: POST /api/test/clock moves the server's clock. Refused in production. */
  TIAODU_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  NODE_ENV: z.string().optional(),
});

export type Channel = 'sms' | 'wechat';

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
  /** Fastify's trustProxy: false (default), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: false | number | string[];
  logLevel: string;
  messageGateway: 'log' | 'off';
  notifyChannels: Channel[];
  scheduler: boolean;
  schedulerTickSeconds: number;
  testClock: boolean;
  /** Web bundle to serve; absent in API-only tests. */
  webDist?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  const base = env.INIT_CWD ?? process.cwd();
  if (e.TIAODU_TEST_CLOCK === '1' && e.NODE_ENV === 'production') throw new Error('TIAODU_TEST_CLOCK=1 is for browser tests and is refused when NODE_ENV=production');
  const channels = e.TIAODU_NOTIFY_CHANNELS.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of channels) if (c !== 'sms' && c !== 'wechat') throw new Error(`TIAODU_NOTIFY_CHANNELS: unknown channel ${c} (sms, wechat)`);
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
    trustProxy: parseTrustProxy(e.TIAODU_TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    messageGateway: e.TIAODU_MESSAGE_GATEWAY,
    notifyChannels: channels as Channel[],
    scheduler: e.TIAODU_SCHEDULER === '1',
    schedulerTickSeconds: e.TIAODU_SCHEDULER_TICK_SECONDS,
    testClock: e.TIAODU_TEST_CLOCK === '1',
    webDist: path.join(repoRoot, 'web', 'dist'),
  };
}

/**
 * TIAODU_TRUST_PROXY: '' → trust no proxy; a whole number → that many hops; otherwise a
 * comma-separated list of IPv4/IPv6 addresses or CIDR ranges of the proxies.
 */
export function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (!v) return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 10) throw new Error(`TIAODU_TRUST_PROXY: a hop count is 1 to 10 (got ${v})`);
    return n;
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of list) {
    const [addr, bits, ...rest] = a.split('/');
    const ok = rest.length === 0 && !!addr && (isIP(addr) !== 0 || addr === 'loopback' || addr === 'linklocal' || addr === 'uniquelocal') && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 6 ? 128 : 32)));
    if (!ok) throw new Error(`TIAODU_TRUST_PROXY: ${a} is neither an IP address, a CIDR range nor a hop count`);
  }
  return list;
}

/** Settings for tests: short-lived, in-memory, no web bundle. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // the fixture's passwords do not expire while a test moves the clock by months; tests of
  // expiry set passwordMaxDays themselves
  return { ...loadConfig({}), demo: false, webDist: undefined, logLevel: 'silent', scheduler: false, passwordMaxDays: 0, ...overrides };
}
