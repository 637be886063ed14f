import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Empty, InputNumber, Row, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useNarrow } from '../../../hooks/useMedia';
import { useCan, useCurrentUser } from '../../auth/hooks/useAuth';
import { indicatorKeys, indicatorsApi } from '../../indicators/api/indicators';
import { useRegions, useSettings } from '../../org/hooks/useLookups';
import { LIGHT_COLORS } from '../../warnings/components/LightDot';
import { useDashboard, useDashboardParams } from '../hooks/useDashboard';
import { DashCard } from '../components/DashCard';
import { KpiCards } from '../components/KpiCards';
import { MyProjectsTable } from '../components/MyProjectsTable';
import { MyTasksCard } from '../../tasks/components/MyTasksCard';
import { ProjectsMap } from '../components/ProjectsMap';
import { RANK_ROW_H, RANK_ROWS_SHOWN, RankSummaryCard } from '../components/RankSummaryCard';
import { regionChain, topRegionCode } from '../components/regionChain';

// ECharts is the largest library of the interface: its chunk loads after the key figures show
const DashboardCharts = lazy(() => import('../components/DashboardCharts').then((m) => ({ default: m.DashboardCharts })));

/** Height of one chart's drawing area; the map is as tall as two chart cards and the gap between them. */
const CHART_H = 200;
const CHART_H_PHONE = 240;
const CARD_CHROME = 36 + 16 + 2; // header, body padding, borders
const MAP_H = 2 * (CHART_H + CARD_CHROME) + 12 - CARD_CHROME;

/**
 * 领导驾驶舱: the key figures of the user's scope, cumulative plan vs actual, the stage funnel,
 * the regions compared, the lights by dimension and the map of projects by light; a leader's
 * own projects and key tasks below. At 1366×768 the figures, the four charts and the map fill one screen;
 * on a phone they stack.
 */
export function DashboardPage() {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const narrow = useNarrow();
  const user = useCurrentUser();
  const { params, set } = useDashboardParams();
  const q = useDashboard(params);
  const settings = useSettings();
  const regions = useRegions();
  const d = q.data;
  const can = useCan();
  // 本单位指标排名: a card above the map when the user's unit has published ranks; the map gives up its height
  const ranks = useQuery({ queryKey: indicatorKeys.summary, queryFn: indicatorsApi.summary, enabled: can('indicator:read'), staleTime: 60_000 });
  const rankItems = ranks.data?.items.length ?? 0;
  // 我的重点任务: the tasks a leader leads or follows, below the one screen beside 我的项目
  const showTasks = user.role === 'leader' && can('task:read');
  const rankBody = Math.min(rankItems, RANK_ROWS_SHOWN) * RANK_ROW_H;
  const mapH = rankItems ? MAP_H - (rankBody + CARD_CHROME + 12) : MAP_H;

  const root = useMemo(() => (user.scopeType === 'region' ? user.regionCode ?? null : topRegionCode(regions.data ?? [])), [user.scopeType, user.regionCode, regions.data]);
  const crumbs = useMemo(() => regionChain(regions.data ?? [], root, d?.regionCode ?? null), [regions.data, root, d?.regionCode]);

  if (!d) return <Card loading={q.isLoading}>{q.isError && <Empty description={L('加载失败', 'Could not load the dashboard')} />}</Card>;
  const lightCount = (l: keyof typeof LIGHT_COLORS) => d.map.filter((p) => p.light === l).length;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard" data-year={d.year} data-month={d.month} data-region={d.regionCode ?? ''}>
      <Space wrap align="center" size={[12, 8]}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {L('领导驾驶舱', 'Dashboard')}
        </Typography.Title>
        <InputNumber aria-label={L('年份', 'Year')} value={d.year} min={2000} max={2100} onChange={(v) => set({ year: v })} addonAfter={L('年', 'year')} style={{ width: 116 }} size="small" />
        <InputNumber aria-label={L('月份', 'Month')} value={d.month} min={1} max={12} onChange={(v) => set({ month: v })} addonAfter={L('月', 'month')} style={{ width: 96 }} size="small" />
        {crumbs.length ? (
          <Breadcrumb
            data-testid="region-crumbs"
            items={crumbs.map((r, i) => ({
              key: r.code,
              title:
                i === crumbs.length - 1 ? (
                  <span data-testid="region-current">{r.name}</span>
                ) : (
                  <a
                    href={`?regionCode=${r.code}`}
                    onClick={(e) => {
                      e.preventDefault();
                      set({ regionCode: i === 0 ? null : r.code });
                    }}
                  >
                    {r.name}
                  </a>
                ),
            }))}
          />
        ) : null}
        {q.isFetching ? <Typography.Text type="secondary">{L('更新中…', 'Updating…')}</Typography.Text> : null}
      </Space>

      <KpiCards d={d} />

      {narrow && rankItems && ranks.data ? <RankSummaryCard summary={ranks.data} /> : null}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Suspense fallback={<ChartsSkeleton height={narrow ? CHART_H_PHONE : CHART_H} />}>
            <DashboardCharts d={d} height={narrow ? CHART_H_PHONE : CHART_H} onRegion={(code) => set({ regionCode: code })} />
          </Suspense>
        </Col>
        <Col xs={24} xl={8}>
          {!narrow && rankItems && ranks.data ? (
            <div style={{ marginBottom: 12 }}>
              <RankSummaryCard summary={ranks.data} bodyHeight={rankBody} />
            </div>
          ) : null}
          <DashCard
            title={L('项目分布', 'Projects map')}
            testId="map-card"
            extra={
              <Space size={8} style={{ fontSize: 12 }}>
                {(['red', 'yellow', 'green'] as const).map((l) => (
                  <span key={l} data-testid={`map-count-${l}`} data-count={lightCount(l)}>
                    <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_COLORS[l], marginInlineEnd: 4 }} />
                    {lightCount(l)}
                  </span>
                ))}
              </Space>
            }
          >
            <ProjectsMap points={d.map} tileUrl={settings.data?.mapTileUrl ?? null} height={narrow ? 320 : mapH} testId="project-map" />
          </DashCard>
        </Col>
      </Row>

      {d.myProjects || showTasks ? (
        <Row gutter={[12, 12]}>
          {d.myProjects ? (
            <Col xs={24} xl={showTasks ? 15 : 24}>
              <DashCard title={L('我的项目', 'My projects')} testId="my-projects-card">
                <MyProjectsTable rows={d.myProjects} />
              </DashCard>
            </Col>
          ) : null}
          {showTasks ? (
            <Col xs={24} xl={d.myProjects ? 9 : 24}>
              <MyTasksCard />
            </Col>
          ) : null}
        </Row>
      ) : null}
    </Space>
  );
}

function ChartsSkeleton({ height }: { height: number }) {
  return (
    <Row gutter={[12, 12]}>
      {[0, 1, 2, 3].map((i) => (
        <Col key={i} xs={24} md={12}>
          <Card size="small" styles={{ body: { height: height + 16 + 36, padding: 12 } }}>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
