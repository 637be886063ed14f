import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Segmented, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssignmentStatsRow } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { assignmentKeys, assignmentsApi } from '../api/assignments';

type Kind = 'month' | 'quarter' | 'half' | 'year';

/** 2026-11 → month, 2026-Q4 → quarter, 2026-H2 → half, 2026 → year. */
export function periodKind(p: string): Kind {
  return /-Q\d$/.test(p) ? 'quarter' : /-H\d$/.test(p) ? 'half' : /^\d{4}-\d{2}$/.test(p) ? 'month' : 'year';
}

/** The period of a kind that holds a date: 2026-11-20 → 2026-11, 2026-Q4, 2026-H2, 2026. */
export function periodOf(kind: Kind, d: Dayjs): string {
  const y = d.year();
  const m = d.month() + 1;
  if (kind === 'month') return d.format('YYYY-MM');
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (kind === 'half') return `${y}-H${m <= 6 ? 1 : 2}`;
  return String(y);
}

/** The first day of a period, for the pickers. */
export function periodStart(p: string): Dayjs {
  const y = Number(p.slice(0, 4));
  const q = /-Q(\d)$/.exec(p);
  const h = /-H(\d)$/.exec(p);
  const m = /^\d{4}-(\d{2})$/.exec(p);
  const month = q ? (Number(q[1]) - 1) * 3 : h ? (Number(h[1]) - 1) * 6 : m ? Number(m[1]) - 1 : 0;
  return dayjs(new Date(y, month, 1));
}

/** 办结率 per assignee unit for a period, as the server gives it ("—" when nothing was due). */
export function AssignmentStatsTable({ period, onPeriod }: { period: string; onPeriod: (p: string) => void }) {
  const { t, lang } = useI18n();
  const stats = useQuery({ queryKey: assignmentKeys.stats(period), queryFn: () => assignmentsApi.stats(period) });
  const kind = periodKind(period);
  const start = periodStart(period);
  const rows = stats.data ? [...stats.data.rows, stats.data.total] : [];
  const num = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>;
  const rate = (v: number | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v == null ? '—' : `${v}%`}</span>;
  return (
    <div>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>{t('assign.stats.period')}</Typography.Text>
        <Segmented<Kind>
          value={kind}
          onChange={(k) => onPeriod(periodOf(k, start))}
          options={(['month', 'quarter', 'half', 'year'] as const).map((k) => ({ value: k, label: <span data-testid={`assign-period-${k}`}>{t(`assign.stats.kind.${k}`)}</span> }))}
        />
        {kind === 'half' ? (
          <>
            <DatePicker picker="year" allowClear={false} value={start} onChange={(d) => d && onPeriod(periodOf('half', d.month(start.month())))} style={{ width: 110 }} />
            <Select
              value={start.month() < 6 ? 1 : 2}
              onChange={(h) => onPeriod(`${start.year()}-H${h}`)}
              style={{ width: 100 }}
              options={[
                { value: 1, label: lang === 'en' ? 'H1' : '上半年' },
                { value: 2, label: lang === 'en' ? 'H2' : '下半年' },
              ]}
            />
          </>
        ) : (
          <DatePicker picker={kind} allowClear={false} value={start} onChange={(d) => d && onPeriod(periodOf(kind, d))} style={{ width: 130 }} data-testid="assign-period-picker" />
        )}
      </Flex>
      {stats.data ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('assign.stats.sub', { from: formatDate(stats.data.from, lang), to: formatDate(stats.data.to, lang) })}
        </Typography.Paragraph>
      ) : null}
      {stats.isError ? <Alert type="error" message={errorText(stats.error, lang)} /> : null}
      <Table<AssignmentStatsRow>
        data-testid="assign-stats"
        data-period={stats.data?.period}
        size="small"
        rowKey={(r) => (r === stats.data?.total ? 'total' : `${r.unitType}:${r.unitId}`)}
        loading={stats.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560 }}
        onRow={(r) => (r === stats.data?.total ? { style: { fontWeight: 600 } } : {}) as object}
        columns={[
          { title: t('assign.stats.unit'), dataIndex: 'unitName', width: 220, render: (v: string, r) => (r === stats.data?.total ? t('assign.stats.total') : v) },
          { title: t('assign.stats.due'), dataIndex: 'due', align: 'right', render: num },
          { title: t('assign.stats.done'), dataIndex: 'done', align: 'right', render: num },
          { title: t('assign.stats.onTime'), dataIndex: 'onTime', align: 'right', render: num },
          { title: t('assign.stats.doneRate'), dataIndex: 'doneRate', align: 'right', render: rate },
          { title: t('assign.stats.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: rate },
        ]}
      />
    </div>
  );
}
