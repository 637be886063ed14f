import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, type ButtonProps, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { PROBLEM_RATINGS, type AssignmentDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { assignmentKeys, assignmentsApi } from '../api/assignments';

type Dialog = 'answer' | 'rate';

/** A mutation that puts the new item in the cache and refreshes the lists and the notices. */
function useItemMutation<V>(item: AssignmentDetail, fn: (v: V) => Promise<AssignmentDetail>, onDone: (a: AssignmentDetail) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(assignmentKeys.one(item.id), a);
      void qc.invalidateQueries({ queryKey: assignmentKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      onDone(a);
    },
  });
}

/** A modal around a form cleared when it opens; the server's errors on the fields and above the buttons. */
function DialogForm<V>({ open, title, testId, form, mutation, onClose, children }: {
  open: boolean;
  title: string;
  testId: string;
  form: FormInstance<V>;
  mutation: UseMutationResult<AssignmentDetail, Error, V>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={mutation.isPending} forceRender okButtonProps={{ 'data-testid': `${testId}-ok` } as ButtonProps}>
      <Form<V>
        form={form}
        layout="vertical"
        data-testid={`${testId}-form`}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v, {
            onError: (err) => {
              applyFieldErrors(form, err);
              setError(errorText(err, lang));
            },
          });
        }}
      >
        {children}
        {error ? <Alert type="error" showIcon title={error} data-testid={`${testId}-error`} /> : null}
      </Form>
    </Modal>
  );
}

export function AssignmentDialogs({ item, open, onClose }: { item: AssignmentDetail; open: Dialog | null; onClose: () => void }) {
  return (
    <>
      <AnswerModal item={item} open={open === 'answer'} onClose={onClose} />
      <RateModal item={item} open={open === 'rate'} onClose={onClose} />
    </>
  );
}

function AnswerModal({ item, open, onClose }: { item: AssignmentDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const m = useItemMutation(item, (v: { answer: string }) => assignmentsApi.answer(item.id, { answer: v.answer, version: item.version }), () => {
    message.success(t('assign.answer.done'));
    onClose();
  });
  return (
    <DialogForm open={open} title={t('assign.answer.title')} testId="assign-answer" form={form} mutation={m} onClose={onClose}>
      <Form.Item name="answer" label={t('assign.answer.text')} rules={[{ required: true, whitespace: true, message: t('assign.answer.required') }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="assign-answer-text" />
      </Form.Item>
    </DialogForm>
  );
}

interface RateValues {
  rating: string;
  note?: string;
  limitDays?: number;
}

function RateModal({ item, open, onClose }: { item: AssignmentDetail; open: boolean; onClose: () => void }) {
  const { t, options } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const rating = Form.useWatch('rating', form);
  const m = useItemMutation(
    item,
    (v: RateValues) => assignmentsApi.rate(item.id, { rating: v.rating, note: v.note ?? null, limitDays: v.rating === 'unsatisfied' ? (v.limitDays ?? undefined) : undefined, version: item.version }),
    (a) => {
      message.success(a.status === 'closed' ? t('assign.rate.closed') : t('assign.rate.reopened'));
      onClose();
    },
  );
  return (
    <DialogForm open={open} title={t('assign.rate.title')} testId="assign-rate" form={form} mutation={m} onClose={onClose}>
      <Form.Item name="rating" label={t('assign.rate.rating')} rules={[{ required: true, message: t('assign.rate.ratingRequired') }]}>
        <Radio.Group data-testid="assign-rate-rating" options={options(PROBLEM_RATINGS)} />
      </Form.Item>
      <Form.Item name="note" label={t('assign.rate.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="assign-rate-note" />
      </Form.Item>
      {rating === 'unsatisfied' ? (
        <Form.Item name="limitDays" label={t('assign.rate.limit')} extra={t('assign.rate.limitHelp')}>
          <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} data-testid="assign-rate-limit" />
        </Form.Item>
      ) : null}
    </DialogForm>
  );
}
