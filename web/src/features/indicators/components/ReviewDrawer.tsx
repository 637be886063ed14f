import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Input, Spin, Typography } from 'antd';
import type { OwedItem, ValueRecord } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { Evidence } from './Evidence';
import { ValueStatusTag } from './IndicatorPickers';
import { ValueHistory } from './ValueHistory';
import { periodName, plainFigure } from './figures';

/** One cell of a period under review: the figure, its note and evidence, its history; accept, or return with a reason. */
export function ReviewDrawer({ cell, onClose, canReview }: { cell: OwedItem | null; onClose: () => void; canReview: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const id = cell?.valueId ?? null;
  const q = useQuery({ queryKey: indicatorKeys.value(id ?? 0), queryFn: () => indicatorsApi.value(id!), enabled: !!id });
  const r = q.data;
  const review = useMutation({
    mutationFn: (action: 'accept' | 'return') => indicatorsApi.review(id!, action, action === 'return' ? reason.trim() : null),
    onSuccess: (rec: ValueRecord, action) => {
      qc.setQueryData(indicatorKeys.value(rec.id), rec);
      setReason('');
      void qc.invalidateQueries({ queryKey: indicatorKeys.periods });
      void qc.invalidateQueries({ queryKey: ['indicators', 'values'] });
      message.success(action === 'accept' ? t('ind.review.accepted') : t('ind.review.returnedOk'));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Drawer open={!!cell} onClose={onClose} width={Math.min(640, globalThis.innerWidth ?? 640)} title={cell ? `${cell.unitName} · ${cell.indicatorName} · ${periodName(cell.period, lang)}` : ''} destroyOnHidden data-testid="review-drawer">
      {!cell ? null : !id ? (
        <Empty description={cell.late ? t('ind.review.missingLate') : t('ind.review.missing')} />
      ) : !r ? (
        q.isError ? <Alert type="error" message={errorText(q.error, lang)} /> : <Spin />
      ) : (
        <Flex vertical gap={12}>
          <ValueStatusTag status={r.status} late={r.late} testId="review-status" />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('ind.col.value')}>
              <b data-testid="review-value">{r.valueText ?? plainFigure(r.value)}</b> {cell.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('ind.fill.target')}>{cell.target == null ? '—' : `${plainFigure(cell.target)}${cell.unit}`}</Descriptions.Item>
            {r.growth != null ? <Descriptions.Item label={t('ind.col.growth')}>{`${r.growth}%`}</Descriptions.Item> : null}
            <Descriptions.Item label={t('ind.fill.note')}>{r.note ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ind.review.submittedAt')}>{formatDateTime(r.submittedAt) || '—'}</Descriptions.Item>
            {r.reviewedAt ? <Descriptions.Item label={t('ind.review.reviewedAt')}>{formatDateTime(r.reviewedAt)}</Descriptions.Item> : null}
          </Descriptions>
          {r.status === 'returned' && r.returnReason ? <Alert type="error" message={t('ind.fill.returnedBecause', { r: r.returnReason })} /> : null}
          <div>
            <Typography.Title level={5}>{t('ind.fill.evidence')}</Typography.Title>
            <Evidence files={r.files} testId="review-evidence" />
          </div>
          {canReview && r.status === 'submitted' ? (
            <Flex vertical gap={8}>
              <Input.TextArea data-testid="review-reason" placeholder={t('ind.review.reasonPh')} value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} maxLength={300} />
              <Flex gap={8}>
                <Button data-testid="review-accept" type="primary" loading={review.isPending && review.variables === 'accept'} onClick={() => review.mutate('accept')}>
                  {t('ind.review.accept')}
                </Button>
                <Button data-testid="review-return" danger disabled={!reason.trim()} loading={review.isPending && review.variables === 'return'} onClick={() => review.mutate('return')}>
                  {t('ind.review.return')}
                </Button>
              </Flex>
            </Flex>
          ) : null}
          <ValueHistory record={r} />
        </Flex>
      )}
    </Drawer>
  );
}
