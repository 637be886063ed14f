import { lazy } from 'react';
import { NodeIndexOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { milestoneMessages } from './messages';

const GanttPage = lazy(() => import('./pages/GanttPage').then((m) => ({ default: m.GanttPage })));
const TemplatesPage = lazy(() => import('./pages/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));

export const milestonesFeature: FeatureManifest = {
  name: 'milestones',
  routes: [
    { path: 'gantt', element: gate('milestone:read', <GanttPage />) },
    { path: 'milestone-templates', element: gate('milestone:edit', <TemplatesPage />) },
  ],
  menu: [
    { key: 'gantt', path: '/gantt', label: 'nav.gantt', icon: <ScheduleOutlined />, permission: 'milestone:read', group: 'dispatch', order: 20 },
    { key: 'templates', path: '/milestone-templates', label: 'nav.templates', icon: <NodeIndexOutlined />, permission: 'milestone:edit', group: 'dispatch', order: 30 },
  ],
  messages: milestoneMessages,
};
