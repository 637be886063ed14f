import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, ConfigProvider, Descriptions, Flex, Form, Image, Input, InputNumber, Spin, Timeline, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ReportDetail } from '@tiaodu/contracts';
import { errorText, applyFieldErrors } from '../../../api/errors';
import { formatDateTime, formatWan } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { reportKeys, reportsApi } from '../api/reports';
import { ReportStatusTag } from './ReportStatusTag';
import { problemKeys } from '../../problems/api/problems';
import { ReportProblemLink } from '../../problems/components/ReportProblemLink';

const pct = (v: number | null) => (v == null ? '—' : `${v.toFixed(1)}%`);

/** The derived figures of a report (年初至今累计, 占年计划%, 开工至今累计, 占总投资%). */
export function ReportFigures({ r }: { r: ReportDetail }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="report-figures">
      <Descriptions.Item label={L('本月完成投资（万元）', 'This month (10k CNY)')}>{formatWan(r.investment)}</Descriptions.Item>
      <Descriptions.Item label={L('年初至今累计（已审核）', 'Year to date (accepted)')}>{formatWan(r.figures.ytd)}</Descriptions.Item>
      <Descriptions.Item label={L('待审核', 'Awaiting review')}>{formatWan(r.figures.ytdPending)}</Descriptions.Item>
      <Descriptions.Item label={L('占年计划', 'Of annual plan')}>{pct(r.figures.ytdPctOfPlan)}</Descriptions.Item>
      <Descriptions.Item label={L('开工至今累计', 'Since start')}>{formatWan(r.figures.sinceStart)}</Descriptions.Item>
      <Descriptions.Item label={L('占总投资', 'Of total investment')}>{pct(r.figures.sinceStartPctOfTotal)}</Descriptions.Item>
    </Descriptions>
  );
}

