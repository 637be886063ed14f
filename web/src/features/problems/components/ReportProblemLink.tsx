import { App, Button } from 'antd';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROBLEM_STATUSES } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { useCan } from '../../auth/hooks/useAuth';
import { problemKeys, problemsApi } from '../api/problems';

/** On a monthly report with problems text: the problem raised from it, or 转为问题. */
export function ReportProblemLink({ reportId }: { reportId: number }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const found = useQuery({ queryKey: problemKeys.byReport(reportId), queryFn: () => problemsApi.list({ reportId, pageSize: 1 }), enabled: can('problem:read') });
  const make = useMutation({
    mutationFn: () => problemsApi.fromReport(reportId),
    onSuccess: () => {
      message.success(t('problems.fromReportDone'));
      void qc.invalidateQueries({ queryKey: problemKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const p = found.data?.items[0];
  if (p) {
    return (
      <Link to={`/problems/${p.id}`} data-testid="report-problem-link">
        {t('problems.fromReportLink', { status: label(PROBLEM_STATUSES, p.status) })}
      </Link>
    );
  }
  if (!found.data || !can('problem:raise')) return null;
  return (
    <Button size="small" loading={make.isPending} onClick={() => make.mutate()} data-testid="report-to-problem">
      {t('problems.fromReport')}
    </Button>
  );
}
