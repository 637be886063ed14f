import { lazy } from 'react';
import { AlertOutlined, FlagOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { taskMessages } from './messages';

const TaskListPage = lazy(() => import('./pages/TaskListPage').then((m) => ({ default: m.TaskListPage })));
const TaskPage = lazy(() => import('./pages/TaskPage').then((m) => ({ default: m.TaskPage })));
const ReportPage = lazy(() => import('./pages/ReportPage').then((m) => ({ default: m.ReportPage })));
const DeskPage = lazy(() => import('./pages/DeskPage').then((m) => ({ default: m.DeskPage })));

/** 重点工作督办: key tasks, their pages, progress reports on a phone and the 督查 desk. */
export const tasksFeature: FeatureManifest = {
  name: 'tasks',
  routes: [
    { path: 'tasks', element: gate('task:read', <TaskListPage />) },
    { path: 'tasks/desk', element: gate('task:read', <DeskPage />) },
    { path: 'tasks/:id', element: gate('task:read', <TaskPage />) },
    { path: 'tasks/:id/report', element: gate('task:report', <ReportPage />) },
  ],
  menuGroups: [{ key: 'tasks-group', label: 'nav.tasksGroup', order: 79 }],
  // the desk first: the selected entry is the first whose path starts the URL, and /tasks/desk is under /tasks
  menu: [
    { key: 'task-desk', path: '/tasks/desk', label: 'nav.taskDesk', icon: <AlertOutlined />, permission: (can) => can('task:read') && (can('task:review') || can('task:urge')), group: 'tasks-group', order: 5 },
    { key: 'tasks', path: '/tasks', label: 'nav.tasks', icon: <FlagOutlined />, permission: 'task:read', group: 'tasks-group', order: 10 },
  ],
  messages: taskMessages,
};
