import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PROJECT_STAGES, type Project, type ProjectStage } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { StageTag } from '../../../components/StageTag';
import { useChangeStage } from '../hooks/useProjects';

interface Values {
  to: ProjectStage;
  date: Dayjs;
  reason: string;
}

/** Moves a project to another stage with a date and a reason; the server decides which moves are allowed. */
export function StageChangeModal({ project, open, onClose }: { project: Project; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeStage(project.id);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = (v: Values) => {
    setError(null);
    change.mutate(
      { to: v.to, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim(), version: project.version },
      {
        onSuccess: () => {
          message.success(t('stage.changed'));
          onClose();
        },
        onError: (err) => {
          applyFieldErrors(form, err);
          setError(errorText(err, lang));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('stage.modalTitle')}
      onCancel={onClose}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={change.isPending} onClick={() => form.submit()} data-testid="stage-modal-submit">
          {t('stage.submit')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs() }} data-testid="stage-form">
        <Form.Item label={t('stage.current')}>
          <StageTag stage={project.stage} />
        </Form.Item>
        <Form.Item name="to" label={t('stage.to')} rules={[{ required: true, message: t('stage.toRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={PROJECT_STAGES.filter((s) => s.value !== project.stage).map((s) => ({ value: s.value, label: s[lang] }))} data-testid="stage-to" />
        </Form.Item>
        <Form.Item name="date" label={t('stage.date')} rules={[{ required: true, message: t('stage.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('stage.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('stage.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('stage.reasonPlaceholder')} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="stage-error" /> : null}
      </Form>
    </Modal>
  );
}
