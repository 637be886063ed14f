import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ASSIGNMENT_STATUSES, type Assignment, type AssignmentStatus } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../components/format';

const STATUS_COLORS: Record<AssignmentStatus, string> = { open: 'blue', answered: 'gold', closed: 'green' };

export function AssignmentStatusTag({ status, testId }: { status: AssignmentStatus; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {label(ASSIGNMENT_STATUSES, status)}
    </Tag>
  );
}

/** The ladder level; above the assignee unit it stands out. */
export function AssignmentLevelTag({ level, name, testId }: { level: number; name: string; testId?: string }) {
  return (
    <Tag color={level === 0 ? 'default' : level === 1 ? 'volcano' : 'red'} data-testid={testId} data-level={level} style={{ marginInlineEnd: 0 }}>
      {name}
    </Tag>
  );
}

/**
 * 办结时限: the limit, and while open either the server's working days overdue (red) or the
 * calendar days left to the current level's due date (a date difference, not a figure).
 */
export function AssignmentDue({ a }: { a: Pick<Assignment, 'dueDate' | 'levelDueDate' | 'overdueDays' | 'status'> }) {
  const { t, lang } = useI18n();
  const open = a.status === 'open';
  const left = dayjs(a.levelDueDate).diff(dayjs().format('YYYY-MM-DD'), 'day');
  return (
    <span>
      {formatDate(a.dueDate, lang)}
      {open && a.levelDueDate !== a.dueDate ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('assign.levelDue', { d: formatDate(a.levelDueDate, lang) })}
        </Typography.Text>
      ) : null}
      {open && a.overdueDays > 0 ? (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="assign-overdue">
          {t('assign.overdue', { n: a.overdueDays })}
        </Typography.Text>
      ) : open && left >= 0 ? (
        <Typography.Text type={left <= 2 ? 'warning' : 'secondary'} style={{ display: 'block', fontSize: 12 }} data-testid="assign-days-left">
          {left === 0 ? t('assign.dueToday') : t('assign.daysLeft', { n: left })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
