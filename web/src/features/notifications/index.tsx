import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { notificationMessages } from './messages';

const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));

export const notificationsFeature: FeatureManifest = {
  name: 'notifications',
  routes: [{ path: 'notifications', element: gate('notification:read', <NotificationsPage />) }],
  menu: [{ key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: <BellOutlined />, permission: 'notification:read', order: 50 }],
  messages: notificationMessages,
};
