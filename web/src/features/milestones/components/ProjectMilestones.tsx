import { Link } from 'react-router';
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Milestone } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { useCan } from '../../auth/hooks/useAuth';
import { useDepartments } from '../../org/hooks/useLookups';
import { milestoneKeys, milestonesApi } from '../api/milestones';
import { MilestoneStatus } from './MilestoneStatus';

const D = 'YYYY-MM-DD';
const toStr = (d: dayjs.Dayjs | null | undefined) => (d ? d.format(D) : null);

/** 节点计划 of one project: the milestones table, apply-template (倒排工期) and edit / mark done. */
export function ProjectMilestones({ projectId, canPlan }: { projectId: number; canPlan: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: milestoneKeys.project(projectId), queryFn: () => milestonesApi.list(projectId) });
  const [applyOpen, setApplyOpen] = useState(false);
  const [editing, setEditing] = useState<Milestone | null>(null);
  const invalidate = () => qc.invalidateQueries({ queryKey: milestoneKeys.all });
  const remove = useMutation({ mutationFn: (id: number) => milestonesApi.remove(id), onSuccess: invalidate });

  const planner = canPlan && can('milestone:edit');
  return (
    <div data-testid="project-milestones">
      <Space style={{ marginBottom: 8 }}>
        {planner ? (
          <Button type="primary" onClick={() => setApplyOpen(true)} data-testid="btn-apply-template">
            {t('ms.apply')}
          </Button>
        ) : null}
        {list.data?.length ? (
          <Link to={`/gantt?projectId=${projectId}`} data-testid="link-project-gantt">
            {t('ms.onWallChart')}
          </Link>
        ) : null}
      </Space>
      <Table<Milestone>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('ms.empty') }}
        columns={[
          { title: t('ms.node'), dataIndex: 'name', width: 130 },
          { title: t('ms.unit'), key: 'unit', width: 170, render: (_, m) => [m.responsibleDeptName, m.responsiblePerson].filter(Boolean).join(' · ') || '—' },
          { title: t('ms.start'), dataIndex: 'startDate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('ms.due'), dataIndex: 'dueDate', width: 100 },
          { title: t('ms.doneDate'), dataIndex: 'doneDate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('ms.status'), key: 'status', width: 110, render: (_, m) => <MilestoneStatus m={m} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, m) =>
              m.canEdit && m.canEdit !== 'none' ? (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setEditing(m)} data-testid={`ms-edit-${m.seq}`}>
                    {m.canEdit === 'all' ? t('common.edit') : t('ms.markDone')}
                  </Button>
                  {m.canEdit === 'all' ? (
                    <Popconfirm title={t('common.deleteConfirm', { name: m.name })} onConfirm={() => remove.mutateAsync(m.id).catch((e: unknown) => message.error(errorText(e, lang)))}>
                      <Button size="small" type="link" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
        rowClassName={(m) => (m.overdue ? 'ms-row-overdue' : '')}
      />
      <ApplyTemplateModal projectId={projectId} open={applyOpen} hasMilestones={(list.data?.length ?? 0) > 0} onClose={() => setApplyOpen(false)} onDone={invalidate} />
      {editing ? <EditMilestoneModal m={editing} onClose={() => setEditing(null)} onDone={invalidate} /> : null}
    </div>
  );
}

function ApplyTemplateModal({ projectId, open, hasMilestones, onClose, onDone }: { projectId: number; open: boolean; hasMilestones: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const templates = useQuery({ queryKey: milestoneKeys.templates, queryFn: milestonesApi.templates, enabled: open });
  const apply = useMutation({ mutationFn: (v: { templateId: number; targetDate: string; replace?: boolean }) => milestonesApi.apply(projectId, v) });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await apply.mutateAsync({ templateId: v.templateId, targetDate: toStr(v.targetDate)!, replace: v.replace || undefined });
      message.success(t('ms.applied'));
      onDone();
      onClose();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} title={t('ms.apply')} onCancel={onClose} onOk={submit} confirmLoading={apply.isPending} okText={t('common.confirm')} cancelText={t('common.cancel')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('ms.applyHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ replace: false }}>
        <Form.Item name="templateId" label={t('ms.template')} rules={[{ required: true, message: t('ms.templateRequired') }]}>
          <Select
            data-testid="ms-template"
            loading={templates.isPending}
            options={(templates.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name}（${x.nodes.length}${t('ms.nodes')}）` }))}
          />
        </Form.Item>
        <Form.Item name="targetDate" label={t('ms.target')} rules={[{ required: true, message: t('ms.targetRequired') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="ms-target" />
        </Form.Item>
        {hasMilestones ? (
          <Form.Item name="replace" valuePropName="checked">
            <Checkbox>{t('ms.replace')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Edit a milestone: every field for planners, done date and note for the responsible department. */
export function EditMilestoneModal({ m, onClose, onDone }: { m: Milestone; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const depts = useDepartments();
  const all = m.canEdit === 'all';
  const save = useMutation({ mutationFn: (patch: Parameters<typeof milestonesApi.update>[1]) => milestonesApi.update(m.id, patch) });
  const submit = async () => {
    const v = await form.validateFields();
    const patch = all
      ? { version: m.version, name: v.name, startDate: toStr(v.startDate), dueDate: toStr(v.dueDate)!, doneDate: toStr(v.doneDate), responsibleDeptId: v.responsibleDeptId ?? null, responsiblePerson: v.responsiblePerson ?? null, note: v.note ?? null }
      : { version: m.version, doneDate: toStr(v.doneDate), note: v.note ?? null };
    try {
      await save.mutateAsync(patch);
      message.success(t('ms.saved'));
      onDone();
      onClose();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open title={`${m.name}`} onCancel={onClose} onOk={submit} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: m.name,
          startDate: m.startDate ? dayjs(m.startDate) : null,
          dueDate: dayjs(m.dueDate),
          doneDate: m.doneDate ? dayjs(m.doneDate) : null,
          responsibleDeptId: m.responsibleDeptId,
          responsiblePerson: m.responsiblePerson,
          note: m.note,
        }}
      >
        {all ? (
          <>
            <Form.Item name="name" label={t('ms.node')} rules={[{ required: true, message: t('ms.nameRequired') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="startDate" label={t('ms.start')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="dueDate" label={t('ms.due')} rules={[{ required: true, message: t('ms.dueRequired') }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="responsibleDeptId" label={t('ms.unitDept')}>
              <Select allowClear showSearch optionFilterProp="label" options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
            <Form.Item name="responsiblePerson" label={t('ms.person')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="doneDate" label={t('ms.doneDate')}>
          <DatePicker data-testid="ms-done-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('ms.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
