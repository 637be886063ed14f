import { useMemo } from 'react';
import { Col, Empty, Row, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { DashboardDto, Light, LightDimension, ProjectStage } from '@tiaodu/contracts';
import { EChart } from '../../../components/charts/EChart';
import type { ChartElementEvent, ChartInstance } from '../../../components/charts/echarts';
import { LIGHT_COLORS } from '../../warnings/components/LightDot';
import { useI18n } from '../../../i18n';
import { DashCard } from './DashCard';
import { lightsOption, planActualOption, regionOption, stageFunnelOption } from './chartOptions';

interface Props {
  d: DashboardDto;
  /** Height of each chart's drawing area. */
  height: number;
  /** Opens a child region (the regionCode of the dashboard's URL). */
  onRegion: (code: string) => void;
}

/**
 * The four charts of the dashboard in a 2 × 2 grid (one column on a phone). Loaded on its own
 * (React.lazy) so the key figures show while ECharts arrives.
 */
export function DashboardCharts({ d, height, onRegion }: Props) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const navigate = useNavigate();
  const planActual = useMemo(() => planActualOption(d, lang), [d, lang]);
  const funnel = useMemo(() => stageFunnelOption(d, lang), [d, lang]);
  const regions = useMemo(() => regionOption(d, lang), [d, lang]);
  const lights = useMemo(() => lightsOption(d, lang, LIGHT_COLORS), [d, lang]);
  const region = d.regionCode ? `&regionCode=${d.regionCode}` : '';

  // a click anywhere on a region's row opens it (a finger rarely hits a thin bar)
  const onRegionCanvas = (chart: ChartInstance, pixel: [number, number]) => {
    if (!chart.containPixel('grid', pixel)) return;
    const [, index] = chart.convertFromPixel({ gridIndex: 0 }, pixel) as number[];
    const r = d.regions[Math.round(index ?? -1)];
    // the 本级 row holds the region's own projects: there is no child region to open
    if (r && !r.own) onRegion(r.code);
  };
  const onStage = (e: ChartElementEvent) => {
    const stage = (e.data as { stage?: ProjectStage } | undefined)?.stage;
    if (stage) navigate(`/projects?stage=${stage}${region}`);
  };
  const onLight = (e: ChartElementEvent) => {
    const v = e.data as { dimension?: LightDimension; light?: Light } | undefined;
    if (v?.dimension && v.light) navigate(`/warnings?year=${d.year}&month=${d.month}&dimension=${v.dimension}&light=${v.light}${region}`);
  };
  const other = (['suspended', 'terminated'] as const).map((s) => `${s === 'suspended' ? L('停缓建', 'Suspended') : L('终止', 'Terminated')} ${d.byStage[s] ?? 0}`).join(' · ');

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12}>
        <DashCard title={L('累计计划与完成', 'Plan vs actual, cumulative')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{L('万元', '10k CNY')}</Typography.Text>} testId="chart-plan-actual">
          <EChart option={planActual} height={height} ariaLabel={L(`${d.year}年各月累计计划与完成投资`, `Cumulative planned and completed investment by month, ${d.year}`)} />
        </DashCard>
      </Col>
      <Col xs={24} md={12}>
        <DashCard
          title={L('区域对比', 'Regions')}
          extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{L(`序时进度 ${d.timeProgress}%`, `Time ${d.timeProgress}%`)}</Typography.Text>}
          testId="chart-regions"
        >
          {d.regions.length ? (
            <EChart option={regions} height={height} onCanvasClick={onRegionCanvas} ariaLabel={L('各区域年度计划与完成投资、完成率', 'Annual plan, completed investment and rate by region')} testId="chart-regions-canvas" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={L('本区域没有下级区划', 'No sub-regions')} style={{ height, margin: 0, paddingTop: height / 4 }} />
          )}
        </DashCard>
      </Col>
      <Col xs={24} md={12}>
        <DashCard title={L('项目阶段', 'Stages')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{other}</Typography.Text>} testId="chart-stages">
          <EChart option={funnel} height={height} onClick={onStage} ariaLabel={L('各阶段项目数', 'Projects by stage')} />
        </DashCard>
      </Col>
      <Col xs={24} md={12}>
        <DashCard title={L(`预警分布（${d.month}月）`, `Warnings (${d.year}-${d.month})`)} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{L('点击查看预警', 'Click to list')}</Typography.Text>} testId="chart-lights">
          <EChart option={lights} height={height} onClick={onLight} ariaLabel={L('各维度绿黄红灯项目数', 'Projects at green, yellow and red by dimension')} />
        </DashCard>
      </Col>
    </Row>
  );
}
