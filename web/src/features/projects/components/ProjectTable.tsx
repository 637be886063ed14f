import { serverPagination } from '../../../components/pagination';
import { Table, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { PROJECT_LEVELS, type Project } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { StageTag } from '../../../components/StageTag';
import { formatDate, formatWan } from '../../../components/format';
import type { ProjectSort } from '../hooks/useProjectFilters';

interface Props {
  items: Project[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  sort?: ProjectSort;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: ProjectSort | undefined) => void;
}

type SortKey = 'name' | 'totalInvestment' | 'plannedStart' | 'regionCode' | 'stage' | 'updatedAt';

function orderOf(sort: ProjectSort | undefined, key: SortKey): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

export function ProjectTable({ items, total, page, pageSize, loading, sort, onPage, onSort }: Props) {
  const { t, label, lang } = useI18n();

  const columns: TableProps<Project>['columns'] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('projects.col.name'),
      sorter: true,
      sortOrder: orderOf(sort, 'name'),
      width: 260,
      render: (_: unknown, p: Project) => (
        <div>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          {p.code ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.code}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { key: 'regionCode', dataIndex: 'regionName', title: t('projects.col.region'), sorter: true, sortOrder: orderOf(sort, 'regionCode'), width: 120, ellipsis: true },
    { key: 'stage', dataIndex: 'stage', title: t('projects.col.stage'), sorter: true, sortOrder: orderOf(sort, 'stage'), width: lang === 'en' ? 150 : 90, render: (_: unknown, p: Project) => <StageTag stage={p.stage} /> },
    { key: 'level', dataIndex: 'level', title: t('projects.col.level'), width: lang === 'en' ? 120 : 90, render: (_: unknown, p: Project) => label(PROJECT_LEVELS, p.level) },
    {
      key: 'totalInvestment',
      dataIndex: 'totalInvestment',
      title: t('projects.col.investment'),
      sorter: true,
      sortOrder: orderOf(sort, 'totalInvestment'),
      align: 'right',
      width: 140,
      render: (_: unknown, p: Project) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatWan(p.totalInvestment)}</span>,
    },
    { key: 'owner', dataIndex: 'ownerName', title: t('projects.col.owner'), ellipsis: true },
    { key: 'leaders', title: t('projects.col.leaders'), width: 100, render: (_: unknown, p: Project) => p.leaders.map((l) => l.name).join('、') },
    {
      key: 'plannedStart',
      dataIndex: 'plannedStart',
      title: t('projects.col.plannedStart'),
      sorter: true,
      sortOrder: orderOf(sort, 'plannedStart'),
      width: 120,
      render: (_: unknown, p: Project) => formatDate(p.plannedStart, lang),
    },
  ];

  return (
    <Table<Project>
      data-testid="project-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: lang === 'en' ? 1150 : 1060 }}
      sortDirections={['ascend', 'descend']}
      locale={{ emptyText: t('projects.empty') }}
      pagination={serverPagination(t, { page, pageSize, total, pageSizeOptions: [10, 20, 50, 100] })}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.columnKey as SortKey | undefined;
          onSort(key && s?.order ? ((s.order === 'descend' ? `-${key}` : key) as ProjectSort) : undefined);
        } else if (extra.action === 'paginate') {
          onPage(pagination.current ?? 1, pagination.pageSize ?? pageSize);
        }
      }}
    />
  );
}
