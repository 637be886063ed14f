import { monthlySumError, type ProjectStage, type YearCategory } from '@tiaodu/contracts';

export { monthlySumError };

/** Stages whose projects are not carried into the next year's list. */
export const FINISHED_STAGES: readonly ProjectStage[] = ['completed', 'terminated', 'full_production'];

export interface CarryInput {
  stage: ProjectStage;
  fromCategory: YearCategory;
  completedBeforeYear: number;
  /** Investment reported for fromYear (submitted or accepted reports). */
  reportedInYear: number;
}

export interface CarryOutput {
  category: YearCategory;
  plannedInvestment: number;
  monthly: number[];
  completedBeforeYear: number;
}

/**
 * The copy-forward rule (结转下年). A project not finished (竣工/终止/达产达效) carries over:
 * started or under construction → 续建; a project still in preparation keeps its category
 * (预备 stays 预备, 新开工 that did not start stays 新开工); one already producing keeps
 * 竣工投产. Planned figures start at 0 for the dispatcher to fill (a plan of 0 is consistent:
 * the months sum to the annual figure). 开工至上年底累计 = last year's base + last year's
 * reported investment.
 */
export function carryForward(c: CarryInput): CarryOutput | null {
  if (FINISHED_STAGES.includes(c.stage)) return null;
  const category: YearCategory = c.stage === 'started' || c.stage === 'construction' ? 'continuing' : c.stage === 'production' ? 'completion' : c.fromCategory;
  return {
    category,
    plannedInvestment: 0,
    monthly: Array(12).fill(0),
    completedBeforeYear: Math.round((c.completedBeforeYear + c.reportedInYear) * 100) / 100,
  };
}

/** Whether the plan year has started on the given China date (YYYY-MM-DD). */
export function yearStarted(year: number, today: string): boolean {
  return today >= `${year}-01-01`;
}
