import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Flex, Input, Select, Spin, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ASSIGNMENT_KINDS, ASSIGNMENT_STATUSES, type Assignment } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { PhonePagination } from '../../../components/PhonePagination';
import { formatDate } from '../../../components/format';
import { serverPagination } from '../../../components/pagination';
import { useNarrow } from '../../../hooks/useMedia';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { assignmentKeys, assignmentsApi } from '../api/assignments';
import { AssignmentForm } from '../components/AssignmentForm';
import { AssignmentStatsTable } from '../components/AssignmentStatsTable';
import { AssignmentDue, AssignmentLevelTag, AssignmentStatusTag } from '../components/AssignmentTags';

/**
 * 领导交办: tabs 全部 / 领导交办 / 建议提案 / 办结率; filters (status, 逾期 only, keyword) and the page in
 * the URL; a table on a desk, cards on a phone; 新建交办 for assignment:create.
 */
export function AssignmentsPage() {
  const { t, lang, options } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [sp, set] = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const tab = sp.get('tab') ?? 'all';
  const query = {
    kind: tab === 'all' || tab === 'stats' ? undefined : tab,
    status: sp.get('status') ?? undefined,
    overdue: sp.get('overdue') === 'true' ? 'true' : undefined,
    keyword: sp.get('q') ?? undefined,
    page: Number(sp.get('page') ?? 1),
    pageSize: Number(sp.get('pageSize') ?? 20),
  };
  const period = sp.get('period') ?? String(dayjs().year());
  const list = useQuery({ queryKey: assignmentKeys.list(query), queryFn: () => assignmentsApi.list(query), enabled: tab !== 'stats' });
  const items = list.data?.items ?? [];
  const meeting = (r: Assignment) => (r.meetingName ? `${r.meetingName}${r.meetingDate ? `（${formatDate(r.meetingDate, lang)}）` : ''}` : t('assign.direct'));

  return (
    <div>
      <PageHeader
        title={t('assign.title')}
        sub={t('assign.sub')}
        extra={
          can('assignment:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assign-new">
              {t('assign.new')}
            </Button>
          ) : null
        }
      />
      <Card size={narrow ? 'small' : undefined}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'all' ? null : k })}
          items={[
            { key: 'all', label: <span data-testid="assign-tab-all">{t('assign.tab.all')}</span> },
            ...ASSIGNMENT_KINDS.map((k) => ({ key: k.value, label: <span data-testid={`assign-tab-${k.value}`}>{k[lang]}</span> })),
            { key: 'stats', label: <span data-testid="assign-tab-stats">{t('assign.tab.stats')}</span> },
          ]}
        />
        {tab === 'stats' ? (
          <AssignmentStatsTable period={period} onPeriod={(p) => set({ period: p })} />
        ) : (
          <>
            <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
              <Select allowClear placeholder={t('assign.filter.status')} style={{ width: 150 }} value={query.status} onChange={(v) => set({ status: v })} options={options(ASSIGNMENT_STATUSES)} data-testid="assign-filter-status" />
              <Checkbox checked={query.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : null })} data-testid="assign-filter-overdue">
                {t('assign.filter.overdue')}
              </Checkbox>
              <Input.Search
                key={query.keyword ?? ''}
                allowClear
                placeholder={t('assign.filter.keyword')}
                defaultValue={query.keyword}
                onSearch={(v) => set({ q: v })}
                style={{ width: narrow ? '100%' : 240 }}
                data-testid="assign-filter-q"
              />
            </Flex>
            {list.isError ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
            {narrow ? (
              <Spin spinning={list.isFetching}>
                <div data-testid="assign-table">
                  {items.length === 0 && !list.isFetching ? <Empty description={t('assign.empty')} /> : null}
                  {items.map((a) => (
                    <Card key={a.id} size="small" style={{ marginBottom: 10 }} data-testid={`assign-card-${a.id}`}>
                      <Flex justify="space-between" gap={8} align="flex-start">
                        <Link to={`/assignments/${a.id}`} style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={`assign-link-${a.id}`}>
                          {a.title}
                        </Link>
                        <AssignmentStatusTag status={a.status} />
                      </Flex>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }}>
                        {meeting(a)} · {a.assignerName ?? '—'}
                      </Typography.Text>
                      <Flex gap={8} wrap align="flex-start" style={{ marginTop: 6, fontSize: 13 }}>
                        <AssignmentLevelTag level={a.level} name={a.levelName} />
                        <span>{a.assignee.name}</span>
                        <AssignmentDue a={a} />
                      </Flex>
                    </Card>
                  ))}
                  <PhonePagination page={query.page} pageSize={query.pageSize} total={list.data?.total ?? 0} onChange={(page) => set({ page })} />
                </div>
              </Spin>
            ) : (
              <Table<Assignment>
                data-testid="assign-table"
                rowKey="id"
                size="small"
                loading={list.isFetching}
                dataSource={items}
                scroll={{ x: 1080 }}
                locale={{ emptyText: t('assign.empty') }}
                onRow={(r) => ({ 'data-testid': `assign-row-${r.id}` }) as object}
                pagination={serverPagination(t, { page: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page, pageSize }) })}
                columns={[
                  {
                    title: t('assign.col.title'),
                    dataIndex: 'title',
                    width: 240,
                    render: (v: string, r) => (
                      <Link to={`/assignments/${r.id}`} data-testid={`assign-link-${r.id}`}>
                        {v}
                      </Link>
                    ),
                  },
                  { title: t('assign.col.meeting'), key: 'meeting', width: 180, render: (_: unknown, r) => meeting(r) },
                  { title: t('assign.col.assigner'), dataIndex: 'assignerName', width: 100, render: (v: string | null) => v ?? '—' },
                  {
                    title: t('assign.col.unit'),
                    key: 'unit',
                    width: 160,
                    render: (_: unknown, r) => (
                      <span>
                        {r.assignee.name}
                        {r.coUnits.length ? (
                          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                            {r.coUnits.map((u) => u.name).join('、')}
                          </Typography.Text>
                        ) : null}
                      </span>
                    ),
                  },
                  { title: t('assign.col.due'), dataIndex: 'dueDate', width: 140, render: (_: unknown, r) => <AssignmentDue a={r} /> },
                  { title: t('assign.col.status'), dataIndex: 'status', width: 110, render: (v: Assignment['status']) => <AssignmentStatusTag status={v} /> },
                  { title: t('assign.col.level'), dataIndex: 'level', width: 150, render: (v: number, r) => <AssignmentLevelTag level={v} name={r.levelName} /> },
                ]}
              />
            )}
          </>
        )}
      </Card>
      <AssignmentForm open={creating} onClose={() => setCreating(false)} onSaved={(a) => navigate(`/assignments/${a.id}`)} />
    </div>
  );
}
