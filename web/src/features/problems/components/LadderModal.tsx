import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LADDER_HOLDERS, type Ladder } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { api } from '../../../api/client';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { problemKeys, problemsApi } from '../api/problems';

/** The escalation ladder of the deployment: levels, their limits in working days and who holds each. */
export function LadderModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Ladder>();
  const [error, setError] = useState<string | null>(null);
  const ladder = useQuery({ queryKey: problemKeys.ladder, queryFn: problemsApi.ladder, enabled: open });
  useEffect(() => {
    if (open && ladder.data) {
      form.setFieldsValue(ladder.data);
      setError(null);
    }
  }, [open, ladder.data, form]);
  const save = useMutation({
    mutationFn: (v: Ladder) => api<Ladder>('/api/problems/ladder', { method: 'PUT', body: v }),
    onSuccess: (v) => {
      qc.setQueryData(problemKeys.ladder, v);
      message.success(t('common.saved'));
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      setError(errorText(err, lang));
    },
  });
  return (
    <Modal open={open} title={t('problems.ladder.title')} width={640} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} forceRender>
      <Form form={form} onFinish={(v) => save.mutate(v)} layout="vertical">
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="flex-start" wrap>
                  <Form.Item name={[f.name, 'name']} label={i === 0 ? t('problems.ladder.name') : undefined} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 160px' }}>
                    <Input maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'limitDays']} label={i === 0 ? t('problems.ladder.limit') : undefined} rules={[{ required: true }]} style={{ width: 130 }}>
                    <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'holder']} label={i === 0 ? t('problems.ladder.holder') : undefined} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
                    <Select options={options(LADDER_HOLDERS)} disabled={i === 0} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={i === 0 || fields.length <= 2} onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} disabled={fields.length >= 6} onClick={() => add({ name: '', limitDays: 5, holder: 'dispatchers' })}>
                {t('problems.ladder.add')}
              </Button>
            </>
          )}
        </Form.List>
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Modal>
  );
}
