import { useMemo } from 'react';
import { Select, Tag, Tooltip } from 'antd';
import { VALUE_STATUSES, type Indicator, type IndicatorCadence } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { periodName, periodsOfYear, RANK_COLORS, rankChange } from './figures';

/** An indicator picker (labels are the indicators' names). */
export function IndicatorSelect({ indicators, value, onChange, testId, loading, width = 240 }: { indicators: readonly Indicator[]; value?: number; onChange: (id: number) => void; testId?: string; loading?: boolean; width?: number | string }) {
  const { t } = useI18n();
  return (
    <Select
      data-testid={testId}
      style={{ width, maxWidth: '100%' }}
      loading={loading}
      value={value}
      placeholder={t('ind.pick.indicator')}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={onChange}
      options={indicators.map((i) => ({ value: i.id, label: i.name }))}
    />
  );
}

/** The periods of a cadence, latest first: this year's (a period may be opened before it ends) and the two before. */
export function periodOptions(cadence: IndicatorCadence, thisYear: number, extra?: string | null, lang: 'zh' | 'en' = 'zh'): { value: string; label: string }[] {
  const list = [thisYear, thisYear - 1, thisYear - 2].flatMap((y) => periodsOfYear(cadence, y).reverse());
  if (extra && !list.includes(extra)) list.unshift(extra);
  return list.map((p) => ({ value: p, label: periodName(p, lang) }));
}

/** A period picker by cadence (2026年11月, 2026年第三季度, 2026年上半年, 2026年). */
export function PeriodSelect({ cadence, value, onChange, testId, width = 170, id }: { cadence: IndicatorCadence; value?: string | null; onChange?: (p: string) => void; testId?: string; width?: number | string; id?: string }) {
  const { t, lang } = useI18n();
  const year = new Date().getFullYear();
  const options = useMemo(() => periodOptions(cadence, year, value, lang), [cadence, year, value, lang]);
  return <Select id={id} data-testid={testId} style={{ width, maxWidth: '100%' }} value={value ?? undefined} placeholder={t('ind.pick.period')} showSearch={{ optionFilterProp: 'label' }} onChange={onChange} options={options} />;
}

/** ↑2 / ↓1 / —, green up and red down. */
export function RankChangeText({ change, testId }: { change: number | null | undefined; testId?: string }) {
  const { t } = useI18n();
  const m = rankChange(change);
  const tip = m.dir === 'none' ? t('ind.rank.noPrevious') : m.dir === 'same' ? t('ind.rank.same') : m.dir === 'up' ? t('ind.rank.up', { n: change ?? 0 }) : t('ind.rank.down', { n: -(change ?? 0) });
  return (
    <Tooltip title={tip}>
      <span data-testid={testId} data-dir={m.dir} style={{ color: RANK_COLORS[m.dir], fontWeight: m.dir === 'up' || m.dir === 'down' ? 600 : undefined, whiteSpace: 'nowrap' }}>
        {m.text}
      </span>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<string, string> = { missing: 'warning', draft: 'default', submitted: 'processing', accepted: 'success', returned: 'error', imported: 'cyan', computed: 'purple' };

/** The state of a value (未填报, 草稿, 待审核, 已审核, 已退回, 统计导入, 系统计算), with 逾期 when late. */
export function ValueStatusTag({ status, late, testId }: { status: string; late?: boolean; testId?: string }) {
  const { t, label } = useI18n();
  return (
    <span data-testid={testId} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <Tag color={STATUS_COLORS[status] ?? 'default'}>{label(VALUE_STATUSES, status)}</Tag>
      {late ? <Tag color="orange">{t('ind.status.late')}</Tag> : null}
    </span>
  );
}
