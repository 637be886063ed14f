import { Badge, Tag, Tooltip } from 'antd';
import type { TaskReport } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { LIGHT_COLOR, type Light } from './taskView';

/** The light of a task or target as a coloured dot and word, its reason on hover. */
export function LightMark({ light, reason, done }: { light: Light; reason?: string | null; done?: boolean }) {
  const { t } = useI18n();
  if (done) return <Tag color="blue">{t('task.done')}</Tag>;
  const mark = light ? <Badge color={LIGHT_COLOR[light]} text={t(`task.light.${light}`)} data-light={light} /> : <Badge color="#d9d9d9" text={t('task.light.none')} />;
  return reason ? (
    <Tooltip title={reason}>
      <span data-testid="light-mark" style={{ cursor: 'help' }}>
        {mark}
      </span>
    </Tooltip>
  ) : (
    <span data-testid="light-mark">{mark}</span>
  );
}

const REPORT_COLOR = { draft: 'default', submitted: 'processing', returned: 'error', accepted: 'success' } as const;

export function ReportStatusTag({ status }: { status: TaskReport['status'] }) {
  const { t } = useI18n();
  return <Tag color={REPORT_COLOR[status]}>{t(`task.rs.${status}`)}</Tag>;
}
