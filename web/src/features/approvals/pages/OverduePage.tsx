import { App, Button, Empty, Space, Table, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { APPROVAL_STEPS, type OverdueRow } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { errorText } from '../../../api/errors';
import { useCan } from '../../auth/hooks/useAuth';
import { SignalTag } from '../components/ApprovalTags';

/** 超期督查: every open item past its promised limit and every step past its own limit, most days over first. */
export function OverduePage() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: approvalKeys.overdue, queryFn: approvalsApi.overdue });
  // the scheduler evaluates signals every few minutes; this runs it now (idempotent)
  const run = useMutation({
    mutationFn: approvalsApi.runSignals,
    onSuccess: (r) => {
      message.success(t('ap.overdue.ran', { n: r.signals }));
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('ap.overdue.title')}
        sub={t('ap.overdue.sub')}
        extra={
          can('scheduler:run') ? (
            <Button icon={<SyncOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="btn-run-signals">
              {t('ap.overdue.run')}
            </Button>
          ) : null
        }
      />
      <Table<OverdueRow>
        rowKey={(r) => `${r.approvalId}-${r.scope}-${r.step ?? ''}`}
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        data-testid="overdue-table"
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('ap.overdue.none')} /> }}
        pagination={{ pageSize: 30, showTotal: (n) => t('ap.total', { n }) }}
        columns={[
          { title: t('ap.col.signal'), dataIndex: 'signal', width: 100, render: (v: OverdueRow['signal'], r) => <SignalTag signal={v} testId={`overdue-${r.approvalId}-${r.scope}-${r.step ?? 'item'}`} /> },
          { title: t('ap.col.item'), dataIndex: 'itemName', width: 200, render: (v: string, r) => <Link to={`/approvals/${r.approvalId}`}>{v}</Link> },
          { title: t('ap.overdue.scope'), key: 'scope', width: 120, render: (_: unknown, r) => (r.scope === 'item' ? t('ap.overdue.item') : label(APPROVAL_STEPS, r.step)) },
          { title: t('ap.col.department'), dataIndex: 'departmentName', width: 180 },
          { title: t('ap.col.project'), dataIndex: 'projectName', width: 220, render: (v: string, r) => <Link to={`/projects/${r.projectId}/approvals`}>{v}</Link> },
          { title: t('ap.col.used'), key: 'used', width: 150, render: (_: unknown, r) => t('ap.days', { used: r.usedDays, limit: r.limitDays }) },
          { title: t('ap.overdue.over'), dataIndex: 'overDays', width: 110, render: (v: number) => <b>{t('ap.daysShort', { n: v })}</b> },
          { title: t('ap.overdue.since'), dataIndex: 'overdueSince', width: 110 },
          { title: t('ap.col.status'), key: 'st', width: 110, render: (_: unknown, r) => (r.scope === 'step' ? <Tag>{r.finished ? t('ap.overdue.stepDone') : t('ap.overdue.stepOpen')}</Tag> : null) },
        ]}
      />
    </Space>
  );
}
