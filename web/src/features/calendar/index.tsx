import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { calendarMessages } from './messages';

const CalendarPage = lazy(() => import('./pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));

export const calendarFeature: FeatureManifest = {
  name: 'calendar',
  routes: [{ path: 'admin/calendar', element: gate('calendar:edit', <CalendarPage />) }],
  menu: [{ key: 'calendar', path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, permission: 'calendar:edit', group: 'org', order: 60 }],
  messages: calendarMessages,
};
