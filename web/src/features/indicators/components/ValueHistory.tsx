import { Timeline, Typography } from 'antd';
import { VALUE_STATUSES, type ValueRecord } from '@tiaodu/contracts';
import { formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n';

/** Every change of a value: who, when, the figure and its state (corrections after acceptance are revisions). */
export function ValueHistory({ record }: { record: ValueRecord }) {
  const { t, label } = useI18n();
  if (!record.history.length) return null;
  return (
    <div data-testid="value-history">
      <Typography.Title level={5}>{t('ind.fill.history')}</Typography.Title>
      <Timeline
        items={[...record.history].reverse().map((h, i) => ({
          key: i,
          color: h.status === 'accepted' ? 'green' : h.status === 'returned' ? 'red' : 'blue',
          children: (
            <div>
              <b>{t('ind.fill.revision', { n: h.revision })}</b> {label(VALUE_STATUSES, h.status)} · {formatDateTime(h.at)} {h.by ?? ''}
              <div>
                {t('ind.fill.valueIs', { v: h.value ?? '—' })}
                {h.growth != null ? ` · ${t('ind.col.growth')} ${h.growth}%` : ''}
              </div>
              {h.note ? <Typography.Text type="secondary">{h.note}</Typography.Text> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
