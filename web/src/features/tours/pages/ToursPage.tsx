import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Modal, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_TOUR_CRITERIA, TOUR_LEVELS, TOUR_METHODS, type Tour, type TourCriterion, type TourInput } from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useNarrow } from '../../../hooks/useMedia';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { tourKeys, toursApi } from '../api/tours';
import { methodLabel, roundLabel, TourStatusTag } from '../components/labels';

/** 观摩评比: the tours, newest first; the dispatcher creates one here. */
export function ToursPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const narrow = useNarrow();
  const list = useQuery({ queryKey: tourKeys.list, queryFn: toursApi.list });
  const [creating, setCreating] = useState(false);
  const tours = list.data ?? [];
  const actions = (r: Tour) => (
    <Space wrap>
      <Link to={`/tours/${r.id}`} data-testid={`tour-open-${r.id}`}>
        {t('tour.view')}
      </Link>
      {r.abilities.judge ? (
        <Link to={`/tours/${r.id}/score`} data-testid={`tour-score-${r.id}`}>
          <EditOutlined /> {t('tour.goScore')}
        </Link>
      ) : null}
    </Space>
  );
  return (
    <div>
      <PageHeader
        title={t('tour.title')}
        sub={t('tour.sub')}
        extra={
          can('tour:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="tour-new">
              {t('tour.new')}
            </Button>
          ) : null
        }
      />
      {list.isError ? <Alert type="error" message={errorText(list.error, lang)} /> : null}
      {narrow ? (
        <List
          loading={list.isLoading}
          dataSource={tours}
          locale={{ emptyText: <Empty description={t('tour.none')} /> }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid={`tour-card-${r.id}`}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong>{r.name}</Typography.Text>
                <TourStatusTag status={r.status} lang={lang} />
              </Flex>
              <Typography.Text type="secondary">
                {r.date} · {r.level} · {roundLabel(r.round, lang)} · {t('tour.nominationCount', { n: r.nominationCount })}
              </Typography.Text>
              <div style={{ marginTop: 8 }}>{actions(r)}</div>
            </Card>
          )}
        />
      ) : (
        <Table<Tour>
          rowKey="id"
          loading={list.isLoading}
          dataSource={tours}
          pagination={false}
          locale={{ emptyText: <Empty description={t('tour.none')} /> }}
          data-testid="tour-table"
          columns={[
            { title: t('tour.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/tours/${r.id}`}>{v}</Link> },
            { title: t('tour.date'), dataIndex: 'date', width: 110 },
            { title: t('tour.level'), dataIndex: 'level', width: 80 },
            { title: t('tour.round'), dataIndex: 'round', width: 80, render: (v: number) => roundLabel(v, lang) },
            { title: t('tour.organiser'), dataIndex: 'organiser' },
            { title: t('tour.method'), dataIndex: 'method', render: (v: Tour['method']) => methodLabel(v, lang) },
            { title: t('tour.nominations'), dataIndex: 'nominationCount', width: 90, align: 'right' },
            { title: t('common.status'), dataIndex: 'status', width: 90, render: (v: Tour['status']) => <TourStatusTag status={v} lang={lang} /> },
            { title: t('common.actions'), key: 'actions', width: 160, render: (_: unknown, r) => actions(r) },
          ]}
        />
      )}
      {creating ? <TourForm onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

interface FormValues {
  name: string;
  date: string;
  endDate?: string;
  level: string;
  organiser: string;
  round: number;
  method: Tour['method'];
  judges: number[];
  criteria: TourCriterion[];
  note?: string;
}

/** New tour: name, dates, level, organiser, 第N次, method, judges from the pool, criteria with their points. */
function TourForm({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const judges = useQuery({ queryKey: tourKeys.judges, queryFn: toursApi.judges });
  const criteria = Form.useWatch('criteria', form) as TourCriterion[] | undefined;
  const full = (criteria ?? []).reduce((s, c) => s + (Number(c?.max) || 0), 0);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: TourInput = { ...v, endDate: v.endDate || null, note: v.note || null, criteria: v.criteria.map((c, i) => ({ ...c, key: c.key || `c${i + 1}` })) };
      return toursApi.create(body);
    },
    onSuccess: (tour) => {
      message.success(t('common.created'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
      onClose();
      navigate(`/tours/${tour.id}`);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  const year = new Date().getFullYear();
  return (
    <Modal open title={t('tour.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'tour-save' }} width={720} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="tour-form"
        initialValues={{ level: '县级', round: 1, method: 'trimmed', judges: [], criteria: DEFAULT_TOUR_CRITERIA, name: t('tour.defaultName', { y: year }) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('tour.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="date" label={t('tour.date')} rules={[{ required: true, message: t('common.required') }]} style={{ minWidth: 160 }}>
            <Input type="date" data-testid="tour-date" />
          </Form.Item>
          <Form.Item name="endDate" label={t('tour.endDate')} tooltip={t('tour.endDateHint')} style={{ minWidth: 160 }}>
            <Input type="date" data-testid="tour-end-date" />
          </Form.Item>
          <Form.Item name="level" label={t('tour.level')} style={{ minWidth: 120 }}>
            <AutoComplete options={TOUR_LEVELS.map((l) => ({ value: l.value, label: l[lang] }))} />
          </Form.Item>
          <Form.Item name="round" label={t('tour.round')} style={{ width: 100 }}>
            <InputNumber min={1} max={999} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="organiser" label={t('tour.organiser')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={80} data-testid="tour-organiser" />
        </Form.Item>
        <Form.Item name="method" label={t('tour.method')}>
          <Select options={TOUR_METHODS.map((m) => ({ value: m.value, label: m[lang] }))} data-testid="tour-method" />
        </Form.Item>
        <Form.Item name="judges" label={t('tour.judges')} extra={t('tour.judgesHint')}>
          <Select mode="multiple" data-testid="tour-judges" loading={judges.isLoading} optionFilterProp="label" options={(judges.data ?? []).map((j) => ({ value: j.userId, label: `${j.displayName}${j.title ? `（${j.title}）` : ''}` }))} />
        </Form.Item>
        <Typography.Text strong>{t('tour.criteria', { n: full })}</Typography.Text>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 1 }}>
                    <Input placeholder={t('tour.criterionName')} maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={0.5} max={1000} addonAfter={t('tour.points')} style={{ width: 130 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', max: 10 })}>
                {t('tour.addCriterion')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="note" label={t('tour.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
