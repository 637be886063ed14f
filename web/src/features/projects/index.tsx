import { lazy } from 'react';
import { ProjectOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { ProjectListPage } from './pages/ProjectListPage';
import { projectMessages } from './messages';

const ProjectDetailPage = lazy(() => import('./pages/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage })));
const ProjectCreatePage = lazy(() => import('./pages/ProjectEditPages').then((m) => ({ default: m.ProjectCreatePage })));
const ProjectEditPage = lazy(() => import('./pages/ProjectEditPages').then((m) => ({ default: m.ProjectEditPage })));

export const projectsFeature: FeatureManifest = {
  name: 'projects',
  routes: [
    { path: 'projects', element: gate('project:read', <ProjectListPage />) },
    { path: 'projects/new', element: gate('project:create', <ProjectCreatePage />) },
    { path: 'projects/:id', element: gate('project:read', <ProjectDetailPage />) },
    { path: 'projects/:id/edit', element: gate('project:update', <ProjectEditPage />) },
  ],
  menu: [{ key: 'projects', path: '/projects', label: 'nav.projects', icon: <ProjectOutlined />, permission: 'project:read', order: 30 }],
  messages: projectMessages,
};
