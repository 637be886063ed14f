import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { planMessages } from './messages';

const PlansPage = lazy(() => import('./pages/PlansPage').then((m) => ({ default: m.PlansPage })));

export const plansFeature: FeatureManifest = {
  name: 'plans',
  routes: [{ path: 'plans', element: gate('plan:read', <PlansPage />) }],
  menu: [{ key: 'plans', path: '/plans', label: 'nav.plans', icon: <FundOutlined />, permission: 'plan:read', group: 'dispatch', order: 10 }],
  messages: planMessages,
};
