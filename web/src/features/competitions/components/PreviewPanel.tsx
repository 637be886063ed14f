import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Spin, Typography } from 'antd';
import { CompetitionSchemeSchema, type CompetitionScheme, type FieldIssue } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { periodName } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi } from '../api/competitions';
import { periodsOfCompetition } from './periods';
import { describeIssue, type SchemeForm } from './schemeForm';
import { SequenceTables } from './SequenceTables';

/** The issues of a list, in words, at most `max`. */
export function IssueList({ issues, form, max = 8 }: { issues: FieldIssue[]; form: Partial<SchemeForm> | undefined; max?: number }) {
  const { t } = useI18n();
  const words = { item: t('comp.f.item'), sequence: t('comp.f.sequence') };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="scheme-issues">
      {issues.slice(0, max).map((i, k) => (
        <li key={k}>{describeIssue(i, form, words)}</li>
      ))}
      {issues.length > max ? <li>…</li> : null}
    </ul>
  );
}

/**
 * 实时预览: the edited scheme scored on a period (POST preview, nothing saved), ~600 ms after the
 * last change; the scheme is checked against the contract first, so an unfinished one says what
 * it lacks instead of asking the server.
 */
export function PreviewPanel({ competitionId, cadence, year, initialPeriod, scheme, form }: { competitionId: number | null; cadence: 'month' | 'quarter'; year: number; initialPeriod: string; scheme: CompetitionScheme; form: Partial<SchemeForm> | undefined }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(initialPeriod);
  const json = useMemo(() => JSON.stringify(scheme), [scheme]);
  const [debounced, setDebounced] = useState(json);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(json), 600);
    return () => clearTimeout(h);
  }, [json]);
  const parsed = useMemo(() => CompetitionSchemeSchema.safeParse(JSON.parse(debounced)), [debounced]);
  const q = useQuery({
    queryKey: competitionKeys.preview(competitionId, period, `${year}|${cadence}|${debounced}`),
    queryFn: ({ signal }) => competitionsApi.preview(competitionId, period, parsed.data!, { year, cadence }, signal),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const options = periodsOfCompetition(cadence, year)
    .reverse()
    .map((p) => ({ value: p, label: periodName(p, lang) }));
  return (
    <Card
      size="small"
      data-testid="scheme-preview"
      title={
        <Flex gap={8} align="center">
          {t('comp.preview.title')}
          {q.isFetching ? <Spin size="small" /> : null}
        </Flex>
      }
      extra={<Select size="small" style={{ width: 160 }} value={period} onChange={setPeriod} options={options} data-testid="preview-period" aria-label={t('comp.col.period')} />}
    >
      {!parsed.success ? (
        <Alert type="warning" showIcon message={t('comp.preview.incomplete')} description={<IssueList issues={issues} form={form} />} />
      ) : q.error ? (
        <Alert type="error" showIcon message={errorText(q.error, lang)} description={q.error instanceof ApiError && q.error.details.length > 1 ? <IssueList issues={q.error.details} form={form} /> : undefined} />
      ) : !q.data ? (
        <Spin />
      ) : (
        <div style={{ opacity: q.isPlaceholderData ? 0.5 : 1 }}>
          <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('comp.preview.note', { period: q.data.periodLabel })}</Typography.Text>
            {q.data.missing.length ? <Typography.Text type="warning">{t('comp.missing', { n: q.data.missing.length })}</Typography.Text> : null}
          </Flex>
          <SequenceTables results={q.data} testPrefix="preview" stacked />
        </div>
      )}
    </Card>
  );
}
