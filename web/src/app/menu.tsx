import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { AuditOutlined, ApartmentOutlined, BankOutlined, ProjectOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { CalendarOutlined, NodeIndexOutlined, ScheduleOutlined } from '@ant-design/icons';
import { FundOutlined } from '@ant-design/icons';
import { FileDoneOutlined, FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { AlertOutlined, ControlOutlined, DashboardOutlined } from '@ant-design/icons';
import { BellOutlined, IssuesCloseOutlined } from '@ant-design/icons';
import { RocketOutlined, IdcardOutlined } from '@ant-design/icons';
import { AuditOutlined as OverdueIcon, BarChartOutlined, BookOutlined, SolutionOutlined } from '@ant-design/icons';
import type { Permission } from '@tiaodu/contracts';
import type { I18n, MessageKey } from '../i18n';

interface Entry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  permission: Permission;
}

interface Group {
  key: string;
  label: MessageKey;
  children: Entry[];
}

/** The modules that exist, in menu order; each shows only with its permission. */
export const MENU: (Entry | Group)[] = [
  // Shown while the first-run checklist is incomplete (see menuItems' `hidden`).
  { key: 'setup', path: '/setup', label: 'nav.setup', icon: <RocketOutlined />, testId: 'nav-setup', permission: 'admin:user' },
  { key: 'dashboard', path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined />, testId: 'nav-dashboard', permission: 'dashboard:read' },
  { key: 'projects', path: '/projects', label: 'nav.projects', icon: <ProjectOutlined />, testId: 'nav-projects', permission: 'project:read' },
  { key: 'problems', path: '/problems', label: 'nav.problems', icon: <IssuesCloseOutlined />, testId: 'nav-problems', permission: 'problem:read' },
  { key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: <BellOutlined />, testId: 'nav-notifications', permission: 'notification:read' },
  {
    key: 'dispatch',
    label: 'nav.dispatch',
    children: [
      { key: 'plans', path: '/plans', label: 'nav.plans', icon: <FundOutlined />, testId: 'nav-plans', permission: 'plan:read' },
      { key: 'gantt', path: '/gantt', label: 'nav.gantt', icon: <ScheduleOutlined />, testId: 'nav-gantt', permission: 'milestone:read' },
      { key: 'templates', path: '/milestone-templates', label: 'nav.templates', icon: <NodeIndexOutlined />, testId: 'nav-templates', permission: 'milestone:edit' },
      { key: 'report-fill', path: '/reports/fill', label: 'nav.reportFill', icon: <FormOutlined />, testId: 'nav-report-fill', permission: 'report:fill' },
      { key: 'report-review', path: '/reports/review', label: 'nav.reportReview', icon: <FileDoneOutlined />, testId: 'nav-report-review', permission: 'report:review' },
      { key: 'warnings', path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, testId: 'nav-warnings', permission: 'warning:read' },
      { key: 'rule-sets', path: '/rule-sets', label: 'nav.ruleSets', icon: <ControlOutlined />, testId: 'nav-rule-sets', permission: 'ruleset:edit' },
    ],
  },
  {
    key: 'approvals-group',
    label: 'nav.approvalsGroup',
    children: [
      { key: 'approvals', path: '/approvals', label: 'nav.approvals', icon: <SolutionOutlined />, testId: 'nav-approvals', permission: 'approval:read' },
      { key: 'approval-overdue', path: '/approval-overdue', label: 'nav.approvalOverdue', icon: <OverdueIcon />, testId: 'nav-approval-overdue', permission: 'approval:read' },
      { key: 'efficiency', path: '/efficiency', label: 'nav.efficiency', icon: <BarChartOutlined />, testId: 'nav-efficiency', permission: 'efficiency:read' },
      { key: 'approval-catalogue', path: '/approval-catalogue', label: 'nav.approvalCatalogue', icon: <BookOutlined />, testId: 'nav-approval-catalogue', permission: 'approval:manage' },
    ],
  },
  {
    key: 'org',
    label: 'nav.org',
    children: [
      { key: 'regions', path: '/admin/regions', label: 'nav.regions', icon: <ApartmentOutlined />, testId: 'nav-regions', permission: 'admin:region' },
      { key: 'departments', path: '/admin/departments', label: 'nav.departments', icon: <BankOutlined />, testId: 'nav-departments', permission: 'admin:department' },
      { key: 'enterprises', path: '/admin/enterprises', label: 'nav.enterprises', icon: <ShopOutlined />, testId: 'nav-enterprises', permission: 'admin:enterprise' },
      { key: 'users', path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, testId: 'nav-users', permission: 'admin:user' },
      { key: 'people', path: '/org/people', label: 'nav.people', icon: <IdcardOutlined />, testId: 'nav-people', permission: 'admin:user' },
      { key: 'calendar', path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, testId: 'nav-calendar', permission: 'calendar:edit' },
    ],
  },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, testId: 'nav-audit', permission: 'audit:read' },
];

function item(e: Entry, t: I18n['t'], onNavigate?: () => void) {
  return {
    key: e.key,
    icon: e.icon,
    label: (
      <Link to={e.path} data-testid={e.testId} onClick={onNavigate}>
        {t(e.label)}
      </Link>
    ),
  };
}

/** The menu for these permissions; `hidden` leaves entries out (初始化向导 once setup is complete). */
export function menuItems(can: (p: Permission) => boolean, t: I18n['t'], onNavigate?: () => void, hidden: readonly string[] = []): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const shown = (e: Entry) => can(e.permission) && !hidden.includes(e.key);
  for (const m of MENU) {
    if ('children' in m) {
      const children = m.children.filter(shown).map((c) => item(c, t, onNavigate));
      if (children.length) items.push({ type: 'group', key: m.key, label: t(m.label), children });
    } else if (shown(m)) items.push(item(m, t, onNavigate));
  }
  return items;
}

/** The menu key of the current path. */
export function selectedKey(pathname: string): string | undefined {
  for (const m of MENU) {
    const entries = 'children' in m ? m.children : [m];
    for (const e of entries) if (pathname === e.path || pathname.startsWith(`${e.path}/`)) return e.key;
  }
  return undefined;
}
