import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SaveOutlined } from '@ant-design/icons';
import { INDICATOR_CADENCES, type TargetGrid } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { ImportButton } from '../components/ImportPreview';
import { IndicatorSelect } from '../components/IndicatorPickers';
import { breakdownLabels, formatFigure, parsePastedBlock, sumDecimals, parseDecimalInput } from '../components/figures';
import { cellError, cellValue, draftCells, draftOf, pasteBlock, rowKey, rowOf, sameDraft, withCell, type DraftCell, type TargetDraft } from '../components/targetGrid';
import { pickIndicator, useIndicators } from '../hooks/useIndicators';

type GridRow = TargetGrid['rows'][number];

const negate = (v: string) => (v.startsWith('-') ? v.slice(1) : `-${v}`);

/** 目标任务: the year's targets of every unit for one indicator, edited as a grid (paste from Excel works), or imported. */
export function TargetsPage() {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const editable = can('indicator:target');
  const qc = useQueryClient();
  const [sp, update] = useUrlParams();
  const thisYear = new Date().getFullYear();
  const year = Number(sp.get('year')) || thisYear;
  const indicators = useIndicators({ status: 'active' });
  const indicator = pickIndicator(indicators.data, sp.get('indicatorId'));
  const set = (patch: Record<string, string | number>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) cur.set(k, String(v));
      return cur;
    });
  const grid = useQuery({ queryKey: indicatorKeys.targets(year, indicator?.id ?? 0), queryFn: () => indicatorsApi.targets(year, indicator!.id), enabled: !!indicator });
  const g = grid.data;
  const size = g?.breakdownSize ?? 0;
  const rows = useMemo(() => g?.rows ?? [], [g]);
  const [drafts, setDrafts] = useState<Record<string, TargetDraft>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  useEffect(() => {
    setDrafts({});
    setServerErrors({});
  }, [year, indicator?.id]);

  const draft = (r: GridRow) => drafts[rowKey(r)] ?? draftOf(r, size);
  const put = (r: GridRow, next: TargetDraft) =>
    setDrafts((cur) => {
      const copy = { ...cur };
      if (sameDraft(next, draftOf(r, size))) delete copy[rowKey(r)];
      else copy[rowKey(r)] = next;
      return copy;
    });
  const changed = rows.filter((r) => drafts[rowKey(r)]);
  const invalid = changed.filter((r) => 'errors' in rowOf(r, draft(r)));

  const save = useMutation({
    mutationFn: () => {
      const out = changed.map((r) => rowOf(r, draft(r))).flatMap((x) => ('row' in x ? [x.row] : []));
      return indicatorsApi.saveTargets({ year, indicatorId: indicator!.id, rows: out });
    },
    onSuccess: (next) => {
      qc.setQueryData(indicatorKeys.targets(year, indicator!.id), next);
      message.success(t('ind.targets.saved', { n: changed.length }));
      setDrafts({});
      setServerErrors({});
      void qc.invalidateQueries({ queryKey: ['indicators', 'values'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        const byRow: Record<string, string[]> = {};
        for (const d of e.details) {
          const m = /^rows\.(\d+)/.exec(d.path);
          const r = m ? changed[Number(m[1])] : undefined;
          if (r) (byRow[rowKey(r)] ??= []).push(d.message);
        }
        setServerErrors(byRow);
      }
      message.error(errorText(e, lang));
    },
  });

  const cells = draftCells(size);
  const onPaste = (rowIndex: number, cell: DraftCell) => (e: React.ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the input takes it as usual
    e.preventDefault();
    const block = parsePastedBlock(text);
    const start = cells.findIndex((c) => c.kind === cell.kind && (c.kind !== 'breakdown' || (cell.kind === 'breakdown' && c.index === cell.index)));
    const next = pasteBlock(rows.map(draft), rowIndex, start, block, size);
    next.forEach((d, i) => put(rows[i]!, d));
  };

  const decimals = g?.indicator.decimals ?? 2;
  const editCell = (r: GridRow, i: number, cell: DraftCell, testId: string, width?: number) => {
    const d = draft(r);
    const bad = !!cellError(d, cell);
    if (!editable) {
      const v = cellValue(d, cell);
      if (cell.kind === 'note' || cell.kind === 'multiYearYear') return v || '—';
      const p = parseDecimalInput(v);
      return p.ok && p.value !== null ? formatFigure(Number(p.value), decimals, p.value) : '—';
    }
    return (
      <Tooltip title={bad ? t('ind.targets.badCell') : undefined}>
        <Input
          size="small"
          value={cellValue(d, cell)}
          status={bad ? 'error' : undefined}
          inputMode={cell.kind === 'note' ? 'text' : 'decimal'}
          style={{ width: width ?? '100%', textAlign: cell.kind === 'note' ? 'left' : 'right' }}
          data-testid={testId}
          onPaste={onPaste(i, cell)}
          onChange={(e) => put(r, withCell(d, cell, e.target.value))}
        />
      </Tooltip>
    );
  };

  const labels = g ? breakdownLabels(g.indicator.cadence, size, lang) : [];
  const showSum = !!g && size > 0 && g.indicator.accumulation === 'cumulative' && g.indicator.unit !== '%';
  const columns: ColumnsType<GridRow> = [
    {
      title: t('ind.col.unitName'),
      dataIndex: 'unitName',
      width: 170,
      fixed: 'left',
      render: (v: string, r) => (
        <div>
          <Typography.Text strong={!!drafts[rowKey(r)]}>{v}</Typography.Text>
          {(serverErrors[rowKey(r)] ?? []).map((m) => (
            <div key={m} style={{ color: '#cf1322', fontSize: 12 }} data-testid="targets-row-error">
              {m}
            </div>
          ))}
        </div>
      ),
    },
    { title: t('ind.targets.baseline'), key: 'baseline', width: 110, render: (_, r, i) => editCell(r, i, { kind: 'baseline' }, `target-baseline-${r.unitId}`) },
    { title: t('ind.targets.target', { y: year }), key: 'target', width: 120, render: (_, r, i) => editCell(r, i, { kind: 'target' }, `target-year-${r.unitId}`) },
    ...(showSum
      ? [
          {
            title: t('ind.targets.sum'),
            key: 'sum',
            width: 110,
            align: 'right' as const,
            render: (_: unknown, r: GridRow) => {
              const d = draft(r);
              const parsed = d.breakdown.map((b) => parseDecimalInput(b)).map((p) => (p.ok ? p.value : null));
              const sum = sumDecimals(parsed);
              const target = parseDecimalInput(d.target);
              const off = sum !== null && target.ok && target.value !== null && sumDecimals([sum, negate(target.value)]) !== '0';
              return sum === null ? '—' : <Typography.Text type={off ? 'warning' : undefined}>{formatFigure(Number(sum), decimals, sum)}</Typography.Text>;
            },
          },
        ]
      : []),
    ...labels.map((l, index) => ({ title: l, key: `b${index}`, width: size > 4 ? 90 : 110, render: (_: unknown, r: GridRow, i: number) => editCell(r, i, { kind: 'breakdown', index }, `target-b${index + 1}-${r.unitId}`) })),
    {
      title: t('ind.targets.multiYear'),
      key: 'multi',
      width: 190,
      render: (_, r, i) => (
        <Flex gap={4} align="center">
          {editCell(r, i, { kind: 'multiYearYear' }, `target-my-year-${r.unitId}`, 64)}
          <span>{editable ? t('ind.targets.yearSuffix') : ''}</span>
          {editCell(r, i, { kind: 'multiYearValue' }, `target-my-value-${r.unitId}`, 96)}
        </Flex>
      ),
    },
    { title: t('ind.targets.note'), key: 'note', width: 180, render: (_, r, i) => editCell(r, i, { kind: 'note' }, `target-note-${r.unitId}`) },
  ];

  return (
    <div>
      <PageHeader
        title={t('ind.targets.title')}
        sub={t('ind.targets.sub')}
        extra={
          editable && indicator ? (
            <>
              <ImportButton
                label={t('ind.targets.import')}
                testId="targets-import"
                run={(file, dryRun) => indicatorsApi.importTargets(file, year, indicator.id, dryRun)}
                onDone={() => void qc.invalidateQueries({ queryKey: indicatorKeys.targets(year, indicator.id) })}
              />
              <Button type="primary" icon={<SaveOutlined />} data-testid="targets-save" disabled={!changed.length || invalid.length > 0} loading={save.isPending} onClick={() => save.mutate()}>
                {t('ind.targets.save', { n: changed.length })}
              </Button>
            </>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select data-testid="targets-year" style={{ width: 120 }} value={year} onChange={(v) => set({ year: v })} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('ind.yearLabel', { y }) }))} />
          <IndicatorSelect testId="targets-indicator" indicators={indicators.data ?? []} loading={indicators.isLoading} value={indicator?.id} onChange={(id) => set({ indicatorId: id })} />
          {g ? (
            <Typography.Text type="secondary">
              {[g.indicator.unit ? t('ind.unitLabel', { unit: g.indicator.unit }) : null, label(INDICATOR_CADENCES, g.indicator.cadence), t('ind.targets.units', { n: rows.length })].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
          {changed.length ? <Tag color="blue">{t('ind.targets.unsaved', { n: changed.length })}</Tag> : null}
        </Flex>
      </Card>
      {editable ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ind.targets.pasteHelp')} /> : null}
      {invalid.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('ind.targets.invalid', { n: invalid.length })} data-testid="targets-invalid" /> : null}
      <Table<GridRow>
        data-testid="targets-table"
        rowKey={rowKey}
        size="small"
        bordered
        loading={grid.isLoading || indicators.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 170 + 110 + 120 + size * (size > 4 ? 90 : 110) + (showSum ? 110 : 0) + 190 + 180, y: 'calc(100vh - 360px)' }}
        onRow={(r) => ({ 'data-testid': `target-row-${r.unitId}` }) as object}
        locale={{ emptyText: <Empty description={indicator ? t('ind.targets.noUnits') : t('ind.noIndicators')} /> }}
      />
    </div>
  );
}
