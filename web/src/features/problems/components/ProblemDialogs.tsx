import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, type ButtonProps, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { PROBLEM_RATINGS, type ProblemDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { formatDate } from '../../../components/format';
import { orgApi } from '../../org/api/org';
import { problemKeys, problemsApi } from '../api/problems';

type Dialog = 'assign' | 'answer' | 'rate';

interface Props {
  problem: ProblemDetail;
  open: Dialog | null;
  onClose: () => void;
}

/** A mutation that refreshes the problem and the lists, and shows the server's field errors on the form. */
function useProblemMutation<V>(problem: ProblemDetail, fn: (v: V) => Promise<ProblemDetail>, onDone: (p: ProblemDetail) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(problemKeys.one(problem.id), p);
      void qc.invalidateQueries({ queryKey: problemKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      onDone(p);
    },
  });
}

/**
 * The frame every problem dialog shares: a modal around a form that is cleared when it opens,
 * submits through the mutation and shows the server's errors on the fields and above the buttons.
 */
function DialogForm<V>({ open, title, testId, form, mutation, onClose, initialValues, children }: {
  open: boolean;
  title: string;
  testId: string;
  form: FormInstance<V>;
  mutation: UseMutationResult<ProblemDetail, Error, V>;
  onClose: () => void;
  initialValues?: Partial<V>;
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
        initialValues={initialValues}
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
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export function ProblemDialogs({ problem, open, onClose }: Props) {
  return (
    <>
      <AssignModal problem={problem} open={open === 'assign'} onClose={onClose} />
      <AnswerModal problem={problem} open={open === 'answer'} onClose={onClose} />
      <RateModal problem={problem} open={open === 'rate'} onClose={onClose} />
    </>
  );
}

interface AssignValues {
  responsibleDeptId: number;
  responsibleUserId?: number;
  limitDays: number;
  note?: string;
}

function AssignModal({ problem, open, onClose }: { problem: ProblemDetail; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const deptId = Form.useWatch('responsibleDeptId', form);
  const depts = useQuery({ queryKey: ['departments'], queryFn: orgApi.departments, enabled: open });
  const ladder = useQuery({ queryKey: problemKeys.ladder, queryFn: problemsApi.ladder, enabled: open });
  const people = useQuery({ queryKey: problemKeys.assignees(deptId ?? 0), queryFn: () => problemsApi.assignees(deptId!), enabled: open && !!deptId });
  const m = useProblemMutation(problem, (v: AssignValues) => problemsApi.assign(problem.id, { ...v, responsibleUserId: v.responsibleUserId ?? null, note: v.note ?? null, version: problem.version }), (p) => {
    message.success(t('problems.assign.done', { due: formatDate(p.dueDate, lang) }));
    onClose();
  });
  // after DialogForm cleared the form (a child's effects run first): the current assignment
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ responsibleDeptId: problem.responsibleDeptId ?? undefined, responsibleUserId: problem.responsibleUserId ?? undefined, limitDays: problem.limitDays ?? undefined });
  }, [open, form, problem]);
  useEffect(() => {
    if (open && ladder.data && form.getFieldValue('limitDays') == null) form.setFieldsValue({ limitDays: ladder.data.levels[0]?.limitDays });
  }, [open, ladder.data, form]);
  return (
    <DialogForm open={open} title={t('problems.assign.title')} testId="assign" form={form} mutation={m} onClose={onClose}>
      <Form.Item name="responsibleDeptId" label={t('problems.assign.dept')} rules={[{ required: true, message: t('problems.assign.deptRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="assign-dept"
          loading={depts.isLoading}
          options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
          onChange={() => form.setFieldsValue({ responsibleUserId: undefined })}
        />
      </Form.Item>
      <Form.Item name="responsibleUserId" label={t('problems.assign.person')} extra={t('problems.assign.personHelp')}>
        <Select allowClear data-testid="assign-person" loading={people.isFetching} options={(people.data ?? []).map((u) => ({ value: u.id, label: u.title ? `${u.name}（${u.title}）` : u.name }))} />
      </Form.Item>
      <Form.Item name="limitDays" label={t('problems.assign.limit')} rules={[{ required: true, message: t('problems.assign.limitRequired') }]}>
        <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} data-testid="assign-limit" />
      </Form.Item>
      <Form.Item name="note" label={t('problems.assign.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </DialogForm>
  );
}

interface AnswerValues {
  outcome: 'solved' | 'deferred';
  answer: string;
  deferralCondition?: string;
  deferralDate?: Dayjs;
}

function AnswerModal({ problem, open, onClose }: { problem: ProblemDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const outcome = Form.useWatch('outcome', form);
  const m = useProblemMutation(
    problem,
    (v: AnswerValues) =>
      problemsApi.answer(problem.id, {
        outcome: v.outcome,
        answer: v.answer,
        deferralCondition: v.outcome === 'deferred' ? (v.deferralCondition ?? null) : null,
        deferralDate: v.outcome === 'deferred' && v.deferralDate ? v.deferralDate.format('YYYY-MM-DD') : null,
        version: problem.version,
      }),
    () => {
      message.success(t('problems.answer.done'));
      onClose();
    },
  );
  return (
    <DialogForm<AnswerValues> open={open} title={t('problems.answer.title')} testId="answer" form={form} mutation={m} onClose={onClose} initialValues={{ outcome: 'solved' }}>
      <Form.Item name="outcome" label={t('problems.answer.outcome')}>
        <Radio.Group
          data-testid="answer-outcome"
          options={[
            { value: 'solved', label: t('problems.answer.solved') },
            { value: 'deferred', label: t('problems.answer.deferred') },
          ]}
        />
      </Form.Item>
      <Form.Item name="answer" label={t('problems.answer.text')} rules={[{ required: true, whitespace: true, message: t('problems.answer.textRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="answer-text" />
      </Form.Item>
      {outcome === 'deferred' ? (
        <>
          <Form.Item name="deferralCondition" label={t('problems.answer.condition')} rules={[{ required: true, whitespace: true, message: t('problems.answer.conditionRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="answer-condition" />
          </Form.Item>
          <Form.Item name="deferralDate" label={t('problems.answer.date')} rules={[{ required: true, message: t('problems.answer.dateRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="answer-date" />
          </Form.Item>
        </>
      ) : null}
    </DialogForm>
  );
}

interface RateValues {
  rating: string;
  note?: string;
  limitDays?: number;
}

function RateModal({ problem, open, onClose }: { problem: ProblemDetail; open: boolean; onClose: () => void }) {
  const { t, options } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const rating = Form.useWatch('rating', form);
  const m = useProblemMutation(
    problem,
    (v: RateValues) => problemsApi.rate(problem.id, { rating: v.rating, note: v.note ?? null, limitDays: v.rating === 'unsatisfied' ? (v.limitDays ?? undefined) : undefined, version: problem.version }),
    (p) => {
      message.success(p.status === 'closed' ? t('problems.rate.closed') : t('problems.rate.reopened'));
      onClose();
    },
  );
  return (
    <DialogForm open={open} title={t('problems.rate.title')} testId="rate" form={form} mutation={m} onClose={onClose}>
      <Form.Item name="rating" label={t('problems.rate.rating')} rules={[{ required: true, message: t('problems.rate.ratingRequired') }]}>
        <Radio.Group data-testid="rate-rating" options={options(PROBLEM_RATINGS)} />
      </Form.Item>
      <Form.Item name="note" label={t('problems.rate.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {rating === 'unsatisfied' ? (
        <Form.Item name="limitDays" label={t('problems.rate.limit')} extra={t('problems.rate.limitHelp')}>
          <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </DialogForm>
  );
}
