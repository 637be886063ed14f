import { Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { RankSummary } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { RankChangeText } from '../../indicators/components/IndicatorPickers';
import { formatPct, plainFigure } from '../../indicators/components/figures';
import { DashCard } from './DashCard';

/** Height of one row of the card; the page gives the map what the card does not take. */
export const RANK_ROW_H = 24;
/** Rows shown without scrolling inside the card. */
export const RANK_ROWS_SHOWN = 3;

/**
 * 本单位指标排名: the user's unit's latest published ranks (rank/of, change arrow, value, 增速),
 * from /api/benchmarks/summary; a row opens the indicator on the benchmark page.
 */
export function RankSummaryCard({ summary, bodyHeight }: { summary: RankSummary; bodyHeight?: number }) {
  const { t } = useI18n();
  return (
    <DashCard
      title={summary.unit ? `${t('ind.dash.title')} · ${summary.unit.unitName}` : t('ind.dash.title')}
      testId="rank-summary-card"
      extra={
        <Link to="/indicators/benchmark" style={{ fontSize: 12 }}>
          {t('ind.dash.more')}
        </Link>
      }
    >
      <div style={{ height: bodyHeight, overflowY: 'auto', paddingInline: 4 }}>
        {summary.items.map((i) => (
          <Link
            key={`${i.indicatorId}-${i.period}`}
            to={`/indicators/benchmark?indicatorId=${i.indicatorId}&period=${i.period}`}
            data-testid={`rank-item-${i.indicatorId}`}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 88px minmax(0, 92px) 52px', alignItems: 'center', columnGap: 8, height: RANK_ROW_H, color: 'inherit', fontSize: 13 }}
          >
            <Tooltip title={`${i.indicatorName} · ${i.periodLabel}`}>
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {i.indicatorName}
              </Typography.Text>
            </Tooltip>
            <span style={{ whiteSpace: 'nowrap' }}>
              <b data-testid={`rank-item-rank-${i.indicatorId}`}>{i.rank == null ? t('ind.dash.unranked') : t('ind.dash.rank', { rank: i.rank, of: i.of })}</b> <RankChangeText change={i.rankChange} />
            </span>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, textAlign: 'right' }}>
              {i.value == null ? '—' : `${plainFigure(i.value)}${i.unit}`}
            </Typography.Text>
            <Typography.Text type={i.growth != null && i.growth < 0 ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap', fontSize: 12, textAlign: 'right' }}>
              {i.growth == null ? '' : formatPct(i.growth)}
            </Typography.Text>
          </Link>
        ))}
      </div>
    </DashCard>
  );
}
