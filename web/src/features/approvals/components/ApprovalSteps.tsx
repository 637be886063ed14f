import { Flex, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { APPROVAL_STEPS, type ProjectApprovalDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../components/format';
import { SIGNAL_COLORS, SignalTag } from './ApprovalTags';

/**
 * The five steps of an item (受理 → 承办 → 审核 → 批准 → 办结), each with its time, person,
 * working days used against its limit and its signal; the step waited for is outlined.
 * Wraps into rows on a phone.
 */
export function ApprovalSteps({ item }: { item: ProjectApprovalDetail }) {
  const { t, label } = useI18n();
  return (
    <Flex gap={8} wrap data-testid={`steps-${item.id}`}>
      {item.steps.map((s) => {
        const current = item.currentStep === s.step && item.status !== 'done' && item.status !== 'rejected';
        const color = s.signal === 'none' ? (s.doneAt ? '#52c41a' : current ? '#1d5fbf' : '#d9d9d9') : SIGNAL_COLORS[s.signal];
        return (
          <div
            key={s.step}
            data-testid={`step-${item.id}-${s.step}`}
            data-signal={s.signal}
            data-done={s.doneAt ? 'yes' : 'no'}
            style={{
              flex: '1 1 150px',
              minWidth: 140,
              border: `1px solid ${current ? '#1d5fbf' : '#f0f0f0'}`,
              borderTop: `3px solid ${color}`,
              borderRadius: 6,
              padding: '6px 8px',
              background: current ? '#f5f9ff' : undefined,
            }}
          >
            <Flex justify="space-between" align="center" gap={4}>
              <Typography.Text strong>
                {s.doneAt ? <CheckCircleFilled style={{ color: '#52c41a', marginRight: 4 }} /> : current ? <ClockCircleOutlined style={{ color: '#1d5fbf', marginRight: 4 }} /> : null}
                {label(APPROVAL_STEPS, s.step)}
              </Typography.Text>
              <SignalTag signal={s.signal} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('ap.step.limit', { n: s.limitDays })}
            </Typography.Text>
            {s.doneAt ? (
              <>
                <Typography.Text style={{ fontSize: 12, display: 'block' }}>
                  {formatDateTime(s.doneAt)} {s.doneBy ?? ''}
                </Typography.Text>
                <Typography.Text style={{ fontSize: 12, display: 'block' }}>{t('ap.step.used', { n: s.usedDays ?? 0 })}</Typography.Text>
              </>
            ) : s.startedAt ? (
              <>
                <Typography.Text style={{ fontSize: 12, display: 'block' }}>{t('ap.step.used', { n: s.usedDays ?? 0 })}</Typography.Text>
                {s.dueDate ? <Typography.Text style={{ fontSize: 12, display: 'block' }}>{t('ap.step.due', { date: s.dueDate })}</Typography.Text> : null}
              </>
            ) : null}
          </div>
        );
      })}
    </Flex>
  );
}
