import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { assignmentMessages } from './messages';

const AssignmentsPage = lazy(() => import('./pages/AssignmentsPage').then((m) => ({ default: m.AssignmentsPage })));
const AssignmentDetailPage = lazy(() => import('./pages/AssignmentDetailPage').then((m) => ({ default: m.AssignmentDetailPage })));

/** 领导交办与建议提案: the list with its filters and 办结率, the form of a new item, an item's page with 答复 and 评价. */
export const assignmentsFeature: FeatureManifest = {
  name: 'assignments',
  routes: [
    { path: 'assignments', element: gate('assignment:read', <AssignmentsPage />) },
    { path: 'assignments/:id', element: gate('assignment:read', <AssignmentDetailPage />) },
  ],
  menu: [{ key: 'assignments', path: '/assignments', label: 'nav.assignments', icon: <AuditOutlined />, permission: 'assignment:read', group: 'tasks-group', order: 30 }],
  messages: assignmentMessages,
};
