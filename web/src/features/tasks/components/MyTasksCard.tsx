import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { taskKeys, tasksApi } from '../api/tasks';
import { LightMark } from './Marks';
import { pct } from './taskView';

/** 我的重点任务: the tasks the user leads or follows (GET /api/tasks/mine), for the leaders' dashboard. */
export function MyTasksCard() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: taskKeys.mine, queryFn: tasksApi.mine });
  return (
    <Card size="small" title={t('task.mine')} extra={<Link to="/tasks">{t('task.mine.all')}</Link>} data-testid="my-tasks-card">
      <List
        size="small"
        loading={mine.isLoading}
        dataSource={mine.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(x) => (
          <List.Item extra={<LightMark light={x.light} reason={x.lightReason} done={x.done} />}>
            <div style={{ minWidth: 0 }}>
              <Link to={`/tasks/${x.id}`}>{x.title}</Link>
              <div>
                <Typography.Text type="secondary">
                  {x.leadUnitName} · {pct(x.progress)}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
