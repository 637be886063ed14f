import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Popconfirm, Select, Skeleton, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Adjustment, Competition } from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { PermissionGate } from '../../../components/PermissionGate';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { cadenceOf, periodName } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi } from '../api/competitions';
import { formatPoints } from './Marks';
import { cadencePeriodOf, contestantKey, periodsOfCompetition } from './periods';

/** The contestants of a scheme, by sequence, with their names. */
export function contestantOptions(c: Competition) {
  return c.scheme.sequences.map((s) => ({
    label: s.name,
    options: s.contestants.map((x) => {
      const id = contestantKey(x);
      return { value: id, label: c.names.units[id] ?? x.name ?? id };
    }),
  }));
}

/** The evidence files of an entry as links. */
export function EvidenceLinks({ competitionId, a }: { competitionId: number; a: Adjustment }) {
  if (!a.files.length) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {a.files.map((f) => (
        <a key={f.id} href={competitionsApi.evidenceUrl(competitionId, a.id, f.id)} target="_blank" rel="noreferrer" data-testid={`evidence-${f.id}`}>
          <PaperClipOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}

interface FormValues {
  contestantId: string;
  itemId: string;
  points: number;
  reason: string;
}

/** 加减分: the bonus and penalty entries of a period, and the form to add one with its evidence. */
export function AdjustmentsPanel({ competition, period: shown }: { competition: Competition; period: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // entries go on the competition's own periods (the months of a monthly one)
  const [period, setPeriod] = useState(() => cadencePeriodOf(competition.cadence, shown));
  const own = periodsOfCompetition(competition.cadence, competition.year).filter((p) => cadenceOf(p) === competition.cadence);
  const id = competition.id;
  const list = useQuery({ queryKey: competitionKeys.adjustments(id, period), queryFn: () => competitionsApi.adjustments(id, period) });
  const items = competition.scheme.items.filter((i) => i.rule.kind === 'adjustment');
  const itemName = (itemId: string) => competition.scheme.items.find((i) => i.id === itemId)?.name ?? itemId;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['competitions', id, 'adjustments'] });
    void qc.invalidateQueries({ queryKey: ['competitions', id, 'contestant'] });
  };
  const add = useMutation({
    mutationFn: async (v: FormValues) => {
      const a = await competitionsApi.addAdjustment(id, { period, contestantId: v.contestantId, itemId: v.itemId, points: v.points, reason: v.reason });
      for (const f of files) if (f.originFileObj) await competitionsApi.uploadEvidence(id, a.id, f.originFileObj);
      return a;
    },
    onSuccess: () => {
      message.success(t('comp.adj.added'));
      form.resetFields();
      setFiles([]);
      refresh();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (aid: number) => competitionsApi.deleteAdjustment(id, aid),
    onSuccess: () => {
      message.success(t('common.deleted'));
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={8} align="center" wrap>
        <Select style={{ width: 160 }} value={period} onChange={setPeriod} options={[...own].reverse().map((p) => ({ value: p, label: periodName(p, lang) }))} data-testid="adjustment-period" aria-label={t('comp.col.period')} />
        <Typography.Text type="secondary">{t('comp.adj.sub', { period: periodName(period, lang) })}</Typography.Text>
      </Flex>
      {list.isPending ? (
        <Skeleton active />
      ) : list.error ? (
        <Alert type="error" message={errorText(list.error, lang)} />
      ) : !list.data.length ? (
        <Empty description={t('comp.adj.none')} />
      ) : (
        <Table<Adjustment>
          size="small"
          rowKey="id"
          data-testid="adjustments"
          pagination={false}
          dataSource={list.data}
          scroll={{ x: 860 }}
          columns={[
            { title: t('comp.col.unit'), dataIndex: 'name', width: 120 },
            { title: t('comp.col.item'), dataIndex: 'itemId', width: 130, render: (i: string) => itemName(i) },
            { title: t('comp.col.points'), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : 'success'}>{formatPoints(p, true)}</Typography.Text> },
            { title: t('comp.col.reason'), dataIndex: 'reason' },
            { title: t('comp.col.evidence'), key: 'files', width: 170, render: (_, a) => <EvidenceLinks competitionId={id} a={a} /> },
            { title: t('comp.col.createdBy'), key: 'by', width: 150, render: (_, a) => `${a.createdBy ?? '—'} ${formatDateTime(a.createdAt)}` },
            ...(can('competition:compute')
              ? [
                  {
                    title: t('common.actions'),
                    key: 'act',
                    width: 64,
                    render: (_: unknown, a: Adjustment) => (
                      <Popconfirm title={t('comp.adj.deleteConfirm')} onConfirm={() => remove.mutate(a.id)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <PermissionGate permission="competition:compute">
        <Card size="small" title={t('comp.adj.new')}>
          {!items.length ? (
            <Alert type="info" showIcon message={t('comp.adj.noItem')} />
          ) : (
            <Form form={form} layout="vertical" data-testid="adjustment-form" onFinish={(v) => add.mutate(v)} initialValues={{ itemId: items[0]?.id }} style={{ maxWidth: 720 }}>
              <Space wrap align="start" size={12}>
                <Form.Item name="contestantId" label={t('comp.col.unit')} rules={[{ required: true, message: t('comp.adj.pickUnit') }]}>
                  <Select style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} options={contestantOptions(competition)} placeholder={t('common.pleaseSelect')} />
                </Form.Item>
                <Form.Item name="itemId" label={t('comp.col.item')} rules={[{ required: true, message: t('comp.adj.pickItem') }]}>
                  <Select style={{ width: 200 }} options={items.map((i) => ({ value: i.id, label: i.name }))} />
                </Form.Item>
                <Form.Item name="points" label={t('comp.col.points')} rules={[{ required: true, message: t('comp.adj.pointsRequired') }]} extra={t('comp.adj.pointsHelp')}>
                  <InputNumber style={{ width: 120 }} step={0.5} />
                </Form.Item>
              </Space>
              <Form.Item name="reason" label={t('comp.col.reason')} rules={[{ required: true, whitespace: true, message: t('comp.adj.reasonRequired') }]}>
                <Input.TextArea rows={2} maxLength={300} showCount />
              </Form.Item>
              <Form.Item label={t('comp.col.evidence')}>
                <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
                  <Button icon={<UploadOutlined />}>{t('comp.adj.upload')}</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="adjustment-save">
                {t('comp.adj.save')}
              </Button>
            </Form>
          )}
        </Card>
      </PermissionGate>
    </Space>
  );
}
