import { lazy } from 'react';
import { RocketOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { setupMessages } from './messages';

const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })));

export const setupFeature: FeatureManifest = {
  name: 'setup',
  routes: [{ path: 'setup', element: gate('admin:user', <SetupPage />) }],
  // Shown while the first-run checklist is incomplete (AppLayout hides it afterwards).
  menu: [{ key: 'setup', path: '/setup', label: 'nav.setup', icon: <RocketOutlined />, permission: 'admin:user', order: 10 }],
  messages: setupMessages,
};
