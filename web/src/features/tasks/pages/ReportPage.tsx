import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { CameraOutlined, LeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { taskKeys, tasksApi } from '../api/tasks';
import { LightMark } from '../components/Marks';
import { periodLabel } from '../components/taskView';
import { useTask } from '../hooks/useTasks';

const MAX_FILE = 20 * 1024 * 1024;

interface Values {
  period: string;
  figures: Record<string, string | undefined>;
  text?: string;
  nodeIdsDone: number[];
}

/** 填报进展 on a phone: the period, a figure per quantified target, words, nodes done and photos from the camera. */
export function ReportPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const task = useTask(id);
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<File[]>([]);
  const send = useMutation({
    mutationFn: async ({ v, submit }: { v: Values; submit: boolean }) => {
      const figures = Object.entries(v.figures ?? {})
        .filter(([, val]) => val != null && String(val).trim() !== '')
        .map(([targetId, value]) => ({ targetId: Number(targetId), value: String(value).trim() }));
      const report = await tasksApi.report(id, { period: v.period, figures, text: v.text || null, nodeIdsDone: v.nodeIdsDone ?? [], submit });
      if (photos.length) await tasksApi.reportFiles(report.id, photos);
      return report;
    },
    onSuccess: (_, { submit }) => {
      message.success(submit ? t('task.r.sent') : t('task.saved'));
      void qc.invalidateQueries({ queryKey: taskKeys.all });
      navigate(`/tasks/${id}`);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });

  if (task.isLoading) return <Skeleton active />;
  if (task.isError || !task.data) return <Alert type="error" message={errorText(task.error, lang)} />;
  const d = task.data;
  const quantities = d.targets.filter((x) => x.kind === 'quantity' && !x.fromProjects);
  const openNodes = d.nodes.filter((n) => !n.doneDate);
  const submit = (asDraft: boolean) =>
    form
      .validateFields()
      .then((v) => send.mutate({ v, submit: !asDraft }))
      .catch(() => undefined);

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="task-report-page">
      <Link to={`/tasks/${id}`}>
        <Button type="link" icon={<LeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('task.r.back')}
        </Button>
      </Link>
      <Typography.Title level={4} style={{ marginTop: 0, overflowWrap: 'anywhere' }}>
        {d.title}
      </Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <LightMark light={d.light} reason={d.lightReason} done={d.done} />
        <Typography.Text type="secondary">{d.leadUnitName}</Typography.Text>
      </Flex>
      {d.openPeriods.length === 0 ? (
        <Empty description={t('task.r.noPeriod')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ period: d.openPeriods[d.openPeriods.length - 1], nodeIdsDone: [] }} data-testid="task-report-form">
          <Form.Item name="period" label={t('task.r.period')} rules={[{ required: true }]}>
            <Select options={d.openPeriods.map((p) => ({ value: p, label: periodLabel(p, lang) }))} data-testid="report-period" />
          </Form.Item>
          {quantities.map((x) => (
            <Form.Item key={x.id} name={['figures', String(x.id)]} label={t('task.r.figure', { name: x.name, v: x.value ?? '—', unit: x.unit })}>
              <Input inputMode="decimal" suffix={x.unit} placeholder={x.reached ?? ''} data-testid={`report-figure-${x.id}`} />
            </Form.Item>
          ))}
          <Form.Item name="text" label={t('task.r.text')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="report-text" />
          </Form.Item>
          {openNodes.length ? (
            <Form.Item name="nodeIdsDone" label={t('task.r.nodesDone')}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={openNodes.map((n) => ({ value: n.id, label: `${n.name}（${n.dueDate}）` }))} data-testid="report-nodes" />
            </Form.Item>
          ) : null}
          <Card size="small" style={{ marginBottom: 16 }}>
            <label style={{ display: 'block', cursor: 'pointer' }}>
              <Space>
                <CameraOutlined style={{ fontSize: 20 }} />
                {t('task.r.photos')}
              </Space>
              <input
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                style={{ display: 'block', marginTop: 8, maxWidth: '100%' }}
                data-testid="report-photo"
                onChange={(e) => {
                  const list = Array.from(e.target.files ?? []).filter((f) => f.size <= MAX_FILE);
                  setPhotos((cur) => [...cur, ...list].slice(0, 10));
                  e.target.value = '';
                }}
              />
            </label>
            {photos.length ? (
              <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="report-photos">
                {photos.map((p, i) => (
                  <Space key={`${p.name}-${i}`} size={4}>
                    <Typography.Text style={{ maxWidth: 160 }} ellipsis>
                      {p.name}
                    </Typography.Text>
                    <Button size="small" type="text" danger onClick={() => setPhotos((cur) => cur.filter((_, j) => j !== i))}>
                      ×
                    </Button>
                  </Space>
                ))}
              </Flex>
            ) : null}
          </Card>
          <Flex gap={8}>
            <Button block icon={<SaveOutlined />} onClick={() => submit(true)} loading={send.isPending && !send.variables?.submit} data-testid="report-draft">
              {t('task.r.draft')}
            </Button>
            <Button block type="primary" icon={<SendOutlined />} onClick={() => submit(false)} loading={send.isPending && !!send.variables?.submit} data-testid="report-submit">
              {t('task.r.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