export function RevisionHistory({ r }: { r: ReportDetail }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  if (!r.revisions.length) return null;
  const show = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k === 'investment' ? L('投资', 'investment') : L('形象进度', 'progress')}：${v ?? '—'}`)
      .join('；');
  return (
    <div data-testid="report-revisions">
      <Typography.Title level={5}>{L('修订记录', 'Revisions')}</Typography.Title>
      <Timeline
        items={r.revisions.map((v) => ({
          children: (
            <div>
              <b>{L(`第${v.revision}次`, `#${v.revision}`)}</b> {formatDateTime(v.at)} {v.userName}
              <div>
                {show(v.before)} → {show(v.after)}
              </div>
              <Typography.Text type="secondary">{v.reason}</Typography.Text>
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** A project's report of one month: the form a unit fills (usable on a phone), or the read-only view. */
export function ReportForm({ projectId, year, month }: { projectId: number; year: number; month: number }) {
  const { lang, t } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const key = reportKeys.one(projectId, year, month);
  const q = useQuery({ queryKey: key, queryFn: () => reportsApi.get(projectId, year, month) });
  const r = q.data;
  const [files, setFiles] = useState<File[]>([]);
  useEffect(() => {
    if (r) form.setFieldsValue({ investment: r.status ? r.investment : null, progressText: r.progressText, problemsText: r.problemsText });
  }, [r, form]);
  const refresh = (d: ReportDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
    void qc.invalidateQueries({ queryKey: ['reports', 'gaps'] });
  };
  const onError = (e: unknown) => {
    if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
  };
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const v = await form.validateFields();
      let d = await reportsApi.save(projectId, year, month, { investment: v.investment, progressText: v.progressText ?? null, problemsText: v.problemsText ?? null, version: r?.id ? r.version : undefined });
      if (files.length) {
        await reportsApi.uploadPhotos(projectId, year, month, files);
        setFiles([]);
        d = await reportsApi.get(projectId, year, month);
      }
      if (submit) d = await reportsApi.submit(projectId, year, month, d.version);
      return { d, submit };
    },
    onSuccess: ({ d, submit }) => {
      refresh(d);
      // a submission with problems text raised a problem (server: onReportSubmitted)
      if (submit) void qc.invalidateQueries({ queryKey: problemKeys.all });
      message.success(submit ? (d.problemsText?.trim() ? t('problems.fromReportSubmitted') : L('已报送', 'Submitted')) : L('草稿已保存', 'Draft saved'));
    },
    onError,
  });
  const del = useMutation({ mutationFn: (id: number) => reportsApi.deletePhoto(id), onSuccess: () => qc.invalidateQueries({ queryKey: key }), onError });
  if (!r) return q.isError ? <Alert type="error" message={errorText(q.error, lang)} /> : <Spin />;
  const editable = r.abilities.fill;
  // submitted with problems text: onReportSubmitted raised a problem from it
  const raised = !!r.id && !!r.status && r.status !== 'draft' && !!r.problemsText?.trim();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {r.projectName} · {L(`${year}年${month}月`, `${year}-${String(month).padStart(2, '0')}`)}
        </Typography.Title>
        <ReportStatusTag report={r} testId="report-status" />
      </Flex>
      {r.status === 'returned' && r.returnReason ? <Alert type="error" showIcon message={L('月报被退回', 'Returned')} description={r.returnReason} data-testid="report-return-reason" /> : null}
      {!r.window || r.window.status !== 'open' ? <Alert type="info" message={L('本月填报未开启或已关闭', 'Reporting for this month is not open')} /> : r.window ? <Typography.Text type="secondary">{L(`填报截止：${r.window.deadline}`, `Deadline: ${r.window.deadline}`)}</Typography.Text> : null}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item name="investment" label={L('本月完成投资（万元）', 'Investment this month (10k CNY)')} rules={[{ required: true, message: L('请填写本月完成投资', 'Required') }]}>
          <InputNumber data-testid="report-investment" min={0} precision={2} step={10} style={{ width: '100%' }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="progressText" label={L('形象进度', 'Image progress')}>
          <Input.TextArea data-testid="report-progress" autoSize={{ minRows: 3 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="problemsText"
          label={L('存在问题', 'Problems')}
          extra={
            editable || raised ? (
              <Flex vertical gap={2} style={{ paddingTop: 2 }}>
                {editable ? <span data-testid="report-problems-hint">{t('problems.fromReportHint')}</span> : null}
                {raised ? (
                  // the problem raised from this report, or 转为问题 if there is none: usable in the read-only form too
                  <ConfigProvider componentDisabled={false}>
                    <span>
                      <ReportProblemLink reportId={r.id!} />
                    </span>
                  </ConfigProvider>
                ) : null}
              </Flex>
            ) : undefined
          }
        >
          <Input.TextArea data-testid="report-problems" autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={L('现场照片', 'Photos')}>
          <Flex wrap gap={8}>
            {r.photos.map((p) => (
              <div key={p.id} style={{ width: 110 }}>
                <Image src={`/api/photos/${p.id}/thumb`} preview={{ src: `/api/photos/${p.id}` }} width={110} height={82} style={{ objectFit: 'cover' }} alt={p.originalName ?? ''} />
                <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
                  {p.takenAt ? formatDateTime(p.takenAt) : null}
                  {p.lat != null && p.lng != null ? ` ${p.lat.toFixed(4)},${p.lng.toFixed(4)}` : null}
                </Typography.Text>
                {editable ? <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => del.mutate(p.id)} /> : null}
              </div>
            ))}
          </Flex>
          {editable ? (
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginTop: 8, cursor: 'pointer' }}>
              <CameraOutlined />
              <span>{files.length ? L(`已选择 ${files.length} 张，保存时上传`, `${files.length} selected; uploaded on save`) : L('拍照或选择照片', 'Take or choose photos')}</span>
              <input data-testid="report-photos" type="file" accept="image/*" capture="environment" multiple style={{ maxWidth: 200 }} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
            </label>
          ) : null}
        </Form.Item>
      </Form>
      {editable ? (
        <Flex gap={8} wrap>
          <Button data-testid="report-save" icon={<SaveOutlined />} loading={save.isPending && save.variables === false} onClick={() => save.mutate(false)}>
            {L('保存草稿', 'Save draft')}
          </Button>
          <Button data-testid="report-submit" type="primary" icon={<SendOutlined />} loading={save.isPending && save.variables === true} onClick={() => save.mutate(true)}>
            {L('报送', 'Submit')}
          </Button>
        </Flex>
      ) : null}
      {r.status === 'submitted' || r.status === 'accepted' ? <ReportFigures r={r} /> : null}
      <RevisionHistory r={r} />
    </Flex>
  );
}
