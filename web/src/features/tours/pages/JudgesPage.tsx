import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, type TourJudge, type TourJudgeInput } from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { tourKeys, toursApi } from '../api/tours';

/** 评委库: the accounts a tour's panel is drawn from, with their title and organisation. */
export function JudgesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const judges = useQuery({ queryKey: tourKeys.judges, queryFn: toursApi.judges });
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (id: number) => toursApi.removeJudge(id),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const manage = can('tour:manage');
  return (
    <div>
      <PageHeader
        title={t('tour.judgePool')}
        sub={t('tour.judgePoolSub')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="judge-new">
              {t('tour.addJudge')}
            </Button>
          ) : null
        }
      />
      {judges.isError ? <Alert type="error" message={errorText(judges.error, lang)} /> : null}
      <Table<TourJudge>
        rowKey="id"
        loading={judges.isLoading}
        dataSource={judges.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('tour.judgeName'), dataIndex: 'displayName' },
          { title: t('tour.judgeTitle'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('tour.judgeOrg'), dataIndex: 'organisation', render: (v: string | null) => v ?? '—' },
          { title: t('tour.judgeRole'), dataIndex: 'role', render: (v: string) => ROLES.find((r) => r.value === v)?.[lang] ?? v },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, r: TourJudge) => (
                    <Popconfirm title={t('common.deleteConfirm', { name: r.displayName })} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding ? <JudgeForm onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function JudgeForm({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TourJudgeInput>();
  const candidates = useQuery({ queryKey: tourKeys.candidates, queryFn: toursApi.candidates });
  const save = useMutation({
    mutationFn: (v: TourJudgeInput) => toursApi.addJudge(v),
    onSuccess: () => {
      message.success(t('common.created'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  return (
    <Modal open title={t('tour.addJudge')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="userId" label={t('tour.judgeAccount')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            options={(candidates.data ?? []).map((c) => ({ value: c.userId, label: `${c.displayName}（${c.username}）${c.title ? ` · ${c.title}` : ''}` }))}
            onChange={(v) => {
              const c = candidates.data?.find((x) => x.userId === v);
              if (c?.title && !form.getFieldValue('title')) form.setFieldValue('title', c.title);
            }}
          />
        </Form.Item>
        <Form.Item name="title" label={t('tour.judgeTitle')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="organisation" label={t('tour.judgeOrg')}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
