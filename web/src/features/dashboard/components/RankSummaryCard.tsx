import { Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { RankSummary } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { RankChangeText } from '../../indicators/components/IndicatorPickers';
import { formatPct, periodName, plainFigure } from '../../indicators/components/figures';
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
  const { t, lang } = useI18n();
  const growth = summary.items.some((i) => i.growth != null);
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
      {/* one grid for every row, so the columns line up; a row is a link laid out through `display: contents` */}
      <div style={{ height: bodyHeight, overflowY: 'auto', paddingInline: 4, display: 'grid', gridTemplateColumns: `minmax(0, 1fr) auto auto${growth ? ' auto' : ''}`, gridAutoRows: RANK_ROW_H, alignItems: 'center', columnGap: 12, fontSize: 13 }}>
        {summary.items.map((i) => (
          <Link key={`${i.indicatorId}-${i.period}`} to={`/indicators/benchmark?indicatorId=${i.indicatorId}&period=${i.period}`} data-testid={`rank-item-${i.indicatorId}`} style={{ display: 'contents', color: 'inherit' }}>
            <Tooltip title={`${i.indicatorName} · ${periodName(i.period, lang)}`}>
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {i.indicatorName}
              </Typography.Text>
            </Tooltip>
            <span style={{ whiteSpace: 'nowrap' }}>
              <b data-testid={`rank-item-rank-${i.indicatorId}`}>{i.rank == null ? t('ind.dash.unranked') : t('ind.dash.rank', { rank: i.rank, of: i.of })}</b> <RankChangeText change={i.rankChange} />
            </span>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12, textAlign: 'right' }}>
              {i.value == null ? '—' : `${plainFigure(i.value)}${i.unit}`}
            </Typography.Text>
            {growth ? (
              <Typography.Text type={i.growth != null && i.growth < 0 ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap', fontSize: 12, textAlign: 'right' }}>
                {i.growth == null ? '' : formatPct(i.growth)}
              </Typography.Text>
            ) : null}
          </Link>
        ))}
      </div>
    </DashCard>
  );
}
