import { Tag } from 'antd';
import type { Milestone } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';

/** Done (green, late days if any), overdue (red, days late) or open. */
export function MilestoneStatus({ m }: { m: Milestone }) {
  const { t } = useI18n();
  if (m.doneDate) return <Tag color={m.daysLate > 0 ? 'orange' : 'green'}>{m.daysLate > 0 ? t('ms.doneLate', { n: m.daysLate }) : t('ms.done')}</Tag>;
  if (m.overdue) return <Tag color="red" data-testid="ms-overdue">{t('ms.overdue', { n: m.daysLate })}</Tag>;
  return <Tag color="blue">{t('ms.open')}</Tag>;
}
