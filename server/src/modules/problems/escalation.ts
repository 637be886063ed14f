/**
 * The escalation ladder's one run: every open item past its level's limit moves up the ladder
 * (`problems.ladder`), once per elapsed limit (`escalationSteps`), each move recorded with the new
 * level's holders — the same for problems, 督办 of key tasks and leader-assigned items (交办),
 * which differ only in what an item is, who holds a level and what a move writes.
 *
 * Each item moves in its own transaction, locked; a level reached twice is refused by the
 * caller's record (a unique index on item × level, or its own history), so a run repeated, or
 * two runs at once, move nothing twice. A level without anyone (no leader set up) goes to the
 * dispatchers whose scope covers the item, except the responsible unit's own level.
 */
import { DEFAULT_LADDER, LadderSchema, type Ladder } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar, type Calendar } from '../../core/calendar.js';
import { getSetting } from '../../core/settings.js';
import { bumpReadCache } from '../../core/read-cache.js';
import { escalationSteps, type EscalationStep } from './domain/ladder.js';

export const LADDER_KEY = 'problems.ladder';

/** The escalation ladder (setting `problems.ladder`): levels, their holders and limits in working days. */
export function getLadder(db: DbOrTx): Promise<Ladder> {
  return getSetting(db, LADDER_KEY, LadderSchema, DEFAULT_LADDER);
}

export interface EscalationState {
  level: number;
  /** The due date at the current level. */
  due: string | null;
  holderIds: number[];
}

export interface Escalation<T> {
  /** The ids of items that may have moves due (a cheap filter: open, below the top, due before the last working day). */
  candidates(db: DbOrTx, c: { cal: Calendar; ladder: Ladder; today: string; top: number }): Promise<number[]>;
  /** The item locked for update, or null when it is no longer open. */
  lock(tx: DbOrTx, id: number): Promise<T | null>;
  state(item: T): EscalationState;
  /** The users who hold a ladder level (`responsible`, `in_charge_leader`, `project_leaders`, `dispatchers`) for the item. */
  holders(tx: DbOrTx, holder: string, item: T): Promise<number[]>;
  /** One move: its event and notices; false when the item had reached that level already (nothing written). */
  record(tx: DbOrTx, item: T, step: EscalationStep, holders: number[], at: string): Promise<boolean>;
  /** After the moves: the item's new level, due date and holders, and the audit. */
  finish(tx: DbOrTx, item: T, steps: EscalationStep[], holders: number[], at: string): Promise<void>;
}

/** `ladder`: the ladder the caller read already (it names the levels in what a move writes). */
export async function runEscalation<T>(ctx: Ctx, ladder: Ladder, e: Escalation<T>): Promise<{ items: number; moves: number }> {
  const cal = await loadCalendar(ctx.db);
  const today = chinaToday(ctx.clock.now());
  const ids = await e.candidates(ctx.db, { cal, ladder, today, top: ladder.levels.length - 1 });
  let items = 0;
  let moves = 0;
  for (const id of ids) {
    const n = await ctx.db.transaction(async (tx) => {
      const item = await e.lock(tx, id);
      if (!item) return 0;
      const s = e.state(item);
      const steps = escalationSteps(cal, ladder, s.level, s.due, today);
      if (!steps.length) return 0;
      const at = ctx.clock.now().toISOString();
      let holders = s.holderIds;
      for (const step of steps) {
        const holder = ladder.levels[step.toLevel]!.holder;
        holders = await e.holders(tx, holder, item);
        if (!holders.length && holder !== 'responsible') holders = await e.holders(tx, 'dispatchers', item);
        await e.record(tx, item, step, holders, at);
      }
      await e.finish(tx, item, steps, holders, at);
      return steps.length;
    });
    if (n) {
      items++;
      moves += n;
    }
  }
  // a scheduled write: answers cached before (lights, desks, lists) are stale
  if (moves) bumpReadCache(ctx.db);
  return { items, moves };
}
