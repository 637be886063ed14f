import type { SetupStatus, SetupStep } from '@tiaodu/contracts';

export type StepState = 'done' | 'skipped' | 'open';

/** How a step stands: done (by the data or the admin's word), skipped, or still open. */
export function stepState(step: Pick<SetupStep, 'done' | 'skipped'>): StepState {
  if (step.done) return 'done';
  if (step.skipped) return 'skipped';
  return 'open';
}

/** The step to show first: the first one still open, else the first. */
export function firstOpenStep(status: Pick<SetupStatus, 'steps'>): SetupStep['key'] | undefined {
  return (status.steps.find((s) => stepState(s) === 'open') ?? status.steps[0])?.key;
}

/** Steps done or skipped, out of all. */
export function progress(status: Pick<SetupStatus, 'steps'>): { settled: number; total: number } {
  return { settled: status.steps.filter((s) => stepState(s) !== 'open').length, total: status.steps.length };
}

const LANDED_KEY = 'tiaodu.setupLanded';

/** Whether the admin should land on the checklist now: incomplete and not yet shown this session. */
export function shouldLandOnSetup(status: Pick<SetupStatus, 'complete'> | undefined, storage: Pick<Storage, 'getItem'> | null): boolean {
  if (!status || status.complete) return false;
  try {
    return storage?.getItem(LANDED_KEY) !== '1';
  } catch {
    return true;
  }
}

/** Remembers for this browser session that the admin was taken to the checklist. */
export function markLanded(storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(LANDED_KEY, '1');
  } catch {
    /* storage unavailable: the admin may land again */
  }
}

export interface DepartmentChoice {
  key: string;
  name: string;
  shortName: string;
  checked: boolean;
}

/** The departments to create: the ticked ones with a name of at least two characters, names trimmed. */
export function chosenDepartments(choices: DepartmentChoice[]): { name: string; shortName: string | null }[] {
  return choices
    .filter((c) => c.checked && c.name.trim().length >= 2)
    .map((c) => ({ name: c.name.trim(), shortName: c.shortName.trim() || null }));
}
