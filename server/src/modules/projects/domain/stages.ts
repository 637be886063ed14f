import { labelOf, PROJECT_STAGES, type ProjectStage, type YearCategory } from '@tiaodu/contracts';

/** The forward path of a project's life; 停缓建 and 终止 sit beside it. */
export const STAGE_PATH: ProjectStage[] = ['planning', 'reserve', 'preliminary', 'started', 'construction', 'completed', 'production', 'full_production'];

const BUILDING: ProjectStage[] = ['started', 'construction'];

export interface StageMove {
  from: ProjectStage;
  to: ProjectStage;
  date: string;
  /** Date of the last recorded stage change, if any. */
  lastDate?: string | null;
  today: string;
}

export interface StageEffects {
  /** Set 实际开工日期 to the move's date when it is still empty. */
  setActualStart: boolean;
  /** Set 实际竣工日期 to the move's date when it is still empty. */
  setActualCompletion: boolean;
}

const zh = (s: ProjectStage) => `「${labelOf(PROJECT_STAGES, s)}」`;

/** Checks a stage move; returns the Chinese reason it is refused, or null when allowed. */
export function stageMoveError(m: StageMove): string | null {
  if (m.date > m.today) return '变更日期不能晚于今天';
  if (m.lastDate && m.date < m.lastDate) return `变更日期不能早于上一次阶段变更日期（${m.lastDate}）`;
  if (m.from === m.to) return `项目已处于${zh(m.to)}阶段`;
  if (m.from === 'terminated') return '项目已终止，不能再变更阶段';
  if (m.to === 'terminated') return null;
  if (m.to === 'suspended') return BUILDING.includes(m.from) ? null : '只有开工或在建的项目可以停缓建';
  if (m.from === 'suspended') return BUILDING.includes(m.to) || m.to === 'completed' ? null : '停缓建项目只能复工（开工、在建）、竣工或终止';
  const a = STAGE_PATH.indexOf(m.from);
  const b = STAGE_PATH.indexOf(m.to);
  if (b < a) return `不能从${zh(m.from)}退回${zh(m.to)}`;
  return null;
}

export function stageEffects(to: ProjectStage): StageEffects {
  const i = STAGE_PATH.indexOf(to);
  return {
    setActualStart: i >= STAGE_PATH.indexOf('started'),
    setActualCompletion: i >= STAGE_PATH.indexOf('completed'),
  };
}

/** The stage a project starts in when none is given, from its yearly category. */
export function initialStage(category: YearCategory): ProjectStage {
  switch (category) {
    case 'continuing':
    case 'completion':
      return 'construction';
    case 'new_start':
      return 'preliminary';
    case 'preparatory':
      return 'reserve';
  }
}

/** The stages a user may move to from `from` (for the UI's choices). */
export function allowedNextStages(from: ProjectStage, today: string): ProjectStage[] {
  return PROJECT_STAGES.map((s) => s.value).filter((to) => stageMoveError({ from, to, date: today, today }) === null);
}

/** OC4IDS project status for a stage (DOMAIN.md §1). */
export function oc4idsStatus(stage: ProjectStage): string {
  switch (stage) {
    case 'planning':
    case 'reserve':
      return 'identification';
    case 'preliminary':
      return 'preparation';
    case 'started':
    case 'construction':
    case 'suspended':
      return 'implementation';
    case 'completed':
      return 'completion';
    case 'production':
    case 'full_production':
      return 'maintenance';
    case 'terminated':
      return 'cancelled';
  }
}
