import { lazy, Suspense } from 'react';
import { AuditOutlined, BarChartOutlined, BookOutlined, SolutionOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { approvalMessages } from './messages';

const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const ApprovalDetailPage = lazy(() => import('./pages/ApprovalDetailPage').then((m) => ({ default: m.ApprovalDetailPage })));
const ProjectApprovalsPage = lazy(() => import('./pages/ProjectApprovalsPage').then((m) => ({ default: m.ProjectApprovalsPage })));
const OverduePage = lazy(() => import('./pages/OverduePage').then((m) => ({ default: m.OverduePage })));
const EfficiencyPage = lazy(() => import('./pages/EfficiencyPage').then((m) => ({ default: m.EfficiencyPage })));
const CataloguePage = lazy(() => import('./pages/CataloguePage').then((m) => ({ default: m.CataloguePage })));
const PublicEfficiencyPage = lazy(() => import('./pages/PublicEfficiencyPage').then((m) => ({ default: m.PublicEfficiencyPage })));

export const approvalsFeature: FeatureManifest = {
  name: 'approvals',
  publicRoutes: [
    // 信息公开: no login
    {
      path: '/public/efficiency',
      element: (
        <Suspense fallback={null}>
          <PublicEfficiencyPage />
        </Suspense>
      ),
    },
  ],
  routes: [
    { path: 'approvals', element: gate('approval:read', <ApprovalsPage />) },
    { path: 'approvals/:id', element: gate('approval:read', <ApprovalDetailPage />) },
    { path: 'projects/:id/approvals', element: gate('approval:read', <ProjectApprovalsPage />) },
    { path: 'approval-overdue', element: gate('approval:read', <OverduePage />) },
    { path: 'approval-catalogue', element: gate('approval:manage', <CataloguePage />) },
    { path: 'efficiency', element: gate('efficiency:read', <EfficiencyPage />) },
  ],
  menuGroups: [{ key: 'approvals-group', label: 'nav.approvalsGroup', order: 70 }],
  menu: [
    { key: 'approvals', path: '/approvals', label: 'nav.approvals', icon: <SolutionOutlined />, permission: 'approval:read', group: 'approvals-group', order: 10 },
    { key: 'approval-overdue', path: '/approval-overdue', label: 'nav.approvalOverdue', icon: <AuditOutlined />, permission: 'approval:read', group: 'approvals-group', order: 20 },
    { key: 'efficiency', path: '/efficiency', label: 'nav.efficiency', icon: <BarChartOutlined />, permission: 'efficiency:read', group: 'approvals-group', order: 30 },
    { key: 'approval-catalogue', path: '/approval-catalogue', label: 'nav.approvalCatalogue', icon: <BookOutlined />, permission: 'approval:manage', group: 'approvals-group', order: 40 },
  ],
  messages: approvalMessages,
};
