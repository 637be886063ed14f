import { Tag } from 'antd';
import { APPROVAL_SIGNAL_KINDS, APPROVAL_STATUSES, EFFICIENCY_GRADES, type ApprovalStatus, type EfficiencyGrade, type SignalLevel } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';

/** Colours of the signals: prompt blue, yellow gold, red red (as on the warning pages). */
export const SIGNAL_COLORS: Record<Exclude<SignalLevel, 'none'>, string> = { prompt: '#1677ff', yellow: '#d4a106', red: '#cf1322' };
const SIGNAL_TAG: Record<Exclude<SignalLevel, 'none'>, string> = { prompt: 'processing', yellow: 'gold', red: 'red' };

export function SignalTag({ signal, testId }: { signal: SignalLevel; testId?: string }) {
  const { label } = useI18n();
  if (signal === 'none') return null;
  return (
    <Tag color={SIGNAL_TAG[signal]} data-testid={testId} data-signal={signal}>
      {label(APPROVAL_SIGNAL_KINDS, signal)}
    </Tag>
  );
}

const STATUS_COLOR: Partial<Record<ApprovalStatus, string>> = {
  not_started: 'default',
  pending: 'blue',
  accepted: 'cyan',
  undertaken: 'cyan',
  reviewed: 'geekblue',
  approved: 'purple',
  done: 'green',
  returned: 'orange',
  rejected: 'default',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {label(APPROVAL_STATUSES, status)}
    </Tag>
  );
}

const GRADE_COLOR: Record<EfficiencyGrade, string> = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' };

export function GradeTag({ grade }: { grade: EfficiencyGrade | null }) {
  const { label, t } = useI18n();
  if (!grade) return <span>{t('common.none')}</span>;
  return (
    <Tag color={GRADE_COLOR[grade]} data-grade={grade}>
      {label(EFFICIENCY_GRADES, grade)}
    </Tag>
  );
}

/** 提速率, 满意率 as a percentage with one decimal; — when there is none. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}
