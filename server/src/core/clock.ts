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

/**
 * A running clock that can be moved: system time plus an offset. Browser tests start the
 * server with TIAODU_TEST_CLOCK=1 and move it through POST /api/test/clock, so time-driven
 * rules (escalation, signals) are tested without sleeping.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  now() {
    return new Date(Date.now() + this.offset);
  }
  set(t: Date | string) {
    this.offset = new Date(t).getTime() - Date.now();
  }
  advance(ms: number) {
    this.offset += ms;
  }
}
