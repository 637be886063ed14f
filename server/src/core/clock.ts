/** The time source of the server. Tests move it; production reads the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now() {
    return new Date(this.t);
  }
  set(t: Date | string) {
    this.t = new Date(t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** Today's date in China (Asia/Shanghai) as YYYY-MM-DD. */
export function chinaToday(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A timestamp from the database as ISO 8601. Drizzle hands back PostgreSQL's text form
 * ("2026-11-22 07:28:00.123+00") and raw `pg` queries a Date; the API always answers ISO.
 */
export function toIso(v: string | Date): string;
export function toIso(v: string | Date | null | undefined): string | null;
export function toIso(v: unknown): string | null {
  if (v == null) return null;
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}
