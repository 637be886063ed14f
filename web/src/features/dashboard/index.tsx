import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { HomeRedirect } from './HomeRedirect';
import { dashboardMessages } from './messages';

const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export const dashboardFeature: FeatureManifest = {
  name: 'dashboard',
  routes: [
    { index: true, element: <HomeRedirect /> },
    { path: 'dashboard', element: gate('dashboard:read', <DashboardPage />) },
  ],
  menu: [{ key: 'dashboard', path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined />, permission: 'dashboard:read', order: 20 }],
  messages: dashboardMessages,
};
