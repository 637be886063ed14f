import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { APPROVAL_ACTIONS, APPROVAL_RATINGS, type ApprovalAction, type ApprovalRating, type ProjectApprovalDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { approvalKeys, approvalsApi } from '../api/approvals';

const NEEDS_REASON: ApprovalAction[] = ['return', 'reject'];
const DANGER: ApprovalAction[] = ['return', 'reject'];

/**
 * The buttons of the acts the user may do now (the server says which: the handling
 * department's steps, or the applicant's 申报 and 补正后提交), each confirmed in a dialog;
 * 退回补正 and 不予受理 ask for a reason, a step takes an optional opinion. Then the rating
 * of a completed item, for the applicant.
 */
export function ApprovalActions({ item, size = 'middle', onDone }: { item: Pick<ProjectApprovalDetail, 'id' | 'name' | 'actions' | 'canRate' | 'version'>; size?: 'small' | 'middle'; onDone?: (next: ProjectApprovalDetail) => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<ApprovalAction | null>(null);
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState<ApprovalRating | null>(null);
  const [rateOpen, setRateOpen] = useState(false);
  const done = (next: ProjectApprovalDetail) => {
    qc.setQueryData(approvalKeys.one(next.id), next);
    void qc.invalidateQueries({ queryKey: approvalKeys.all });
    void qc.invalidateQueries({ queryKey: ['efficiency'] });
    onDone?.(next);
  };
  const act = useMutation({
    mutationFn: (a: ApprovalAction) => approvalsApi.act(item.id, { action: a, reason: reason.trim() || null, version: item.version }),
    onSuccess: (next, a) => {
      message.success(t('ap.act.done', { action: label(APPROVAL_ACTIONS, a) }));
      setOpen(null);
      setReason('');
      done(next);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const rate = useMutation({
    mutationFn: (r: ApprovalRating) => approvalsApi.rate(item.id, r),
    onSuccess: (next) => {
      message.success(t('ap.rated'));
      setRateOpen(false);
      done(next);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  if (!item.actions.length && !item.canRate) return null;
  const needsReason = open !== null && NEEDS_REASON.includes(open);
  return (
    <Flex gap={8} wrap>
      {item.actions.map((a, i) => (
        <Button
          key={a}
          size={size}
          type={i === 0 && !DANGER.includes(a) ? 'primary' : 'default'}
          danger={DANGER.includes(a)}
          onClick={() => {
            setReason('');
            setOpen(a);
          }}
          data-testid={`act-${a}-${item.id}`}
        >
          {label(APPROVAL_ACTIONS, a)}
        </Button>
      ))}
      {item.canRate ? (
        <Button size={size} onClick={() => setRateOpen(true)} data-testid={`act-rate-${item.id}`}>
          {t('ap.rate')}
        </Button>
      ) : null}
      <Modal
        open={open !== null}
        title={open ? `${t('ap.act.confirm', { action: label(APPROVAL_ACTIONS, open) })} · ${item.name}` : ''}
        okText={open ? label(APPROVAL_ACTIONS, open) : ''}
        okButtonProps={{ danger: open ? DANGER.includes(open) : false, disabled: needsReason && !reason.trim(), 'data-testid': 'act-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        onOk={() => open && act.mutate(open)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open === 'submit' || open === 'resubmit' ? null : (
          <>
            <Typography.Text>{needsReason ? t('ap.act.reason') : t('ap.act.opinion')}</Typography.Text>
            <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="act-reason" status={needsReason && !reason.trim() ? 'warning' : undefined} />
            {needsReason && !reason.trim() ? <Typography.Text type="warning">{t('ap.act.reasonRequired')}</Typography.Text> : null}
          </>
        )}
      </Modal>
      <Modal
        open={rateOpen}
        title={`${t('ap.rate')} · ${item.name}`}
        okText={t('ap.rate')}
        okButtonProps={{ disabled: !rating, 'data-testid': 'rate-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        confirmLoading={rate.isPending}
        onOk={() => rating && rate.mutate(rating)}
        onCancel={() => setRateOpen(false)}
      >
        <Radio.Group value={rating} onChange={(e) => setRating(e.target.value as ApprovalRating)} options={APPROVAL_RATINGS.map((r) => ({ value: r.value, label: r[lang] }))} data-testid="rate-options" />
      </Modal>
    </Flex>
  );
}
