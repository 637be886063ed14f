import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_KINDS, ASSIGNMENT_SOURCES, type AssignmentDetail, type AssignmentKind, type AssignmentSource, type TaskUnitRef } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { PersonSelect, UnitSelect, UnitsSelect } from '../../tasks/components/Pickers';
import { assignmentKeys, assignmentsApi } from '../api/assignments';

interface Values {
  kind: AssignmentKind;
  title: string;
  content: string;
  source: AssignmentSource;
  meetingName?: string;
  meetingDate?: Dayjs;
  assignerPersonId?: number | null;
  assignee?: TaskUnitRef | null;
  coUnits?: TaskUnitRef[];
  limitBy: 'days' | 'date';
  limitDays?: number;
  dueDate?: Dayjs;
}

const FIELDS = new Set(['kind', 'title', 'content', 'source', 'meetingName', 'meetingDate', 'assignerPersonId', 'assignee', 'coUnits', 'limitDays', 'dueDate']);

/**
 * 新建交办: kind, title, content, the meeting (or a leader directly), the assigner (default: the
 * user), the assignee unit and co-units, and the limit in working days or a due date. The
 * server's 400 `details` land on the fields (`assignee.unitId` on 承办单位).
 */
export function AssignmentForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved?: (a: AssignmentDetail) => void }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const source = Form.useWatch('source', form);
  const limitBy = Form.useWatch('limitBy', form);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);
  const create = useMutation({
    mutationFn: (v: Values) =>
      assignmentsApi.create({
        kind: v.kind,
        title: v.title,
        content: v.content,
        source: v.source,
        meetingName: v.source === 'meeting' ? (v.meetingName ?? null) : null,
        meetingDate: v.source === 'meeting' && v.meetingDate ? v.meetingDate.format('YYYY-MM-DD') : null,
        assignerPersonId: v.assignerPersonId ?? null,
        assignee: (v.assignee ?? { unitType: 'region', unitId: '' }) as AssignmentDetail['assignee'],
        coUnits: v.coUnits ?? [],
        limitDays: v.limitBy === 'days' ? (v.limitDays ?? null) : null,
        dueDate: v.limitBy === 'date' && v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
      }),
    onSuccess: (a) => {
      message.success(t('assign.created', { due: formatDate(a.dueDate, lang) }));
      void qc.invalidateQueries({ queryKey: assignmentKeys.all });
      onClose();
      onSaved?.(a);
    },
    onError: (err) => {
      setError(errorText(err, lang));
      if (err instanceof ApiError && err.details.length) {
        const byField = new Map<string, string[]>();
        for (const d of err.details) {
          const name = d.path.split(/[.[\]/]+/).filter(Boolean)[0] ?? '';
          if (FIELDS.has(name)) byField.set(name, [...(byField.get(name) ?? []), d.message]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
      }
    },
  });
  const required = (f: string) => ({ required: true, whitespace: true, message: t('assign.f.required', { f }) });
  return (
    <Modal
      open={open}
      title={t('assign.f.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      width={640}
      okButtonProps={{ 'data-testid': 'assign-form-ok' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: '交办', source: 'meeting', limitBy: 'days', coUnits: [] }}
        onFinish={(v) => {
          setError(null);
          create.mutate(v);
        }}
        data-testid="assign-form"
      >
        <Form.Item name="kind" label={t('assign.f.kind')}>
          <Radio.Group optionType="button" options={options(ASSIGNMENT_KINDS)} data-testid="assign-f-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('assign.f.itemTitle')} rules={[required(t('assign.f.itemTitle'))]}>
          <Input maxLength={200} data-testid="assign-f-title" />
        </Form.Item>
        <Form.Item name="content" label={t('assign.f.content')} rules={[required(t('assign.f.content'))]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="assign-f-content" />
        </Form.Item>
        <Form.Item name="source" label={t('assign.f.source')}>
          <Radio.Group options={options(ASSIGNMENT_SOURCES)} data-testid="assign-f-source" />
        </Form.Item>
        {source === 'meeting' ? (
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item name="meetingName" label={t('assign.f.meetingName')} style={{ flex: '1 1 240px' }}>
              <Input maxLength={100} placeholder="县委常委会" data-testid="assign-f-meeting" />
            </Form.Item>
            <Form.Item name="meetingDate" label={t('assign.f.meetingDate')} style={{ flex: '0 1 180px' }}>
              <DatePicker style={{ width: '100%' }} data-testid="assign-f-meeting-date" />
            </Form.Item>
          </div>
        ) : null}
        <Form.Item name="assignerPersonId" label={t('assign.f.assigner')}>
          <PersonSelect leaders testId="assign-f-assigner" placeholder={t('assign.f.assignerHelp')} />
        </Form.Item>
        <Form.Item name="assignee" label={t('assign.f.assignee')} rules={[{ required: true, message: t('assign.f.required', { f: t('assign.f.assignee') }) }]}>
          <UnitSelect testId="assign-f-assignee" />
        </Form.Item>
        <Form.Item name="coUnits" label={t('assign.f.coUnits')}>
          <UnitsSelect testId="assign-f-co" />
        </Form.Item>
        <Form.Item name="limitBy" label={t('assign.f.limitBy')} style={{ marginBottom: 8 }}>
          <Radio.Group
            data-testid="assign-f-limit-by"
            options={[
              { value: 'days', label: t('assign.f.byDays') },
              { value: 'date', label: t('assign.f.byDate') },
            ]}
          />
        </Form.Item>
        {limitBy === 'date' ? (
          <Form.Item name="dueDate" label={t('assign.f.dueDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="assign-f-due" />
          </Form.Item>
        ) : (
          <Form.Item name="limitDays" label={t('assign.f.limitDays')} extra={t('assign.f.limitHelp')}>
            <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} data-testid="assign-f-limit" />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={error} data-testid="assign-form-error" /> : null}
      </Form>
    </Modal>
  );
}

