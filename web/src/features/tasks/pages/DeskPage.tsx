import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Input, Row, Space, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { taskKeys, tasksApi } from '../api/tasks';
import { LightMark } from '../components/Marks';
import { UrgeList } from '../components/UrgeList';
import { pct } from '../components/taskView';

const PERIOD_RE = /^\d{4}(?:-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

/** 督查台: overdue nodes, red and yellow tasks, 督办 and missing reports, and the units by on-time rate. */
export function DeskPage() {
  const { t, lang } = useI18n();
  const overdue = useQuery({ queryKey: taskKeys.overdue, queryFn: tasksApi.overdue });
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const stats = useQuery({ queryKey: taskKeys.stats(period), queryFn: () => tasksApi.stats(period) });
  const o = overdue.data;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="task-desk">
      <PageHeader title={t('task.desk.title')} sub={o ? `${t('task.desk.sub')} · ${t('task.desk.asOf', { d: formatDate(o.asOf, lang) })}` : t('task.desk.sub')} />
      {overdue.isError ? <Alert type="error" message={errorText(overdue.error, lang)} /> : null}
      {o && Object.values(o.totals).some((n) => n > o.limit) ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('task.desk.cut', { n: o.limit })} data-testid="desk-cut" /> : null}
      <Row gutter={12}>
        <Col xs={24} xxl={14}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Tabs
              items={[
                {
                  key: 'nodes',
                  label: `${t('task.desk.nodes')} ${o?.totals.overdueNodes ?? ''}`,
                  children: (
                    <Table
                      size="small"
                      rowKey="nodeId"
                      loading={overdue.isLoading}
                      dataSource={o?.overdueNodes ?? []}
                      pagination={{ pageSize: 10 }}
                      locale={{ emptyText: empty }}
                      data-testid="desk-nodes"
                      columns={[
                        { title: t('task.col.title'), dataIndex: 'taskTitle', render: (v: string, r) => <Link to={`/tasks/${r.taskId}`}>{v}</Link> },
                        { title: t('task.desk.col.node'), dataIndex: 'name' },
                        { title: t('task.desk.col.unit'), dataIndex: 'unitName' },
                        { title: t('task.desk.col.due'), dataIndex: 'dueDate', render: (v: string) => formatDate(v, lang) },
                        { title: t('task.desk.col.days'), dataIndex: 'overdueDays', render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
                      ]}
                    />
                  ),
                },
                {
                  key: 'tasks',
                  label: `${t('task.desk.tasks')} ${o?.totals.tasks ?? ''}`,
                  children: (
                    <Table
                      size="small"
                      rowKey="id"
                      loading={overdue.isLoading}
                      dataSource={o?.tasks ?? []}
                      pagination={{ pageSize: 10 }}
                      locale={{ emptyText: empty }}
                      data-testid="desk-tasks"
                      columns={[
                        { title: t('task.col.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
                        { title: t('task.col.unit'), dataIndex: 'leadUnitName' },
                        { title: t('task.col.progress'), dataIndex: 'progress', render: (v: number | null) => pct(v) },
                        { title: t('task.col.light'), key: 'light', render: (_: unknown, r) => <LightMark light={r.light} reason={r.lightReason} done={r.done} /> },
                      ]}
                    />
                  ),
                },
                {
                  key: 'urges',
                  label: `${t('task.desk.urges')} ${o?.totals.urges ?? ''}`,
                  children: <UrgeList urges={o?.urges ?? []} showTask />,
                },
                {
                  key: 'missing',
                  label: `${t('task.desk.missing')} ${o?.totals.missingReports ?? ''}`,
                  children: (
                    <Table
                      size="small"
                      rowKey={(r) => `${r.taskId}-${r.period}`}
                      loading={overdue.isLoading}
                      dataSource={o?.missingReports ?? []}
                      pagination={{ pageSize: 10 }}
                      locale={{ emptyText: empty }}
                      data-testid="desk-missing"
                      columns={[
                        { title: t('task.col.title'), dataIndex: 'taskTitle', render: (v: string, r) => <Link to={`/tasks/${r.taskId}`}>{v}</Link> },
                        { title: t('task.desk.col.period'), dataIndex: 'periodLabel' },
                        { title: t('task.col.unit'), dataIndex: 'leadUnitName' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card
            size="small"
            title={t('task.desk.stats')}
            extra={<Input.Search allowClear size="small" placeholder="2026-06" style={{ width: 140 }} onSearch={(v) => setPeriod(v && PERIOD_RE.test(v.trim()) ? v.trim() : undefined)} data-testid="desk-period" />}
            data-testid="desk-stats"
          >
            {stats.isError ? <Alert type="error" message={errorText(stats.error, lang)} /> : null}
            {stats.data ? (
              <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
                <Typography.Text type="secondary">
                  {stats.data.period}：{formatDate(stats.data.from, lang)} – {formatDate(stats.data.to, lang)}
                  {stats.data.dueUntil < stats.data.to ? `（${t('task.desk.dueUntil', { d: formatDate(stats.data.dueUntil, lang) })}）` : ''}
                </Typography.Text>
                <Typography.Text>{t('task.desk.counts', stats.data.counts)}</Typography.Text>
              </Space>
            ) : null}
            <Table
              size="small"
              rowKey={(r) => `${r.unitType}:${r.unitId}`}
              loading={stats.isLoading}
              dataSource={stats.data?.units ?? []}
              pagination={false}
              scroll={{ x: 520 }}
              locale={{ emptyText: empty }}
              columns={[
                { title: t('task.desk.col.rank'), dataIndex: 'rank', width: 56, render: (v: number | null) => v ?? '—' },
                { title: t('task.desk.col.unit'), dataIndex: 'unitName' },
                { title: t('task.desk.col.total'), dataIndex: 'total', width: 70 },
                { title: t('task.desk.col.overdue'), dataIndex: 'overdue', width: 56 },
                { title: t('task.desk.col.doneRate'), dataIndex: 'doneRate', width: 80, render: (v: number | null) => pct(v) },
                { title: t('task.desk.col.onTimeRate'), dataIndex: 'onTimeRate', width: 96, render: (v: number | null) => pct(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
