import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { INDICATOR_CADENCES, type IndicatorCadence, type IndicatorPeriod, type OwedItem } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { PeriodSelect, ValueStatusTag } from '../components/IndicatorPickers';
import { ReviewDrawer } from '../components/ReviewDrawer';
import { lastEndedPeriod, periodName, plainFigure, todayInChina } from '../components/figures';
import { cellsOf, defaultIndicators, notIn, type CellTab } from '../components/periods';
import { useIndicators } from '../hooks/useIndicators';

function OpenPeriodModal({ open, onClose, onOpened, periods }: { open: boolean; onClose: () => void; onOpened: (p: IndicatorPeriod) => void; periods: readonly IndicatorPeriod[] }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ period: string; indicatorIds: number[]; deadline: dayjs.Dayjs; note?: string }>();
  const [cadence, setCadence] = useState<IndicatorCadence>('month');
  const reported = useIndicators({ status: 'active', source: 'reported' });
  const choices = (reported.data ?? []).filter((i) => i.cadence === cadence);
  // the catalogue may arrive after the dialog opened: tick the defaults then
  useEffect(() => {
    if (open && reported.data && !form.getFieldValue('indicatorIds')?.length) changeCadence(cadence);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, reported.data]);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return indicatorsApi.openPeriod({ period: v.period, indicatorIds: v.indicatorIds, deadline: v.deadline.format('YYYY-MM-DD'), note: v.note?.trim() || null });
    },
    onSuccess: (p) => {
      message.success(t('ind.periods.opened', { p: periodName(p.period, lang) }));
      void qc.invalidateQueries({ queryKey: indicatorKeys.periods });
      void qc.invalidateQueries({ queryKey: indicatorKeys.owed });
      onOpened(p);
      onClose();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const changeCadence = (c: IndicatorCadence) => {
    setCadence(c);
    changePeriod(c, lastEndedPeriod(c, todayInChina()));
  };
  const changePeriod = (c: IndicatorCadence, period: string) => {
    const of = (reported.data ?? []).filter((i) => i.cadence === c);
    form.setFieldsValue({ period, indicatorIds: defaultIndicators(of, periods, period) });
  };
  return (
    <Modal
      open={open}
      title={t('ind.periods.open')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'period-open-ok' }}
      afterOpenChange={(o) => o && changeCadence(cadence)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ deadline: dayjs().add(7, 'day') }}>
        <Form.Item label={t('ind.f.cadence')}>
          <Segmented value={cadence} onChange={(v) => changeCadence(v as IndicatorCadence)} options={options(INDICATOR_CADENCES)} data-testid="period-cadence" />
        </Form.Item>
        <Form.Item name="period" label={t('ind.periods.period')} rules={[{ required: true, message: t('ind.pick.period') }]}>
          <PeriodSelect cadence={cadence} onChange={(p) => changePeriod(cadence, p)} testId="period-period" width="100%" />
        </Form.Item>
        <Form.Item name="indicatorIds" label={t('ind.periods.indicators')} rules={[{ required: true, message: t('ind.periods.indicatorsRequired') }]} extra={choices.length ? undefined : t('ind.periods.noReported')}>
          <Checkbox.Group data-testid="period-indicators" options={choices.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="deadline" label={t('ind.periods.deadline')} rules={[{ required: true, message: t('ind.periods.deadlineRequired') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="period-deadline" />
        </Form.Item>
        <Form.Item name="note" label={t('ind.periods.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 填报期与审核: open a period for reported indicators; each period's counts; its cells reviewed one by one, the missing and late marked. */
export function PeriodsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const canReview = can('indicator:review');
  const qc = useQueryClient();
  const [sp, update] = useUrlParams();
  const periods = useQuery({ queryKey: indicatorKeys.periods, queryFn: indicatorsApi.periods });
  const list = periods.data ?? [];
  const chosen = list.find((p) => String(p.id) === sp.get('id')) ?? list[0];
  const tab = (sp.get('tab') as CellTab | null) ?? 'all';
  const set = (patch: Record<string, string | null>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) v == null ? cur.delete(k) : cur.set(k, v);
      return cur;
    });
  const cells = useQuery({ queryKey: indicatorKeys.cells(chosen?.id ?? 0), queryFn: () => indicatorsApi.cells(chosen!.id), enabled: !!chosen });
  const [opening, setOpening] = useState(false);
  const [reviewing, setReviewing] = useState<OwedItem | null>(null);
  const [deadlineFor, setDeadlineFor] = useState<IndicatorPeriod | null>(null);
  const [deadline, setDeadline] = useState<dayjs.Dayjs | null>(null);
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: number; body: { status?: 'open' | 'closed'; deadline?: string } }) => indicatorsApi.patchPeriod(id, body),
    onSuccess: () => {
      setDeadlineFor(null);
      void qc.invalidateQueries({ queryKey: indicatorKeys.periods });
      message.success(t('ind.periods.updated'));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const columns: ColumnsType<IndicatorPeriod> = [
    { title: t('ind.periods.period'), dataIndex: 'period', width: 140, render: (v: string, p) => <b data-testid={`period-label-${p.id}`}>{periodName(v, lang)}</b> },
    { title: t('ind.periods.indicators'), dataIndex: 'indicators', render: (v: IndicatorPeriod['indicators']) => v.map((i) => <Tag key={i.id}>{i.name}</Tag>) },
    { title: t('ind.periods.deadline'), dataIndex: 'deadline', width: 130, render: (v: string) => formatDate(v, lang) },
    { title: t('ind.col.status'), dataIndex: 'status', width: 80, render: (v: string) => (v === 'open' ? <Tag color="green">{t('ind.periods.statusOpen')}</Tag> : <Tag>{t('ind.periods.statusClosed')}</Tag>) },
    { title: t('ind.periods.owed'), key: 'owed', width: 64, align: 'right', render: (_, p) => p.counts.owed },
    { title: t('ind.periods.submitted'), key: 'submitted', width: 64, align: 'right', render: (_, p) => p.counts.submitted },
    { title: t('ind.periods.accepted'), key: 'accepted', width: 72, align: 'right', render: (_, p) => <Typography.Text type="success">{p.counts.accepted}</Typography.Text> },
    { title: t('ind.periods.returned'), key: 'returned', width: 64, align: 'right', render: (_, p) => p.counts.returned || '—' },
    { title: t('ind.periods.missing'), key: 'missing', width: 64, align: 'right', render: (_, p) => (p.counts.missing ? <Typography.Text type="danger">{p.counts.missing}</Typography.Text> : 0) },
    { title: t('ind.periods.late'), key: 'late', width: 64, align: 'right', render: (_, p) => (p.counts.late ? <Typography.Text type="warning">{p.counts.late}</Typography.Text> : 0) },
    ...(canReview
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, p: IndicatorPeriod) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setDeadlineFor(p);
                    setDeadline(dayjs(p.deadline));
                  }}
                >
                  {t('ind.periods.changeDeadline')}
                </Button>
                <Popconfirm title={p.status === 'open' ? t('ind.periods.closeConfirm') : t('ind.periods.reopenConfirm')} onConfirm={() => patch.mutate({ id: p.id, body: { status: p.status === 'open' ? 'closed' : 'open' } })}>
                  <Button type="link" size="small">
                    {p.status === 'open' ? t('ind.periods.close') : t('ind.periods.reopen')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const all = cells.data ?? [];
  const shown = useMemo(() => cellsOf(all, tab), [all, tab]);
  const count = (k: CellTab) => cellsOf(all, k).length;
  const cellColumns: ColumnsType<OwedItem> = [
    { title: t('ind.col.unitName'), dataIndex: 'unitName', width: 150, fixed: 'left' },
    { title: t('ind.col.indicator'), dataIndex: 'indicatorName', width: 170 },
    { title: t('ind.col.value'), key: 'value', width: 120, align: 'right', render: (_, c) => (c.value == null ? '—' : `${plainFigure(c.value)}${c.unit}`) },
    { title: t('ind.fill.target'), key: 'target', width: 110, align: 'right', render: (_, c) => (c.target == null ? '—' : `${plainFigure(c.target)}${c.unit}`) },
    { title: t('ind.col.status'), key: 'status', width: 140, render: (_, c) => <ValueStatusTag status={c.status} late={c.late} testId={`cell-status-${c.unitId}-${c.indicatorId}`} /> },
    { title: t('ind.review.reason'), dataIndex: 'returnReason', ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, c) =>
        c.valueId ? (
          <Button type="link" size="small" onClick={() => setReviewing(c)} data-testid={`cell-open-${c.unitId}-${c.indicatorId}`}>
            {c.status === 'submitted' && canReview ? t('ind.review.review') : t('ind.review.view')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('ind.periods.title')}
        sub={t('ind.periods.sub')}
        extra={
          canReview ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="period-open">
              {t('ind.periods.open')}
            </Button>
          ) : null
        }
      />
      <Table<IndicatorPeriod>
        rowKey="id"
        size="small"
        data-testid="periods-table"
        loading={periods.isLoading}
        columns={columns}
        dataSource={list}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowClassName={(p) => (p.id === chosen?.id ? 'ant-table-row-selected' : '')}
        onRow={(p) => ({ onClick: () => set({ id: String(p.id), tab: null }), style: { cursor: 'pointer' }, 'data-testid': `period-row-${p.period}` }) as object}
        locale={{ emptyText: <Empty description={t('ind.periods.none')} /> }}
      />
      {chosen ? (
        <Card size="small" style={{ marginTop: 16 }} title={t('ind.periods.cellsTitle', { p: periodName(chosen.period, lang) })} data-testid="period-cells">
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'all' ? null : k })}
            items={(['all', 'submitted', 'missing', 'late', 'returned', 'accepted'] as const).map((k) => ({ key: k, label: `${t(`ind.cells.${k}`)} ${cells.data ? count(k) : ''}` }))}
          />
          <Table<OwedItem>
            rowKey={(c) => `${c.unitType}:${c.unitId}:${c.indicatorId}`}
            size="small"
            loading={cells.isLoading}
            columns={cellColumns}
            dataSource={shown}
            scroll={{ x: 980 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(c) => (notIn(c.status) ? (c.late ? 'ind-row-overdue' : 'ind-row-missing') : c.late ? 'ind-row-late' : '')}
            onRow={(c) => ({ 'data-testid': `cell-row-${c.unitId}-${c.indicatorId}`, 'data-status': c.status, 'data-late': c.late ? 'true' : 'false' }) as object}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ind.cells.legend')}
          </Typography.Text>
        </Card>
      ) : null}
      <OpenPeriodModal open={opening} periods={list} onClose={() => setOpening(false)} onOpened={(p) => set({ id: String(p.id), tab: null })} />
      <ReviewDrawer cell={reviewing} onClose={() => setReviewing(null)} canReview={canReview} />
      <Modal open={!!deadlineFor} title={t('ind.periods.changeDeadline')} onCancel={() => setDeadlineFor(null)} confirmLoading={patch.isPending} onOk={() => deadlineFor && deadline && patch.mutate({ id: deadlineFor.id, body: { deadline: deadline.format('YYYY-MM-DD') } })}>
        <DatePicker style={{ width: '100%' }} value={deadline} onChange={setDeadline} allowClear={false} />
      </Modal>
    </div>
  );
}
