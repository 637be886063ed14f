import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardDto, ProjectStage } from '@tiaodu/contracts';
import { LightDot } from '../../warnings/components/LightDot';
import { StageTag } from '../../../components/StageTag';
import { formatWan } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { useNarrow } from '../../../hooks/useMedia';

type Mine = NonNullable<DashboardDto['myProjects']>[number];

/** 我的项目: a leader's assigned projects, worst light first, with the year's plan and rate. */
export function MyProjectsTable({ rows }: { rows: Mine[] }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const narrow = useNarrow();
  const rate = (v: number | null) => (v == null ? <Typography.Text type="secondary">—</Typography.Text> : `${v}%`);
  if (narrow)
    // a phone: the name with its stage, and the rate with the amounts under it
    return (
      <Table<Mine>
        rowKey="id"
        size="small"
        data-testid="my-projects"
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        dataSource={rows}
        locale={{ emptyText: L('没有包保的项目', 'No assigned projects') }}
        columns={[
          { title: '', dataIndex: 'light', width: 28, render: (l: Mine['light']) => <LightDot light={l} /> },
          {
            title: L('项目', 'Project'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <>
                <Link to={`/projects/${r.id}`}>{v}</Link>
                <div style={{ marginTop: 2 }}>
                  <StageTag stage={r.stage as ProjectStage} />
                </div>
              </>
            ),
          },
          {
            title: L('完成率', 'Rate'),
            dataIndex: 'rate',
            align: 'right',
            width: 118,
            render: (v: number | null, r) => (
              <>
                <div>{rate(v)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatWan(r.completed)} / {formatWan(r.planned)}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    );
  return (
    <Table<Mine>
      rowKey="id"
      size="small"
      data-testid="my-projects"
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
      dataSource={rows}
      scroll={{ x: 640 }}
      locale={{ emptyText: L('没有包保的项目', 'No assigned projects') }}
      columns={[
        { title: '', dataIndex: 'light', width: 36, render: (l: Mine['light']) => <LightDot light={l} /> },
        { title: L('项目', 'Project'), dataIndex: 'name', render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
        { title: L('阶段', 'Stage'), dataIndex: 'stage', width: 90, render: (s: string) => <StageTag stage={s as ProjectStage} /> },
        { title: L('年度计划（万元）', 'Plan (10k)'), dataIndex: 'planned', align: 'right', width: 130, render: (v: number) => formatWan(v) },
        { title: L('已完成（万元）', 'Completed (10k)'), dataIndex: 'completed', align: 'right', width: 130, render: (v: number) => formatWan(v) },
        { title: L('完成率', 'Rate'), dataIndex: 'rate', align: 'right', width: 80, render: rate },
      ]}
    />
  );
}
