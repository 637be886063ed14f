import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Drawer, Empty, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, HistoryOutlined, PlusOutlined, SaveOutlined, UploadOutlined, ForwardOutlined } from '@ant-design/icons';
import { labelOf, monthlySumError, YEAR_CATEGORIES, type PlanImportResult, type PlanRow, type YearCategory } from '@tiaodu/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { formatWan, formatDateTime } from '../../../components/format';
import { errorText } from '../../../api/errors';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { RegionTreeSelect } from '../../org/components/RegionTreeSelect';
import { planKeys, plansApi } from '../api/plans';

interface Edit {
  category: YearCategory;
  plannedInvestment: number;
  monthly: number[];
  imageTarget: string | null;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i);
const editOf = (p: PlanRow): Edit => ({ category: p.category, plannedInvestment: p.plannedInvestment, monthly: [...p.monthly], imageTarget: p.imageTarget });
const same = (a: Edit, b: Edit) => a.category === b.category && a.plannedInvestment === b.plannedInvestment && a.imageTarget === b.imageTarget && a.monthly.every((m, i) => m === b.monthly[i]);

/** 年度计划: the year's plans as an editable grid (annual figure, 12 months, image target). */
export function PlansPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const can = useCan();
  const editable = can('plan:edit');
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(sp.get('year')) || thisYear;
  const query = { year, regionCode: sp.get('regionCode') ?? undefined, category: sp.get('category') ?? undefined, q: sp.get('q') ?? undefined, page: Number(sp.get('page')) || 1, pageSize: 50 };
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setSp(next, { replace: true });
  };
  const list = useQuery({ queryKey: planKeys.list(query), queryFn: () => plansApi.list(query) });
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, string[]>>({});
  const [history, setHistory] = useState<PlanRow | null>(null);
  const [adjusting, setAdjusting] = useState<PlanRow | null>(null);
  const [reason, setReason] = useState('');
  const [imported, setImported] = useState<{ file: File; result: PlanImportResult } | null>(null);
  const [adding, setAdding] = useState(false);
  const [addQ, setAddQ] = useState('');
  const [addId, setAddId] = useState<number | undefined>();
  const candidates = useQuery({ queryKey: ['plans', 'add', addQ], queryFn: () => plansApi.searchProjects(addQ), enabled: adding });
  const add = useMutation({
    mutationFn: (id: number) => {
      const p = candidates.data?.items.find((x) => x.id === id);
      return plansApi.put(id, year, { category: p?.category ?? 'new_start', plannedInvestment: 0, monthly: Array(12).fill(0), imageTarget: null });
    },
    onSuccess: () => {
      message.success(t('plans.added'));
      setAdding(false);
      setAddId(undefined);
      void invalidate();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const rows = list.data?.items ?? [];
  const current = (p: PlanRow): Edit => edits[p.projectId] ?? editOf(p);
  const change = (p: PlanRow, patch: Partial<Edit>) => {
    const next = { ...current(p), ...patch };
    setEdits((e) => {
      const copy = { ...e };
      if (same(next, editOf(p))) delete copy[p.projectId];
      else copy[p.projectId] = next;
      return copy;
    });
  };
  const changed = rows.filter((p) => edits[p.projectId]);
  const yearStarted = year <= thisYear;
  const invalidate = () => qc.invalidateQueries({ queryKey: planKeys.all });

  const save = useMutation({
    mutationFn: (why?: string) =>
      plansApi.bulk({ year, reason: why, rows: changed.map((p) => ({ projectId: p.projectId, version: p.version, ...current(p) })) }),
    onSuccess: (r) => {
      message.success(t('plans.saved', { n: r.saved.length }));
      setEdits({});
      setRowErrors({});
      void invalidate();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        const byProject: Record<number, string[]> = {};
        for (const d of e.details as Array<{ row?: number; projectId?: number; message: string }>) {
          const pid = d.projectId ?? changed[(d.row ?? 1) - 1]?.projectId;
          if (pid) (byProject[pid] ??= []).push(d.message);
        }
        setRowErrors(byProject);
      }
      message.error(errorText(e, lang));
    },
  });
  const onSave = () => {
    if (!yearStarted) return save.mutate(undefined);
    let why = '';
    modal.confirm({
      title: t('plans.reasonTitle'),
      content: <Input.TextArea data-testid="plans-save-reason" rows={3} placeholder={t('plans.reasonPh')} onChange={(e) => (why = e.target.value)} />,
      onOk: () => {
        if (why.trim().length < 2) {
          message.error(t('plans.reasonRequired'));
          return Promise.reject(new Error('reason'));
        }
        save.mutate(why.trim());
      },
    });
  };

  const adjust = useMutation({
    mutationFn: (p: PlanRow) => plansApi.adjust(p.projectId, year, { version: p.version, ...current(p), reason }),
    onSuccess: (_r, p) => {
      message.success(t('plans.adjusted'));
      setEdits((e) => {
        const copy = { ...e };
        delete copy[p.projectId];
        return copy;
      });
      setAdjusting(null);
      setReason('');
      void invalidate();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const copyForward = async () => {
    try {
      const dry = await plansApi.copyForward(year, year + 1, true);
      modal.confirm({
        title: t('plans.copyTitle', { from: year, to: year + 1 }),
        content: t('plans.copyCounts', { copied: dry.copied, existing: dry.skippedExisting, finished: dry.skippedFinished }),
        okButtonProps: { disabled: dry.copied === 0, 'data-testid': 'plans-copy-ok' },
        onOk: async () => {
          const r = await plansApi.copyForward(year, year + 1, false);
          message.success(t('plans.copied', { n: r.copied }));
          void invalidate();
        },
      });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const upload = async (file: File, dryRun: boolean) => {
    try {
      const result = await plansApi.importFile(year, file, dryRun);
      if (!dryRun && result.imported) {
        message.success(t('plans.imported', { created: result.created, updated: result.updated }));
        setImported(null);
        void invalidate();
      } else setImported({ file, result });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const projectPlans = useQuery({ queryKey: planKeys.project(history?.projectId ?? 0), queryFn: () => plansApi.project(history!.projectId), enabled: !!history });
  const historyPlan = projectPlans.data?.find((p) => p.year === year);

  const num = (v: number, onChange: (n: number) => void, testId: string) =>
    editable ? (
      <InputNumber size="small" min={0} precision={2} controls={false} style={{ width: '100%' }} value={v} data-testid={testId} onChange={(n) => onChange(typeof n === 'number' ? n : 0)} />
    ) : (
      formatWan(v)
    );

  const columns: ColumnsType<PlanRow> = useMemo(
    () => [
      {
        title: t('plans.col.name'),
        dataIndex: 'projectName',
        fixed: 'left',
        width: 200,
        render: (v: string, p) => (
          <div>
            <Typography.Text strong={!!edits[p.projectId]} ellipsis={{ tooltip: v }} style={{ maxWidth: 184 }}>
              {v}
            </Typography.Text>
            <div style={{ fontSize: 12, color: '#888' }}>{p.regionName}</div>
            {(rowErrors[p.projectId] ?? []).map((m) => (
              <div key={m} style={{ color: '#cf1322', fontSize: 12 }} data-testid="plans-row-error">
                {m}
              </div>
            ))}
          </div>
        ),
      },
      {
        title: t('plans.col.category'),
        width: 110,
        fixed: 'left',
        render: (_: unknown, p) =>
          editable ? (
            <Select size="small" style={{ width: '100%' }} value={current(p).category} options={YEAR_CATEGORIES.map((c) => ({ value: c.value, label: c[lang] }))} onChange={(v) => change(p, { category: v })} />
          ) : (
            labelOf(YEAR_CATEGORIES, p.category, lang)
          ),
      },
      {
        title: t('plans.col.planned'),
        width: 120,
        fixed: 'left',
        render: (_: unknown, p) => num(current(p).plannedInvestment, (n) => change(p, { plannedInvestment: n }), `plan-annual-${p.projectId}`),
      },
      {
        title: t('plans.col.check'),
        width: 150,
        render: (_: unknown, p) => {
          const e = current(p);
          const err = monthlySumError(e.plannedInvestment, e.monthly);
          return err ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="plans-row-diff">
              {err}
            </Typography.Text>
          ) : (
            <Tag color="green">{t('plans.ok')}</Tag>
          );
        },
      },
      ...MONTHS.map((m) => ({
        title: t('plans.col.month', { m: m + 1 }),
        width: 96,
        align: 'right' as const,
        render: (_: unknown, p: PlanRow) =>
          num(current(p).monthly[m] ?? 0, (n) => change(p, { monthly: current(p).monthly.map((x, i) => (i === m ? n : x)) }), `plan-m${m + 1}-${p.projectId}`),
      })),
      {
        title: t('plans.col.target'),
        width: 200,
        render: (_: unknown, p) =>
          editable ? (
            <Input size="small" value={current(p).imageTarget ?? ''} onChange={(e) => change(p, { imageTarget: e.target.value || null })} />
          ) : (
            p.imageTarget
          ),
      },
      {
        title: t('plans.col.before'),
        width: 120,
        align: 'right',
        render: (_: unknown, p) => formatWan(p.completedBeforeYear),
      },
      {
        title: t('common.actions'),
        fixed: 'right',
        width: 110,
        render: (_: unknown, p) => (
          <Space size={4}>
            {editable && yearStarted ? (
              <Button size="small" type="link" data-testid={`plan-adjust-${p.projectId}`} onClick={() => setAdjusting(p)}>
                {t('plans.adjust')}
              </Button>
            ) : null}
            <Button size="small" type="link" icon={<HistoryOutlined />} aria-label={t('plans.history')} data-testid={`plan-history-${p.projectId}`} onClick={() => setHistory(p)} />
          </Space>
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [edits, rowErrors, lang, editable, yearStarted, rows],
  );

  const sums = list.data?.sums;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);

  return (
    <div>
      <PageHeader
        title={t('plans.title')}
        sub={t('plans.sub')}
        extra={
          <>
            {editable ? (
              <Button icon={<PlusOutlined />} data-testid="plans-add" onClick={() => setAdding(true)}>
                {t('plans.add')}
              </Button>
            ) : null}
            {editable ? (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f, true), false)}>
                <Button icon={<UploadOutlined />} data-testid="plans-import">
                  {t('plans.import')}
                </Button>
              </Upload>
            ) : null}
            <Button icon={<DownloadOutlined />} data-testid="plans-export" onClick={() => plansApi.exportFile({ year, regionCode: query.regionCode, category: query.category, q: query.q }).catch((e) => message.error(errorText(e, lang)))}>
              {t('plans.export')}
            </Button>
            {editable ? (
              <Button icon={<ForwardOutlined />} data-testid="plans-copy" onClick={() => void copyForward()}>
                {t('plans.copy')}
              </Button>
            ) : null}
            {editable ? (
              <Button type="primary" icon={<SaveOutlined />} data-testid="plans-save" disabled={!changed.length} loading={save.isPending} onClick={onSave}>
                {t('plans.save', { n: changed.length })}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[8, 8]}>
          <Col xs={12} md={4}>
            <Select data-testid="plans-year" style={{ width: '100%' }} value={year} options={years.map((y) => ({ value: y, label: t('plans.year', { y }) }))} onChange={(v) => set({ year: v })} />
          </Col>
          <Col xs={12} md={6}>
            <RegionTreeSelect style={{ width: '100%' }} placeholder={t('projects.filter.region')} value={query.regionCode} onChange={(v) => set({ regionCode: v || undefined })} />
          </Col>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('plans.col.category')}
              value={query.category}
              options={YEAR_CATEGORIES.map((c) => ({ value: c.value, label: c[lang] }))}
              onChange={(v) => set({ category: v })}
            />
          </Col>
          <Col xs={12} md={9}>
            <Input.Search allowClear defaultValue={query.q} placeholder={t('plans.searchPh')} onSearch={(v) => set({ q: v || undefined })} />
          </Col>
        </Row>
      </Card>
      {Object.keys(rowErrors).length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('plans.rowErrors', { n: Object.keys(rowErrors).length })} /> : null}
      <Table<PlanRow>
        data-testid="plans-table"
        rowKey="projectId"
        size="small"
        bordered
        loading={list.isLoading}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 200 + 110 + 120 + 150 + 96 * 12 + 200 + 120 + 110, y: 'calc(100vh - 400px)' }}
        locale={{ emptyText: <Empty description={t('plans.empty', { y: year })} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (page) => set({ page }), showTotal: (n) => t('plans.total', { n }) }}
        summary={() =>
          sums ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('plans.sum')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <span data-testid="plans-sum-annual">{formatWan(sums.plannedInvestment)}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
                {MONTHS.map((m) => (
                  <Table.Summary.Cell key={m} index={4 + m} align="right">
                    {formatWan(sums.monthly[m])}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={16} />
                <Table.Summary.Cell index={17} align="right">
                  {formatWan(sums.completedBeforeYear)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={18} />
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />

      <Modal
        title={adjusting ? t('plans.adjustTitle', { name: adjusting.projectName }) : ''}
        open={!!adjusting}
        onCancel={() => setAdjusting(null)}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: adjust.isPending, 'data-testid': 'plans-adjust-ok' }}
        onOk={() => adjusting && adjust.mutate(adjusting)}
      >
        {adjusting ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('plans.adjustFrom', { from: formatWan(adjusting.plannedInvestment), to: formatWan(current(adjusting).plannedInvestment) })}
            </Typography.Text>
            {monthlySumError(current(adjusting).plannedInvestment, current(adjusting).monthly) ? (
              <Alert type="error" showIcon message={monthlySumError(current(adjusting).plannedInvestment, current(adjusting).monthly)} />
            ) : null}
            <Typography.Text type="secondary">{t('plans.adjustHelp')}</Typography.Text>
            <Input.TextArea data-testid="plans-adjust-reason" rows={3} value={reason} placeholder={t('plans.reasonPh')} onChange={(e) => setReason(e.target.value)} />
          </Space>
        ) : null}
      </Modal>

      <Drawer title={history ? t('plans.historyTitle', { name: history.projectName, y: year }) : ''} open={!!history} onClose={() => setHistory(null)} width={480}>
        {historyPlan?.changes.length ? (
          <Timeline
            items={historyPlan.changes
              .slice()
              .reverse()
              .map((c) => {
                const b = c.before as { plannedInvestment?: number } | null;
                const a = c.after as { plannedInvestment?: number } | null;
                return {
                  children: (
                    <div data-testid="plans-history-item">
                      <div>
                        <strong>{formatDateTime(c.at)}</strong> {c.userName}
                      </div>
                      <div>
                        {t('plans.col.planned')}：{formatWan(b?.plannedInvestment)} → {formatWan(a?.plannedInvestment)}
                      </div>
                      <div>
                        {t('plans.reason')}：{c.reason}
                      </div>
                    </div>
                  ),
                };
              })}
          />
        ) : (
          <Empty description={t('plans.noHistory')} />
        )}
      </Drawer>

      <Modal
        title={t('plans.addTitle', { y: year })}
        open={adding}
        onCancel={() => setAdding(false)}
        okButtonProps={{ disabled: !addId, loading: add.isPending, 'data-testid': 'plans-add-ok' }}
        onOk={() => addId && add.mutate(addId)}
      >
        <Typography.Paragraph type="secondary">{t('plans.addHelp')}</Typography.Paragraph>
        <Select<number>
          data-testid="plans-add-project"
          showSearch={{ filterOption: false, onSearch: setAddQ }}
          style={{ width: '100%' }}
          placeholder={t('plans.searchPh')}
          value={addId}
          loading={candidates.isFetching}
          options={(candidates.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.regionName ?? p.regionCode}）` }))}
          onChange={setAddId}
        />
      </Modal>

      <Modal
        title={t('plans.importTitle', { y: year })}
        open={!!imported}
        onCancel={() => setImported(null)}
        okText={t('plans.importOk')}
        okButtonProps={{ disabled: !imported || imported.result.errors.length > 0, 'data-testid': 'plans-import-ok' }}
        onOk={() => imported && void upload(imported.file, false)}
        width={720}
      >
        {imported ? (
          imported.result.errors.length ? (
            <>
              <Alert type="error" showIcon style={{ marginBottom: 8 }} message={t('plans.importErrors', { n: imported.result.errors.length })} />
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                pagination={{ pageSize: 10 }}
                dataSource={imported.result.errors}
                columns={[
                  { title: t('plans.err.row'), dataIndex: 'row', width: 60 },
                  { title: t('plans.err.column'), dataIndex: 'column', width: 110 },
                  { title: t('plans.err.value'), dataIndex: 'value', width: 110 },
                  { title: t('plans.err.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <Alert type="success" showIcon message={t('plans.importReady', { rows: imported.result.rows, created: imported.result.created, updated: imported.result.updated })} />
          )
        ) : null}
      </Modal>
    </div>
  );
}
