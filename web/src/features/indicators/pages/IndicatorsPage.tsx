import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Empty, Flex, List, Popconfirm, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import {
  INDICATOR_ACCUMULATIONS,
  INDICATOR_CADENCES,
  INDICATOR_DIRECTIONS,
  INDICATOR_FORMULAS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_SUBJECTS,
  type Indicator,
} from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { IndicatorFormModal } from '../components/IndicatorForm';
import { useFormulas, useIndicators } from '../hooks/useIndicators';

/** 计算口径: every formula's Chinese definition, as the API and the bulletin use it. */
function FormulasDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, label } = useI18n();
  const q = useFormulas(open);
  return (
    <Drawer open={open} onClose={onClose} title={t('ind.formulas.title')} width={Math.min(560, globalThis.innerWidth ?? 560)} data-testid="formulas-drawer">
      <Typography.Paragraph type="secondary">{t('ind.formulas.sub')}</Typography.Paragraph>
      <List
        loading={q.isLoading}
        dataSource={q.data ?? []}
        renderItem={(f) => (
          <List.Item data-testid={`formula-${f.value}`}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <b>{lang === 'en' ? f.en : f.zh}</b>
                  {f.subjects.map((s) => (
                    <Tag key={s}>{label(INDICATOR_SUBJECTS, s)}</Tag>
                  ))}
                </Space>
              }
              description={<span style={{ color: 'inherit', whiteSpace: 'pre-wrap' }}>{f.definition}</span>}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}

/** 指标库: the catalogue with its sources, subjects and state; the admin creates, edits, retires and deletes. */
export function IndicatorsPage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('indicator:manage');
  const qc = useQueryClient();
  const [sp, set] = useUrlFilters();
  const status = (sp.get('status') as 'active' | 'retired' | 'all' | null) ?? 'active';
  const source = sp.get('source') ?? undefined;
  const q = useIndicators({ status, source });
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formulasOpen, setFormulasOpen] = useState(false);
  const onError = (e: unknown) => message.error(errorText(e, lang));
  const patch = useMutation({
    mutationFn: ({ id, status }: { id: number; status: 'active' | 'retired' }) => indicatorsApi.update(id, { status }),
    onSuccess: (i) => {
      message.success(i.status === 'retired' ? t('ind.retired', { name: i.name }) : t('ind.restored', { name: i.name }));
      void qc.invalidateQueries({ queryKey: indicatorKeys.all });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (i: Indicator) => indicatorsApi.remove(i.id),
    onSuccess: (_r, i) => {
      message.success(t('ind.deleted', { name: i.name }));
      void qc.invalidateQueries({ queryKey: indicatorKeys.all });
    },
    onError,
  });

  const columns: ColumnsType<Indicator> = [
    { title: t('ind.col.code'), dataIndex: 'code', width: 124, render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
    {
      title: t('ind.col.name'),
      dataIndex: 'name',
      width: 180,
      render: (v: string, i) => (
        <Space size={4} wrap>
          <b>{v}</b>
          {i.benchmark ? <Tag color="geekblue">{t('ind.col.benchmarkTag')}</Tag> : null}
          {i.builtin ? <Tag>{t('ind.col.builtin')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('ind.col.unit'), dataIndex: 'unit', width: 64, render: (v: string) => v || '—' },
    {
      title: t('ind.col.cadence'),
      key: 'cadence',
      width: 92,
      render: (_, i) => (
        <div>
          {label(INDICATOR_CADENCES, i.cadence)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(INDICATOR_ACCUMULATIONS, i.accumulation)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('ind.col.source'),
      key: 'source',
      width: 140,
      render: (_, i) => (
        <div>
          {label(INDICATOR_SOURCES, i.source)}
          {i.formula ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label(INDICATOR_FORMULAS, i.formula)}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { title: t('ind.col.appliesTo'), dataIndex: 'appliesTo', width: 150, render: (v: string[]) => v.map((s) => <Tag key={s}>{label(INDICATOR_SUBJECTS, s)}</Tag>) },
    { title: t('ind.col.direction'), dataIndex: 'direction', width: 88, render: (v: string) => label(INDICATOR_DIRECTIONS, v) },
    { title: t('ind.col.kind'), dataIndex: 'kind', width: 76, render: (v: string) => <Tag color={v === 'binding' ? 'red' : 'blue'}>{label(INDICATOR_KINDS, v)}</Tag> },
    {
      title: t('ind.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (v: string, i) => (
        <div>
          {v === 'active' ? <Tag color="green">{t('ind.status.active')}</Tag> : <Tag>{t('ind.status.retired')}</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`indicator-in-use-${i.code}`}>
              {i.inUse ? t('ind.col.inUse') : t('ind.col.unused')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, i: Indicator) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  data-testid={`indicator-edit-${i.code}`}
                  onClick={() => {
                    setEditing(i);
                    setFormOpen(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
                {i.status === 'active' ? (
                  <Popconfirm title={t('ind.retireConfirm', { name: i.name })} onConfirm={() => patch.mutate({ id: i.id, status: 'retired' })}>
                    <Button type="link" size="small" data-testid={`indicator-retire-${i.code}`}>
                      {t('ind.retire')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => patch.mutate({ id: i.id, status: 'active' })} data-testid={`indicator-restore-${i.code}`}>
                    {t('ind.restore')}
                  </Button>
                )}
                {i.inUse ? (
                  <Tooltip title={t('ind.inUseNoDelete')}>
                    <Button type="link" size="small" disabled>
                      {t('common.delete')}
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm title={t('common.deleteConfirm', { name: i.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(i)}>
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('ind.lib.title')}
        sub={t('ind.lib.sub')}
        extra={
          <>
            <Button icon={<BookOutlined />} onClick={() => setFormulasOpen(true)} data-testid="btn-formulas">
              {t('ind.formulas.title')}
            </Button>
            {manage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="btn-new-indicator"
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t('ind.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Segmented
            value={status}
            onChange={(v) => set({ status: v === 'active' ? null : String(v) })}
            options={[
              { value: 'active', label: t('ind.status.active') },
              { value: 'retired', label: t('ind.status.retired') },
              { value: 'all', label: t('ind.filter.all') },
            ]}
          />
          <Select allowClear style={{ width: 160 }} placeholder={t('ind.col.source')} value={source} onChange={(v) => set({ source: v })} options={options(INDICATOR_SOURCES)} />
          <Typography.Text type="secondary">{t('ind.lib.count', { n: q.data?.length ?? 0 })}</Typography.Text>
        </Flex>
      </Card>
      <Table<Indicator>
        rowKey="id"
        size="small"
        data-testid="indicator-table"
        loading={q.isLoading}
        columns={columns}
        dataSource={q.data ?? []}
        scroll={{ x: 1148 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(i) => ({ 'data-testid': `indicator-row-${i.code}` }) as object}
        locale={{ emptyText: <Empty description={t('ind.lib.empty')} /> }}
      />
      <IndicatorFormModal indicator={editing} open={formOpen} onClose={() => setFormOpen(false)} />
      <FormulasDrawer open={formulasOpen} onClose={() => setFormulasOpen(false)} />
    </div>
  );
}
