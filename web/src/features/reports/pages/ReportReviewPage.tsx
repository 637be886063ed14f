import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import dayjs from 'dayjs';
import type { Report } from '@tiaodu/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { formatWan } from '../../../components/format';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { reportKeys, reportsApi } from '../api/reports';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { ReportFigures, RevisionHistory } from '../components/ReportForm';
import { ReportProblemLink } from '../../problems/components/ReportProblemLink';

const pct = (v: number | null) => (v == null ? '—' : `${v.toFixed(1)}%`);

/** 月报审核: open a month, the month's reports with their status, review, missing/late/returned lists. */
export function ReportReviewPage() {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const { message, modal } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const windows = useQuery({ queryKey: reportKeys.windows, queryFn: reportsApi.windows });
  const chosen = sp.get('ym') ?? (windows.data?.[0] ? `${windows.data[0].year}-${windows.data[0].month}` : null);
  const [year, month] = chosen ? chosen.split('-').map(Number) : [0, 0];
  const tab = sp.get('tab') ?? 'all';
  const list = useQuery({ queryKey: reportKeys.list({ year, month }), queryFn: () => reportsApi.list({ year, month }), enabled: !!year });
  const gaps = useQuery({ queryKey: reportKeys.gaps(year!, month!), queryFn: () => reportsApi.gaps(year!, month!), enabled: !!year });
  const [openWin, setOpenWin] = useState(false);
  const [winForm] = Form.useForm();
  const [selected, setSelected] = useState<Report | null>(null);
  const [reason, setReason] = useState('');
  const [revise, setRevise] = useState<{ investment?: number; reason: string } | null>(null);
  const importFile = async (file: File) => {
    try {
      const dry = await reportsApi.importFile(year!, month!, file, true);
      modal.confirm({
        title: L(`导入${year}年${month}月月报`, 'Import reports'),
        content: L(`校验通过：${dry.rows} 个项目（新建 ${dry.created}，更新 ${dry.updated}），导入后为“已报送”。`, `${dry.rows} rows checked; they become submitted.`),
        onOk: async () => {
          const r = await reportsApi.importFile(year!, month!, file, false);
          message.success(L(`已导入 ${r.rows} 份月报`, `${r.rows} reports imported`));
          void invalidate();
        },
      });
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as unknown as Array<{ row: number; column: string; value: string; message: string }>) : [];
      modal.error({
        title: errorText(e, lang),
        width: 640,
        content: details.length ? (
          <Table size="small" pagination={false} rowKey={(d) => `${d.row}-${d.column}`} dataSource={details} columns={[{ title: L('行', 'Row'), dataIndex: 'row' }, { title: L('列', 'Column'), dataIndex: 'column' }, { title: L('内容', 'Value'), dataIndex: 'value' }, { title: L('问题', 'Problem'), dataIndex: 'message' }]} />
        ) : null,
      });
    }
  };
  const window = windows.data?.find((w) => w.year === year && w.month === month);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setSp(next);
  };
  const invalidate = () => qc.invalidateQueries({ queryKey: reportKeys.all });
  const openMonth = useMutation({
    mutationFn: async () => {
      const v = await winForm.validateFields();
      const [y, m] = (v.month as dayjs.Dayjs).format('YYYY-M').split('-').map(Number);
      return reportsApi.openWindow({ year: y!, month: m!, deadline: (v.deadline as dayjs.Dayjs).format('YYYY-MM-DD') });
    },
    onSuccess: (w) => {
      setOpenWin(false);
      void invalidate();
      set({ ym: `${w.year}-${w.month}` });
      message.success(L(`已开启${w.year}年${w.month}月月报填报`, 'Month opened'));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const toggle = useMutation({
    mutationFn: () => reportsApi.patchWindow(window!.id, { status: window!.status === 'open' ? 'closed' : 'open' }),
    onSuccess: () => invalidate(),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const detail = useQuery({ queryKey: reportKeys.one(selected?.projectId ?? 0, year!, month!), queryFn: () => reportsApi.get(selected!.projectId, year!, month!), enabled: !!selected });
  const review = useMutation({
    mutationFn: (action: 'accept' | 'return' | 'revise') =>
      action === 'accept'
        ? reportsApi.accept(selected!.projectId, year!, month!)
        : action === 'return'
          ? reportsApi.return(selected!.projectId, year!, month!, reason)
          : reportsApi.revise(selected!.projectId, year!, month!, { investment: revise?.investment, reason: revise?.reason ?? '' }),
    onSuccess: (d) => {
      qc.setQueryData(reportKeys.one(d.projectId, d.year, d.month), d);
      setReason('');
      setRevise(null);
      void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
      void qc.invalidateQueries({ queryKey: ['reports', 'gaps'] });
      message.success(L('已处理', 'Done'));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const columns: ColumnsType<Report> = [
    { title: L('项目名称', 'Project'), dataIndex: 'projectName', ellipsis: true, width: 260 },
    { title: L('区域', 'Region'), dataIndex: 'regionName', width: 100 },
    { title: L('状态', 'Status'), key: 'status', width: 130, render: (_, r) => <ReportStatusTag report={r} /> },
    { title: L('本月完成投资', 'This month'), dataIndex: 'investment', align: 'right', width: 120, render: (v: number, r) => (r.status ? formatWan(v) : '—') },
    { title: L('年初至今累计（已审核）', 'YTD (accepted)'), key: 'ytd', align: 'right', width: 140, render: (_, r) => formatWan(r.figures.ytd) },
    { title: L('待审核', 'Awaiting review'), key: 'ytdp', align: 'right', width: 110, render: (_, r) => (r.figures.ytdPending ? formatWan(r.figures.ytdPending) : '—') },
    { title: L('占年计划', '% of plan'), key: 'pp', align: 'right', width: 90, render: (_, r) => pct(r.figures.ytdPctOfPlan) },
    { title: L('开工至今累计', 'Since start'), key: 'ss', align: 'right', width: 120, render: (_, r) => formatWan(r.figures.sinceStart) },
    { title: L('占总投资', '% of total'), key: 'pt', align: 'right', width: 90, render: (_, r) => pct(r.figures.sinceStartPctOfTotal) },
    { title: L('形象进度', 'Progress'), dataIndex: 'progressText', ellipsis: true },
  ];
  const g = gaps.data;
  const rows = tab === 'missing' ? g?.missing : tab === 'late' ? g?.late : tab === 'returned' ? g?.returned : list.data?.items;
  const counts = (k: 'byRegion' | 'byUnit') => (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={g?.[k] ?? []}
      columns={[
        { title: k === 'byRegion' ? L('区域', 'Region') : L('责任单位', 'Responsible unit'), dataIndex: 'name' },
        { title: L('缺报', 'Missing'), dataIndex: 'missing', align: 'right' },
        { title: L('迟报', 'Late'), dataIndex: 'late', align: 'right' },
        { title: L('退回', 'Returned'), dataIndex: 'returned', align: 'right' },
      ]}
    />
  );
  const d = detail.data;
  return (
    <div>
      <PageHeader
        title={L('月报审核', 'Report review')}
        sub={window ? L(`截止日期 ${window.deadline} · ${window.status === 'open' ? '填报中' : '已关闭'}`, `Deadline ${window.deadline} · ${window.status}`) : L('单位：万元', '10k CNY')}
        extra={
          <>
            <Select style={{ width: 150 }} value={chosen ?? undefined} placeholder={L('月份', 'Month')} onChange={(v) => set({ ym: v })} options={(windows.data ?? []).map((w) => ({ value: `${w.year}-${w.month}`, label: `${w.year}年${w.month}月` }))} />
            {window && can('report:window') ? <Button onClick={() => toggle.mutate()}>{window.status === 'open' ? L('关闭填报', 'Close') : L('重新开启', 'Reopen')}</Button> : null}
            {year ? (
              <Button icon={<DownloadOutlined />} onClick={() => void reportsApi.exportFile(year, month!)} data-testid="reports-export">
                {L('导出', 'Export')}
              </Button>
            ) : null}
            {year && can('report:review') ? (
              <span>
                <input type="file" accept=".xlsx" style={{ display: 'none' }} data-testid="reports-import" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
                <Button icon={<UploadOutlined />} onClick={(e) => (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()}>
                  {L('导入', 'Import')}
                </Button>
              </span>
            ) : null}
            {can('report:window') ? (
              <Button data-testid="window-open" type="primary" icon={<PlusOutlined />} onClick={() => setOpenWin(true)}>
                {L('开启月份', 'Open a month')}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'all', label: `${L('全部', 'All')} ${list.data?.total ?? ''}` },
          { key: 'missing', label: `${L('缺报', 'Missing')} ${g?.missing.length ?? ''}` },
          { key: 'late', label: `${L('迟报', 'Late')} ${g?.late.length ?? ''}` },
          { key: 'returned', label: `${L('退回', 'Returned')} ${g?.returned.length ?? ''}` },
          { key: 'counts', label: L('按区域/单位统计', 'By region / unit') },
        ]}
      />
      {tab === 'counts' ? (
        <Flex gap={16} wrap>
          <div style={{ flex: 1, minWidth: 320 }}>{counts('byRegion')}</div>
          <div style={{ flex: 1, minWidth: 320 }}>{counts('byUnit')}</div>
        </Flex>
      ) : (
        <Table
          size="small"
          rowKey="projectId"
          loading={list.isLoading}
          dataSource={rows ?? []}
          columns={columns}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 50 }}
          onRow={(r) => ({ onClick: () => setSelected(r), style: { cursor: 'pointer' }, 'data-testid': `review-row-${r.projectId}` }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      <Modal open={openWin} title={L('开启月报填报', 'Open a month for reporting')} onCancel={() => setOpenWin(false)} onOk={() => openMonth.mutate()} confirmLoading={openMonth.isPending} okButtonProps={{ 'data-testid': 'window-open-ok' } as React.ComponentProps<typeof Button>}>
        <Form form={winForm} layout="vertical" initialValues={{ month: dayjs().subtract(1, 'month'), deadline: dayjs().date(5) }}>
          <Form.Item name="month" label={L('填报月份', 'Month')} rules={[{ required: true }]}>
            <DatePicker picker="month" style={{ width: '100%' }} data-testid="window-month" />
          </Form.Item>
          <Form.Item name="deadline" label={L('截止日期', 'Deadline')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="window-deadline" />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={!!selected} width={Math.min(720, globalThis.innerWidth ?? 720)} title={selected?.projectName} onClose={() => setSelected(null)}>
        {d ? (
          <Flex vertical gap={12}>
            <ReportStatusTag report={d} testId="report-status" />
            {d.status ? (
              <>
                <Typography.Paragraph>
                  <b>{L('形象进度：', 'Progress: ')}</b>
                  {d.progressText ?? '—'}
                </Typography.Paragraph>
                <Typography.Paragraph>
                  <b>{L('存在问题：', 'Problems: ')}</b>
                  {d.problemsText ?? '—'}
                </Typography.Paragraph>
                {d.id && d.problemsText ? <ReportProblemLink reportId={d.id} /> : null}
                <Space wrap>
                  {d.photos.map((p) => (
                    <a key={p.id} href={`/api/photos/${p.id}`} target="_blank" rel="noreferrer">
                      <img src={`/api/photos/${p.id}/thumb`} width={100} alt="" />
                    </a>
                  ))}
                </Space>
                <ReportFigures r={d} />
              </>
            ) : (
              <Typography.Text type="secondary">{L('尚未填报', 'Not filled yet')}</Typography.Text>
            )}
            {d.returnReason && d.status === 'returned' ? <Typography.Text type="danger">{L('退回原因：', 'Reason: ') + d.returnReason}</Typography.Text> : null}
            {d.abilities.review ? (
              <Flex vertical gap={8}>
                <Input.TextArea data-testid="review-reason" placeholder={L('退回原因', 'Reason for returning')} value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} />
                <Flex gap={8}>
                  <Button data-testid="review-accept" type="primary" loading={review.isPending} onClick={() => review.mutate('accept')}>
                    {L('审核通过', 'Accept')}
                  </Button>
                  <Button data-testid="review-return" danger disabled={!reason.trim()} loading={review.isPending} onClick={() => review.mutate('return')}>
                    {L('退回', 'Return')}
                  </Button>
                </Flex>
              </Flex>
            ) : null}
            {d.abilities.revise ? (
              <Flex gap={8} wrap align="center">
                <InputNumber placeholder={L('修订后投资', 'New investment')} min={0} precision={2} value={revise?.investment} onChange={(v) => setRevise({ reason: revise?.reason ?? '', investment: v ?? undefined })} />
                <Input style={{ width: 220 }} placeholder={L('修订原因', 'Reason')} value={revise?.reason} onChange={(e) => setRevise({ ...revise, reason: e.target.value })} />
                <Button disabled={!revise?.reason?.trim() || revise.investment == null} onClick={() => review.mutate('revise')}>
                  {L('修订', 'Revise')}
                </Button>
              </Flex>
            ) : null}
            <RevisionHistory r={d} />
          </Flex>
        ) : null}
      </Drawer>
    </div>
  );
}
