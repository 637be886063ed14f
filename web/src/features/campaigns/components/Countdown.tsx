import { Typography } from 'antd';
import type { Campaign } from '@tiaodu/contracts';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';

/** The big countdown of a campaign, as the server counts it (calendar and working days). */
export function Countdown({ c, size = 'large' }: { c: Campaign; size?: 'large' | 'small' }) {
  const { t, lang } = useI18n();
  const text =
    c.status === 'ended'
      ? t('campaign.countdown.ended', { d: formatDate(c.endDate, lang) })
      : t(c.status === 'upcoming' ? 'campaign.countdown.upcoming' : 'campaign.countdown', { n: c.countdown.calendarDays, w: c.countdown.workdays });
  return (
    <Typography.Text strong={c.status !== 'ended'} type={c.status === 'ended' ? 'secondary' : c.countdown.calendarDays <= 7 ? 'danger' : undefined} style={{ fontSize: size === 'large' ? 20 : 15 }} data-testid="campaign-countdown" data-days={c.countdown.calendarDays} data-workdays={c.countdown.workdays}>
      {text}
    </Typography.Text>
  );
}
