import { lazy } from 'react';
import { IssuesCloseOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { problemMessages } from './messages';

const ProblemsPage = lazy(() => import('./pages/ProblemsPage').then((m) => ({ default: m.ProblemsPage })));
const ProblemDetailPage = lazy(() => import('./pages/ProblemDetailPage').then((m) => ({ default: m.ProblemDetailPage })));
const ProblemRaisePage = lazy(() => import('./pages/ProblemRaisePage').then((m) => ({ default: m.ProblemRaisePage })));

export const problemsFeature: FeatureManifest = {
  name: 'problems',
  routes: [
    { path: 'problems', element: gate('problem:read', <ProblemsPage />) },
    { path: 'problems/new', element: gate('problem:raise', <ProblemRaisePage />) },
    { path: 'problems/:id', element: gate('problem:read', <ProblemDetailPage />) },
  ],
  menu: [{ key: 'problems', path: '/problems', label: 'nav.problems', icon: <IssuesCloseOutlined />, permission: 'problem:read', order: 40 }],
  messages: problemMessages,
};
