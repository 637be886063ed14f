/**
 * PLACEHOLDER until the tasks module lands (the tasks branch replaces this file at merge): the
 * status of key tasks by id, as campaigns read it. Answers no task.
 */
import type { Ctx } from '../../core/context.js';

export async function taskStatusOf(
  ctx: Ctx,
  ids: number[],
): Promise<Map<number, { id: number; title: string; leadUnitName: string; deadline: string; done: boolean; light: 'green' | 'yellow' | 'red' | null; progress: number | null; lightReason: string | null }>> {
  void ctx;
  void ids;
  return new Map();
}
