import { Descriptions, Flex, Space, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { APPROVAL_ACTIONS, APPROVAL_PHASES, APPROVAL_RATINGS, type ProjectApprovalDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../components/format';
import { useNarrow } from '../../../hooks/useMedia';
import { ApprovalStatusTag, SignalTag } from './ApprovalTags';
import { ApprovalSteps } from './ApprovalSteps';
import { ApprovalActions } from './ApprovalActions';

/** One item: its limits and dates, the five steps, the buttons, and what happened when. */
export function ApprovalDetail({ item, showProject = true }: { item: ProjectApprovalDetail; showProject?: boolean }) {
  const { t, label } = useI18n();
  const narrow = useNarrow();
  const days = (n: number) => t('ap.daysShort', { n });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={`approval-${item.id}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <ApprovalStatusTag status={item.status} />
          <SignalTag signal={item.signal} testId={`signal-${item.id}`} />
          {item.suspended ? <Typography.Text type="warning">{t('ap.paused')}</Typography.Text> : null}
        </Space>
        <ApprovalActions item={item} />
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={narrow ? 1 : 3}
        items={[
          ...(showProject ? [{ key: 'p', label: t('ap.col.project'), children: <Link to={`/projects/${item.projectId}/approvals`}>{item.projectName}</Link> }] : []),
          { key: 'ph', label: t('ap.col.phase'), children: label(APPROVAL_PHASES, item.phase) },
          { key: 'd', label: t('ap.col.department'), children: item.departmentName ?? t('common.none') },
          { key: 'st', label: t('ap.detail.statutory'), children: days(item.statutoryDays) },
          { key: 'pr', label: t('ap.detail.promised'), children: days(item.promisedDays) },
          { key: 'u', label: t('ap.detail.used'), children: item.usedDays === null ? t('common.none') : <span data-testid={`used-${item.id}`}>{days(item.usedDays)}</span> },
          { key: 'due', label: t('ap.col.due'), children: item.dueDate ?? t('common.none') },
          { key: 's', label: t('ap.detail.submitted'), children: formatDateTime(item.submittedAt) || t('common.none') },
          { key: 'a', label: t('ap.detail.accepted'), children: formatDateTime(item.acceptedAt) || t('common.none') },
          { key: 'c', label: t('ap.detail.completed'), children: formatDateTime(item.completedAt) || t('common.none') },
          ...(item.rating ? [{ key: 'r', label: t('ap.detail.rating'), children: label(APPROVAL_RATINGS, item.rating) }] : []),
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('ap.detail.steps')}</Typography.Title>
        <ApprovalSteps item={item} />
      </div>
      {item.events.length ? (
        <div>
          <Typography.Title level={5}>{t('ap.detail.events')}</Typography.Title>
          <Timeline
            items={item.events.map((e) => ({
              key: e.id,
              color: e.action === 'return' || e.action === 'reject' ? 'orange' : e.action === 'finish' ? 'green' : 'blue',
              children: (
                <span data-testid={`event-${e.action}`}>
                  <Typography.Text strong>{label(APPROVAL_ACTIONS, e.action)}</Typography.Text> {formatDateTime(e.at)} {e.userName ?? ''}
                  {e.reason ? <Typography.Text type="secondary">：{e.reason}</Typography.Text> : null}
                </span>
              ),
            }))}
          />
        </div>
      ) : null}
    </Space>
  );
}
