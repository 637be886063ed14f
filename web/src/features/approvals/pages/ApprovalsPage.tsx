import { Card, Empty, Flex, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { APPROVAL_PHASES, APPROVAL_SIGNAL_KINDS, APPROVAL_STEPS, type ProjectApproval, type SignalLevel } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PhonePagination } from '../../../components/PhonePagination';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useNarrow } from '../../../hooks/useMedia';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { ApprovalStatusTag, SIGNAL_COLORS, SignalTag } from '../components/ApprovalTags';
import { serverPagination } from '../../../components/pagination';
import { useDepartments } from '../../org/hooks/useLookups';
import { ApprovalActions } from '../components/ApprovalActions';

/**
 * 手续办理: the items the user may see — for a department its own workbench (the items
 * assigned to it, with the next step's button), for a project unit its projects' items —
 * worst signal first. Filters live in the URL.
 */
export function ApprovalsPage() {
  const { t, label } = useI18n();
  const me = useCurrentUser();
  const narrow = useNarrow();
  const [sp, set] = useUrlFilters();
  const status = sp.get('status') ?? 'open';
  const signal = sp.get('signal') ?? undefined;
  const q = sp.get('q') ?? undefined;
  const departmentId = sp.get('departmentId') ?? undefined;
  const page = Number(sp.get('page') ?? 1);
  const pageSize = Number(sp.get('pageSize') ?? 20);
  const query = { status, signal, q, departmentId, page, pageSize };
  const list = useQuery({ queryKey: approvalKeys.list(query), queryFn: () => approvalsApi.list(query), placeholderData: keepPreviousData });
  const departments = useDepartments();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const counts = list.data?.signals;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('ap.title')} sub={me.role === 'department' ? t('ap.sub.department') : t('ap.sub.other')} />
      <Flex gap={8} wrap align="center">
        <Segmented
          value={status}
          onChange={(v) => set({ status: v === 'open' ? undefined : String(v) })}
          options={[
            { value: 'open', label: t('ap.filter.open') },
            { value: 'all', label: t('ap.filter.all') },
          ]}
          data-testid="approvals-status"
        />
        <Select
          allowClear
          placeholder={t('ap.filter.signal')}
          style={{ width: 140 }}
          value={signal}
          onChange={(v) => set({ signal: v })}
          options={[{ value: 'any', label: t('ap.filter.anySignal') }, ...APPROVAL_SIGNAL_KINDS.map((s) => ({ value: s.value, label: label(APPROVAL_SIGNAL_KINDS, s.value) }))]}
          data-testid="approvals-signal"
        />
        {me.role !== 'department' ? (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('ap.filter.department')}
            style={{ width: narrow ? '100%' : 200 }}
            value={departmentId ? Number(departmentId) : undefined}
            onChange={(v) => set({ departmentId: v })}
            options={(departments.data ?? []).filter((d) => d.kind === 'department').map((d) => ({ value: d.id, label: d.name }))}
            data-testid="approvals-department"
          />
        ) : null}
        <Input.Search key={q ?? ''} allowClear placeholder={t('ap.filter.q')} defaultValue={q} onSearch={(v) => set({ q: v || undefined })} style={{ width: narrow ? '100%' : 220 }} />
      </Flex>
      {counts ? (
        <Flex gap={8} wrap align="center" data-testid="approvals-signal-counts">
          {(['red', 'yellow', 'prompt'] as const).map((s) => (
            <Tag.CheckableTag
              key={s}
              checked={signal === s}
              onChange={(on) => set({ signal: on ? s : undefined })}
              style={{ border: `1px solid ${SIGNAL_COLORS[s]}`, color: signal === s ? '#fff' : SIGNAL_COLORS[s], background: signal === s ? SIGNAL_COLORS[s] : undefined }}
              data-testid={`approvals-count-${s}`}
            >
              {label(APPROVAL_SIGNAL_KINDS, s)} {counts[s]}
            </Tag.CheckableTag>
          ))}
        </Flex>
      ) : null}
      {narrow ? (
        items.length ? (
          <Flex vertical gap={8} data-testid="approvals-cards">
            {items.map((r) => (
              <Card key={r.id} size="small" title={<Link to={`/approvals/${r.id}`}>{r.name}</Link>} extra={<SignalTag signal={r.signal} />}>
                <Link to={`/projects/${r.projectId}/approvals`} style={{ color: 'inherit' }}>
                  <Typography.Text type="secondary">{r.projectName}</Typography.Text>
                </Link>
                <Flex gap={8} wrap align="center" style={{ margin: '6px 0' }}>
                  <ApprovalStatusTag status={r.status} />
                  {r.usedDays !== null ? <span>{t('ap.days', { used: r.usedDays, limit: r.promisedDays })}</span> : null}
                </Flex>
                <ApprovalActions item={r} size="small" />
              </Card>
            ))}
            <PhonePagination page={page} pageSize={pageSize} total={total} onChange={(p) => set({ page: p })} />
          </Flex>
        ) : (
          <Empty description={t('ap.none')} />
        )
      ) : (
        <Table<ProjectApproval>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={items}
          data-testid="approvals-table"
          scroll={{ x: me.role === 'department' ? 1230 : 1400 }}
          pagination={serverPagination(t, { page, pageSize, total, onChange: (p, size) => set({ page: p, pageSize: size }) })}
          locale={{ emptyText: t('ap.none') }}
          columns={[
            { title: t('ap.col.item'), dataIndex: 'name', width: 190, fixed: 'left' as const, render: (v: string, r) => <Link to={`/approvals/${r.id}`} data-testid={`approval-link-${r.id}`}>{v}</Link> },
            { title: t('ap.col.project'), dataIndex: 'projectName', width: 200, render: (v: string, r) => <Link to={`/projects/${r.projectId}/approvals`}>{v}</Link> },
            { title: t('ap.col.status'), dataIndex: 'status', width: 96, render: (v: ProjectApproval['status']) => <ApprovalStatusTag status={v} /> },
            { title: t('ap.col.step'), dataIndex: 'currentStep', width: 84, render: (v: string | null) => (v ? label(APPROVAL_STEPS, v) : t('common.none')) },
            { title: t('ap.col.used'), key: 'used', width: 130, render: (_: unknown, r) => (r.usedDays === null ? t('common.none') : t('ap.days', { used: r.usedDays, limit: r.promisedDays })) },
            { title: t('ap.col.due'), dataIndex: 'dueDate', width: 104, render: (v: string | null, r) => (r.suspended ? t('ap.paused') : (v ?? t('common.none'))) },
            { title: t('ap.col.signal'), dataIndex: 'signal', width: 96, render: (v: SignalLevel, r) => <SignalTag signal={v} testId={`list-signal-${r.id}`} /> },
            { title: t('ap.col.next'), key: 'next', width: 190, render: (_: unknown, r) => <ApprovalActions item={r} size="small" /> },
            { title: t('ap.col.phase'), dataIndex: 'phase', width: 140, render: (v: string) => label(APPROVAL_PHASES, v) },
            ...(me.role === 'department' ? [] : [{ title: t('ap.col.department'), dataIndex: 'departmentName', width: 170 }]),
          ]}
        />
      )}
    </Space>
  );
}
