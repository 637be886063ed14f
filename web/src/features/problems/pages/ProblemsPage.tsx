import { App, Button, Card, Empty, Flex, Input, Select, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApartmentOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROBLEM_CATEGORIES, PROBLEM_STATUSES, type Problem, type ProblemTab } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PhonePagination } from '../../../components/PhonePagination';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { serverPagination } from '../../../components/pagination';
import { errorText } from '../../../api/errors';
import { api } from '../../../api/client';
import { useNarrow } from '../../../hooks/useMedia';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useCan } from '../../auth/hooks/useAuth';
import { useProject } from '../../projects/hooks/useProjects';
import { problemKeys, problemsApi } from '../api/problems';
import { DueText, LevelTag, ProblemStatusTag } from '../components/ProblemTags';
import { ProblemStatsTable } from '../components/ProblemStatsTable';
import { LadderModal } from '../components/LadderModal';

const TABS: ProblemTab[] = ['todo', 'mine', 'overdue', 'all'];

/** 问题清单: tabs 待我处理 / 我提出的 / 超期 / 全部 with counts, filters in the URL, and the counts per unit. */
export function ProblemsPage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const qc = useQueryClient();
  const [sp, set] = useUrlFilters();
  const [ladderOpen, setLadderOpen] = useState(false);
  const tab = sp.get('tab') ?? 'todo';
  const query = {
    tab: tab === 'stats' ? 'all' : tab,
    status: sp.get('status') ?? undefined,
    level: sp.get('level') ?? undefined,
    category: sp.get('category') ?? undefined,
    keyword: sp.get('q') ?? undefined,
    projectId: sp.get('projectId') ?? undefined,
    page: Number(sp.get('page') ?? 1),
    pageSize: Number(sp.get('pageSize') ?? 20),
  };
  const list = useQuery({ queryKey: problemKeys.list(query), queryFn: () => problemsApi.list(query), enabled: tab !== 'stats' });
  const counts = useQuery({ queryKey: problemKeys.list({ tab: 'all', pageSize: 1 }), queryFn: () => problemsApi.list({ tab: 'all', pageSize: 1 }) });
  const ladder = useQuery({ queryKey: problemKeys.ladder, queryFn: problemsApi.ladder });
  const run = useMutation({
    mutationFn: () => api<{ runs: Array<{ job: string; status: string; result?: { problems?: number } }> }>('/api/scheduler/run', { method: 'POST', body: { jobs: ['problems.escalate'] } }),
    onSuccess: (r) => {
      message.success(t('problems.schedulerDone', { n: r.runs[0]?.result?.problems ?? 0 }));
      void qc.invalidateQueries({ queryKey: problemKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const c = list.data?.counts ?? counts.data?.counts;
  const items = list.data?.items ?? [];
  // the project of a link from its detail page (?projectId=), shown as a filter that can be removed
  const filteredProject = useProject(Number(query.projectId ?? 0));
  const projectName = filteredProject.data?.name ?? items[0]?.projectName ?? query.projectId;

  const columns = [
    {
      title: t('problems.col.title'),
      dataIndex: 'title',
      width: 220,
      render: (v: string, r: Problem) => (
        <Link to={`/problems/${r.id}`} data-testid={`problem-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('problems.col.project'), dataIndex: 'projectName', width: 180, render: (v: string, r: Problem) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
    { title: t('problems.col.category'), dataIndex: 'category', width: 80, render: (v: string) => label(PROBLEM_CATEGORIES, v) },
    { title: t('problems.col.status'), dataIndex: 'status', width: 80, render: (v: Problem['status']) => <ProblemStatusTag status={v} /> },
    { title: t('problems.col.level'), dataIndex: 'level', width: 120, render: (v: number, r: Problem) => <LevelTag level={v} name={r.levelName} /> },
    {
      title: t('problems.col.responsible'),
      dataIndex: 'responsibleDeptName',
      width: 170,
      render: (v: string | null, r: Problem) => (v ? `${v}${r.responsibleUserName ? `（${r.responsibleUserName}）` : ''}` : <Typography.Text type="secondary">{t('problems.notAssigned')}</Typography.Text>),
    },
    { title: t('problems.col.due'), dataIndex: 'dueDate', width: 130, render: (_: unknown, r: Problem) => <DueText p={r} /> },
    {
      title: t('problems.col.raisedBy'),
      dataIndex: 'raisedByName',
      width: 120,
      render: (v: string, r: Problem) => (
        <span>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDate(r.raisedAt, lang)}
          </Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('problems.title')}
        sub={ladder.data ? t('problems.ladder', { levels: ladder.data.levels.map((l) => `${l.name}（${l.limitDays}）`).join(' → ') }) : t('problems.sub')}
        extra={
          <>
            {can('problem:raise') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(query.projectId ? `/problems/new?projectId=${query.projectId}` : '/problems/new')} data-testid="btn-raise-problem">
                {t('problems.raise')}
              </Button>
            ) : null}
            {can('scheduler:run') ? (
              <Button icon={<SyncOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="btn-run-escalation">
                {t('problems.runScheduler')}
              </Button>
            ) : null}
            {can('problem:ladder') ? (
              <Button icon={<ApartmentOutlined />} onClick={() => setLadderOpen(true)} data-testid="btn-ladder">
                {t('problems.ladder.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size={narrow ? 'small' : undefined}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            ...TABS.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{`${t(`problems.tab.${k}`)}${c ? `（${c[k]}）` : ''}`}</span> })),
            { key: 'stats', label: <span data-testid="tab-stats">{t('problems.tab.stats')}</span> },
          ]}
        />
        {tab === 'stats' ? (
          <ProblemStatsTable />
        ) : (
          <>
            <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
              {query.projectId ? (
                <Tag closable color="blue" onClose={() => set({ projectId: null })} style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal', paddingBlock: 4 }} data-testid="filter-project">
                  {t('problems.filter.project', { name: projectName ?? '' })}
                </Tag>
              ) : null}
              <Select allowClear placeholder={t('problems.filter.status')} style={{ width: 130 }} value={query.status} onChange={(v) => set({ status: v })} options={options(PROBLEM_STATUSES)} data-testid="filter-status" />
              <Select
                allowClear
                placeholder={t('problems.filter.level')}
                style={{ width: 170 }}
                value={query.level}
                onChange={(v) => set({ level: v })}
                options={(ladder.data?.levels ?? []).map((l, i) => ({ value: String(i), label: l.name }))}
                data-testid="filter-level"
              />
              <Select allowClear placeholder={t('problems.filter.category')} style={{ width: 130 }} value={query.category} onChange={(v) => set({ category: v })} options={options(PROBLEM_CATEGORIES)} />
              <Input.Search key={query.keyword ?? ''} allowClear placeholder={t('problems.filter.keyword')} defaultValue={query.keyword} onSearch={(v) => set({ q: v })} style={{ width: narrow ? '100%' : 240 }} />
            </Flex>
            {narrow ? (
              <Spin spinning={list.isFetching}>
                <div data-testid="problems-table">
                  {items.length === 0 && !list.isFetching ? <Empty description={t('problems.empty')} /> : null}
                  {items.map((p) => (
                    <Card key={p.id} size="small" style={{ marginBottom: 10 }} data-testid={`problem-card-${p.id}`}>
                      <Flex justify="space-between" gap={8} align="flex-start">
                        <Link to={`/problems/${p.id}`} style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={`problem-link-${p.id}`}>
                          {p.title}
                        </Link>
                        <ProblemStatusTag status={p.status} />
                      </Flex>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                        {p.projectName}
                      </Typography.Text>
                      <Flex gap={8} wrap align="center" style={{ marginTop: 6, fontSize: 13 }}>
                        <LevelTag level={p.level} name={p.levelName} />
                        <span>{p.responsibleDeptName ?? t('problems.notAssigned')}</span>
                        <DueText p={p} />
                      </Flex>
                    </Card>
                  ))}
                  <PhonePagination page={query.page} pageSize={query.pageSize} total={list.data?.total ?? 0} onChange={(page) => set({ page })} />
                </div>
              </Spin>
            ) : (
              <Table<Problem>
                data-testid="problems-table"
                rowKey="id"
                size="small"
                loading={list.isFetching}
                dataSource={items}
                columns={columns}
                scroll={{ x: 1100 }}
                locale={{ emptyText: t('problems.empty') }}
                onRow={(r) => ({ 'data-testid': `problem-row-${r.id}` }) as object}
                pagination={serverPagination(t, { page: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page, pageSize }) })}
              />
            )}
          </>
        )}
      </Card>
      <LadderModal open={ladderOpen} onClose={() => setLadderOpen(false)} />
    </div>
  );
}
