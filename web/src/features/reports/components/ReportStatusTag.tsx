import { Tag } from 'antd';
import type { Report } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';

const COLORS = { draft: 'default', submitted: 'processing', returned: 'error', accepted: 'success' } as const;
const LABELS = { draft: ['草稿', 'Draft'], submitted: ['已报送', 'Submitted'], returned: ['已退回', 'Returned'], accepted: ['已通过', 'Accepted'] } as const;

export function ReportStatusTag({ report, testId }: { report: Pick<Report, 'status' | 'late'>; testId?: string }) {
  const { lang } = useI18n();
  const i = lang === 'en' ? 1 : 0;
  const s = report.status;
  return (
    <span data-testid={testId} data-status={s ?? 'missing'}>
      {s ? <Tag color={COLORS[s]}>{LABELS[s][i]}</Tag> : <Tag color="warning">{i ? 'Missing' : '未报'}</Tag>}
      {report.late ? <Tag color="orange">{i ? 'Late' : '迟报'}</Tag> : null}
    </span>
  );
}
