import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Flex, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PaperClipOutlined } from '@ant-design/icons';
import { INDICATOR_RANK_BY, INDICATOR_SUBJECTS, type IndicatorValues, type ValueItem } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { LightDot } from '../../warnings/components/LightDot';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { ImportButton } from '../components/ImportPreview';
import { IndicatorSelect, PeriodSelect, RankChangeText, ValueStatusTag } from '../components/IndicatorPickers';
import { cadenceOf, formatFigure, formatPct, formatSigned, lastEndedPeriod, todayInChina } from '../components/figures';
import { pickIndicator, useIndicators } from '../hooks/useIndicators';

/** 指标数据: one indicator's league table for a period — value, target, progress against 序时, light, rank and its change, growth; average and leader; publication. */
export function ValuesPage() {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [sp, update] = useUrlParams();
  const indicators = useIndicators({ status: 'active' });
  const indicator = pickIndicator(indicators.data, sp.get('indicatorId'));
  const asked = sp.get('period');
  const period = indicator ? (asked && cadenceOf(asked) === indicator.cadence ? asked : lastEndedPeriod(indicator.cadence, todayInChina())) : null;
  const unitType = indicator ? (indicator.appliesTo.find((s) => s === sp.get('unitType')) ?? indicator.appliesTo[0]) : undefined;
  const set = (patch: Record<string, string | number | null>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) v == null ? cur.delete(k) : cur.set(k, String(v));
      return cur;
    });
  const query = { indicatorId: indicator?.id ?? 0, period: period ?? '', unitType };
  const values = useQuery({ queryKey: indicatorKeys.values(query), queryFn: () => indicatorsApi.values(query), enabled: !!indicator && !!period });
  const v = values.data;
  const publish = useMutation({
    mutationFn: (published: boolean) => indicatorsApi.publish(indicator!.id, period!, published),
    onSuccess: (_r, published) => {
      message.success(published ? t('ind.values.publishedOk') : t('ind.values.withdrawn'));
      void qc.invalidateQueries({ queryKey: ['indicators', 'values'] });
      void qc.invalidateQueries({ queryKey: ['indicators', 'benchmark'] });
      void qc.invalidateQueries({ queryKey: indicatorKeys.summary });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const decimals = v?.indicator.decimals ?? indicator?.decimals ?? 2;
  const unit = v?.indicator.unit ?? '';
  const columns: ColumnsType<ValueItem> = [
    { title: t('ind.col.rank'), dataIndex: 'rank', width: 60, align: 'center', fixed: 'left', render: (r: number | null, i) => <b data-testid={`value-rank-${i.unitId}`}>{r ?? '—'}</b> },
    { title: t('ind.col.unitName'), dataIndex: 'unitName', width: 130, fixed: 'left' },
    {
      title: unit ? t('ind.col.valueIn', { unit }) : t('ind.col.value'),
      key: 'value',
      width: 110,
      align: 'right',
      render: (_, i) => <span data-testid={`value-value-${i.unitId}`}>{formatFigure(i.value, decimals, i.valueText)}</span>,
    },
    { title: t('ind.col.target'), dataIndex: 'target', width: 100, align: 'right', render: (x: number | null) => formatFigure(x, decimals) },
    { title: t('ind.col.progress'), dataIndex: 'progress', width: 90, align: 'right', render: (x: number | null) => formatPct(x) },
    { title: t('ind.col.timeProgress'), dataIndex: 'timeProgress', width: 84, align: 'right', render: (x: number | null) => formatPct(x) },
    {
      title: t('ind.col.deviation'),
      key: 'deviation',
      width: 90,
      align: 'right',
      render: (_, i) => (
        <Tooltip title={i.timeProgress != null ? t('ind.values.deviationPoints') : t('ind.values.deviationUnits', { unit: unit || '—' })}>
          <Typography.Text type={i.deviation == null ? undefined : i.deviation < 0 ? 'danger' : 'success'}>{formatSigned(i.deviation, i.timeProgress != null ? 2 : decimals)}</Typography.Text>
        </Tooltip>
      ),
    },
    { title: t('ind.col.light'), dataIndex: 'light', width: 52, align: 'center', render: (l: ValueItem['light'], i) => (l ? <LightDot light={l} detail={i.lightDetail} /> : '—') },
    { title: t('ind.col.rankChange'), dataIndex: 'rankChange', width: 76, align: 'center', render: (c: number | null, i) => <RankChangeText change={c} testId={`value-change-${i.unitId}`} /> },
    { title: t('ind.col.growth'), dataIndex: 'growth', width: 84, align: 'right', render: (g: number | null) => <Typography.Text type={g != null && g < 0 ? 'danger' : undefined}>{formatPct(g)}</Typography.Text> },
    { title: t('ind.col.status'), dataIndex: 'status', width: 96, render: (s: string) => <ValueStatusTag status={s} /> },
    {
      title: t('ind.col.files'),
      dataIndex: 'files',
      width: 56,
      align: 'center',
      render: (n: number) =>
        n ? (
          <span>
            <PaperClipOutlined /> {n}
          </span>
        ) : (
          ''
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('ind.values.title')}
        sub={t('ind.values.sub')}
        extra={
          can('indicator:import') && period ? (
            <ImportButton
              label={t('ind.values.import')}
              testId="values-import"
              run={(file, dryRun) => indicatorsApi.importValues(file, period, dryRun)}
              onDone={() => void qc.invalidateQueries({ queryKey: ['indicators'] })}
            />
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <IndicatorSelect testId="values-indicator" indicators={indicators.data ?? []} loading={indicators.isLoading} value={indicator?.id} onChange={(id) => set({ indicatorId: id, period: null, unitType: null })} />
          {indicator ? <PeriodSelect testId="values-period" cadence={indicator.cadence} value={period} onChange={(p) => set({ period: p })} /> : null}
          {indicator && indicator.appliesTo.length > 1 ? (
            <Select data-testid="values-unit-type" style={{ width: 140 }} value={unitType} onChange={(u) => set({ unitType: u })} options={indicator.appliesTo.map((s) => ({ value: s, label: label(INDICATOR_SUBJECTS, s) }))} />
          ) : null}
          {v ? (
            v.published ? (
              <Tag color="green" data-testid="values-published" data-published="true">
                {t('ind.values.published')}
              </Tag>
            ) : (
              <Tag data-testid="values-published" data-published="false">
                {t('ind.values.unpublished')}
              </Tag>
            )
          ) : null}
          {v && can('indicator:review') ? (
            <Flex align="center" gap={6}>
              <Switch checked={v.published} loading={publish.isPending} onChange={(on) => publish.mutate(on)} data-testid="values-publish" />
              <span>{t('ind.values.publishToggle')}</span>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      {values.isError ? <Alert type="error" showIcon message={errorText(values.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Table<ValueItem>
        rowKey={(i) => `${i.unitType}:${i.unitId}`}
        size="small"
        bordered
        data-testid="values-table"
        loading={values.isFetching || indicators.isLoading}
        columns={columns}
        dataSource={v?.items ?? []}
        pagination={false}
        scroll={{ x: 1030 }}
        onRow={(i) => ({ 'data-testid': `value-row-${i.unitId}` }) as object}
        locale={{ emptyText: <Empty description={indicator ? t('ind.values.none') : t('ind.noIndicators')} /> }}
        summary={() => (v ? <Summary v={v} decimals={decimals} /> : null)}
      />
      {v ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {[t('ind.values.rankedBy', { by: label(INDICATOR_RANK_BY, v.indicator.rankBy) }), v.ruleSet ? t('ind.values.ruleSet', { name: v.ruleSet.name }) : null, t('ind.values.ranksNote')].filter(Boolean).join(t('ind.values.sep'))}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** 平均 and 领先 rows under the league table. */
function Summary({ v, decimals }: { v: IndicatorValues; decimals: number }) {
  const { t } = useI18n();
  return (
    <Table.Summary>
      <Table.Summary.Row style={{ background: '#fafafa' }} data-testid="values-average">
        <Table.Summary.Cell index={0} colSpan={2}>
          <b>{t('ind.values.average')}</b>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={2} align="right">
          {formatFigure(v.average, decimals)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} colSpan={6} />
        <Table.Summary.Cell index={9} align="right">
          {formatPct(v.averageGrowth)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={10} colSpan={2} />
      </Table.Summary.Row>
      {v.leader ? (
        <Table.Summary.Row style={{ background: '#f6ffed' }} data-testid="values-leader">
          <Table.Summary.Cell index={0} colSpan={2}>
            <b>{t('ind.values.leader')}</b>：{v.leader.unitName}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatFigure(v.leader.value, decimals)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={6} />
          <Table.Summary.Cell index={9} align="right">
            {formatPct(v.leader.growth)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={10} colSpan={2} />
        </Table.Summary.Row>
      ) : null}
    </Table.Summary>
  );
}
