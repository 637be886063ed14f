import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Permission } from '@tiaodu/contracts';
import { RequireAuth } from './RequireAuth';
import { AppLayout } from './AppLayout';
import { PermissionGate } from '../components/PermissionGate';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { ProjectListPage } from '../features/projects/pages/ProjectListPage';
import { HomeRedirect } from '../features/dashboard/HomeRedirect';
import { useI18n } from '../i18n';

const ProjectDetailPage = lazy(() => import('../features/projects/pages/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage })));
const ProjectCreatePage = lazy(() => import('../features/projects/pages/ProjectEditPages').then((m) => ({ default: m.ProjectCreatePage })));
const ProjectEditPage = lazy(() => import('../features/projects/pages/ProjectEditPages').then((m) => ({ default: m.ProjectEditPage })));
const ImportWizardPage = lazy(() => import('../features/import/pages/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));
const RegionsPage = lazy(() => import('../features/org/pages/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const DepartmentsPage = lazy(() => import('../features/org/pages/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })));
const EnterprisesPage = lazy(() => import('../features/org/pages/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })));
const UsersPage = lazy(() => import('../features/org/pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const GanttPage = lazy(() => import('../features/milestones/pages/GanttPage').then((m) => ({ default: m.GanttPage })));
const TemplatesPage = lazy(() => import('../features/milestones/pages/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const ReportFillPage = lazy(() => import('../features/reports/pages/ReportFillPage').then((m) => ({ default: m.ReportFillPage })));
const ReportReviewPage = lazy(() => import('../features/reports/pages/ReportReviewPage').then((m) => ({ default: m.ReportReviewPage })));
const WarningsPage = lazy(() => import('../features/warnings/pages/WarningsPage').then((m) => ({ default: m.WarningsPage })));
const RuleSetsPage = lazy(() => import('../features/warnings/pages/RuleSetsPage').then((m) => ({ default: m.RuleSetsPage })));
const DashboardPage = lazy(() => import('../features/dashboard/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const CalendarPage = lazy(() => import('../features/calendar/pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const ProblemsPage = lazy(() => import('../features/problems/pages/ProblemsPage').then((m) => ({ default: m.ProblemsPage })));
const ProblemDetailPage = lazy(() => import('../features/problems/pages/ProblemDetailPage').then((m) => ({ default: m.ProblemDetailPage })));
const ApprovalsPage = lazy(() => import('../features/approvals/pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const ApprovalDetailPage = lazy(() => import('../features/approvals/pages/ApprovalDetailPage').then((m) => ({ default: m.ApprovalDetailPage })));
const ProjectApprovalsPage = lazy(() => import('../features/approvals/pages/ProjectApprovalsPage').then((m) => ({ default: m.ProjectApprovalsPage })));
const ApprovalOverduePage = lazy(() => import('../features/approvals/pages/OverduePage').then((m) => ({ default: m.OverduePage })));
const EfficiencyPage = lazy(() => import('../features/approvals/pages/EfficiencyPage').then((m) => ({ default: m.EfficiencyPage })));
const ApprovalCataloguePage = lazy(() => import('../features/approvals/pages/CataloguePage').then((m) => ({ default: m.CataloguePage })));
const PublicEfficiencyPage = lazy(() => import('../features/approvals/pages/PublicEfficiencyPage').then((m) => ({ default: m.PublicEfficiencyPage })));
const ProblemRaisePage = lazy(() => import('../features/problems/pages/ProblemRaisePage').then((m) => ({ default: m.ProblemRaisePage })));
const NotificationsPage = lazy(() => import('../features/notifications/pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const SetupPage = lazy(() => import('../features/setup/pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const PeoplePage = lazy(() => import('../features/org/pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PlansPage = lazy(() => import('../features/plans/pages/PlansPage').then((m) => ({ default: m.PlansPage })));

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

const gate = (permission: Permission, page: ReactNode) => (
  <PermissionGate permission={permission} page>
    {page}
  </PermissionGate>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // 信息公开: no login
  {
    path: '/public/efficiency',
    element: (
      <Suspense fallback={null}>
        <PublicEfficiencyPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'projects', element: gate('project:read', <ProjectListPage />) },
          { path: 'problems', element: gate('problem:read', <ProblemsPage />) },
          { path: 'problems/new', element: gate('problem:raise', <ProblemRaisePage />) },
          { path: 'problems/:id', element: gate('problem:read', <ProblemDetailPage />) },
          { path: 'notifications', element: gate('notification:read', <NotificationsPage />) },
          { path: 'approvals', element: gate('approval:read', <ApprovalsPage />) },
          { path: 'approvals/:id', element: gate('approval:read', <ApprovalDetailPage />) },
          { path: 'projects/:id/approvals', element: gate('approval:read', <ProjectApprovalsPage />) },
          { path: 'approval-overdue', element: gate('approval:read', <ApprovalOverduePage />) },
          { path: 'approval-catalogue', element: gate('approval:manage', <ApprovalCataloguePage />) },
          { path: 'efficiency', element: gate('efficiency:read', <EfficiencyPage />) },
          { path: 'warnings', element: gate('warning:read', <WarningsPage />) },
          { path: 'rule-sets', element: gate('ruleset:edit', <RuleSetsPage />) },
          { path: 'dashboard', element: gate('dashboard:read', <DashboardPage />) },
          { path: 'reports/fill', element: gate('report:fill', <ReportFillPage />) },
          { path: 'reports/review', element: gate('report:review', <ReportReviewPage />) },
          { path: 'projects/new', element: gate('project:create', <ProjectCreatePage />) },
          { path: 'projects/import', element: gate('project:import', <ImportWizardPage />) },
          { path: 'projects/:id', element: gate('project:read', <ProjectDetailPage />) },
          { path: 'projects/:id/edit', element: gate('project:update', <ProjectEditPage />) },
          { path: 'admin/regions', element: gate('admin:region', <RegionsPage />) },
          { path: 'admin/departments', element: gate('admin:department', <DepartmentsPage />) },
          { path: 'admin/enterprises', element: gate('admin:enterprise', <EnterprisesPage />) },
          { path: 'admin/users', element: gate('admin:user', <UsersPage />) },
          { path: 'org/people', element: gate('admin:user', <PeoplePage />) },
          { path: 'setup', element: gate('admin:user', <SetupPage />) },
          { path: 'audit', element: gate('audit:read', <AuditPage />) },
          { path: 'gantt', element: gate('milestone:read', <GanttPage />) },
          { path: 'milestone-templates', element: gate('milestone:edit', <TemplatesPage />) },
          { path: 'plans', element: gate('plan:read', <PlansPage />) },
          { path: 'admin/calendar', element: gate('calendar:edit', <CalendarPage />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
