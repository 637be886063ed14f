import { lazy } from 'react';
import { AlertOutlined, ControlOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { warningMessages } from './messages';

const WarningsPage = lazy(() => import('./pages/WarningsPage').then((m) => ({ default: m.WarningsPage })));
const RuleSetsPage = lazy(() => import('./pages/RuleSetsPage').then((m) => ({ default: m.RuleSetsPage })));

export const warningsFeature: FeatureManifest = {
  name: 'warnings',
  routes: [
    { path: 'warnings', element: gate('warning:read', <WarningsPage />) },
    { path: 'rule-sets', element: gate('ruleset:edit', <RuleSetsPage />) },
  ],
  menu: [
    { key: 'warnings', path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, permission: 'warning:read', group: 'dispatch', order: 60 },
    { key: 'rule-sets', path: '/rule-sets', label: 'nav.ruleSets', icon: <ControlOutlined />, permission: 'ruleset:edit', group: 'dispatch', order: 70 },
  ],
  messages: warningMessages,
};
