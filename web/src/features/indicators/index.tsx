import { lazy } from 'react';
import { AimOutlined, AuditOutlined, BarChartOutlined, DatabaseOutlined, EditOutlined, FundOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { indicatorMessages } from './messages';

const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })));
const TargetsPage = lazy(() => import('./pages/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const FillPage = lazy(() => import('./pages/FillPage').then((m) => ({ default: m.FillPage })));
const PeriodsPage = lazy(() => import('./pages/PeriodsPage').then((m) => ({ default: m.PeriodsPage })));
const ValuesPage = lazy(() => import('./pages/ValuesPage').then((m) => ({ default: m.ValuesPage })));
const BenchmarkPage = lazy(() => import('./pages/BenchmarkPage').then((m) => ({ default: m.BenchmarkPage })));

/** 指标与目标: the catalogue, targets, reporting and its review, the league tables and 经济运行对标. */
export const indicatorsFeature: FeatureManifest = {
  name: 'indicators',
  routes: [
    { path: 'indicators', element: gate('indicator:read', <IndicatorsPage />) },
    { path: 'indicators/targets', element: gate('indicator:target', <TargetsPage />) },
    { path: 'indicators/fill', element: gate('indicator:report', <FillPage />) },
    { path: 'indicators/periods', element: gate('indicator:review', <PeriodsPage />) },
    { path: 'indicators/values', element: gate('indicator:read', <ValuesPage />) },
    { path: 'indicators/benchmark', element: gate('indicator:read', <BenchmarkPage />) },
  ],
  menuGroups: [{ key: 'indicators-group', label: 'nav.indicatorsGroup', order: 75 }],
  menu: [
    { key: 'indicator-fill', path: '/indicators/fill', label: 'nav.indicatorFill', icon: <EditOutlined />, permission: 'indicator:report', group: 'indicators-group', order: 10 },
    { key: 'indicator-periods', path: '/indicators/periods', label: 'nav.indicatorPeriods', icon: <AuditOutlined />, permission: 'indicator:review', group: 'indicators-group', order: 20 },
    { key: 'indicator-values', path: '/indicators/values', label: 'nav.indicatorValues', icon: <BarChartOutlined />, permission: 'indicator:read', group: 'indicators-group', order: 30 },
    { key: 'benchmark', path: '/indicators/benchmark', label: 'nav.benchmark', icon: <FundOutlined />, permission: 'indicator:read', group: 'indicators-group', order: 40 },
    { key: 'indicator-targets', path: '/indicators/targets', label: 'nav.indicatorTargets', icon: <AimOutlined />, permission: 'indicator:target', group: 'indicators-group', order: 50 },
    { key: 'indicators', path: '/indicators', label: 'nav.indicators', icon: <DatabaseOutlined />, permission: 'indicator:read', group: 'indicators-group', order: 60 },
  ],
  messages: indicatorMessages,
};
