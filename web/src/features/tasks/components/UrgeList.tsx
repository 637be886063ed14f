import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TaskUrge } from '@tiaodu/contracts';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';

/** 督办 with their level, limit and answer. */
export function UrgeList({ urges, onAnswer, showTask }: { urges: TaskUrge[]; onAnswer?: (u: TaskUrge) => void; showTask?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <List
      size="small"
      dataSource={urges}
      data-testid="urge-list"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(u) => (
        <List.Item actions={u.status === 'open' && onAnswer ? [<Button key="a" size="small" onClick={() => onAnswer(u)}>{t('task.d.answer')}</Button>] : []}>
          <div style={{ minWidth: 0 }}>
            <Space wrap>
              {showTask ? <Link to={`/tasks/${u.taskId}`}>{u.taskTitle}</Link> : null}
              <Tag color={u.level > 1 ? 'red' : 'orange'}>{u.levelName}</Tag>
              {u.status === 'answered' ? <Tag color="green">{t('task.d.answered')}</Tag> : u.overdue ? <Tag color="red">{t('task.d.overdue', { n: u.overdueDays })}</Tag> : <Tag color="blue">{t('task.d.open')}</Tag>}
              <Typography.Text type="secondary">
                {t('task.desk.col.due')}：{formatDate(u.dueDate, lang)} · {u.createdByName ?? ''}
              </Typography.Text>
            </Space>
            <div>{u.reason}</div>
            {u.answer ? (
              <Typography.Text type="success">
                {t('task.d.answer')}：{u.answer}
              </Typography.Text>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}
