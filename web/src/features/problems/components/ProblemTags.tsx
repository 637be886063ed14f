import { Tag, Typography } from 'antd';
import { PROBLEM_STATUSES, type Problem, type ProblemStatus } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../components/format';

const STATUS_COLORS: Record<ProblemStatus, string> = {
  pending: 'orange',
  handling: 'blue',
  answered_solved: 'green',
  deferred: 'gold',
  closed: 'default',
};

export function ProblemStatusTag({ status, testId }: { status: ProblemStatus; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {label(PROBLEM_STATUSES, status)}
    </Tag>
  );
}

/** The ladder level; above the responsible unit it stands out. */
export function LevelTag({ level, name, testId }: { level: number; name: string; testId?: string }) {
  return (
    <Tag color={level === 0 ? 'default' : level === 1 ? 'volcano' : 'red'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {name}
    </Tag>
  );
}

/** Due date, and the working days past it in red. */
export function DueText({ p }: { p: Pick<Problem, 'dueDate' | 'overdueDays' | 'responsibleDeptId'> }) {
  const { t, lang } = useI18n();
  if (!p.dueDate) return <Typography.Text type="secondary">{p.responsibleDeptId ? '—' : t('problems.notAssigned')}</Typography.Text>;
  return (
    <span>
      {formatDate(p.dueDate, lang)}
      {p.overdueDays > 0 ? (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="overdue-days">
          {t('problems.overdueDays', { n: p.overdueDays })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
