import { lazy } from 'react';
import { ApartmentOutlined, BankOutlined, IdcardOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { orgMessages } from './messages';

const RegionsPage = lazy(() => import('./pages/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const DepartmentsPage = lazy(() => import('./pages/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })));
const EnterprisesPage = lazy(() => import('./pages/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })));
const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const PeoplePage = lazy(() => import('./pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));

export const orgFeature: FeatureManifest = {
  name: 'org',
  routes: [
    { path: 'admin/regions', element: gate('admin:region', <RegionsPage />) },
    { path: 'admin/departments', element: gate('admin:department', <DepartmentsPage />) },
    { path: 'admin/enterprises', element: gate('admin:enterprise', <EnterprisesPage />) },
    { path: 'admin/users', element: gate('admin:user', <UsersPage />) },
    { path: 'org/people', element: gate('admin:user', <PeoplePage />) },
  ],
  menu: [
    { key: 'regions', path: '/admin/regions', label: 'nav.regions', icon: <ApartmentOutlined />, permission: 'admin:region', group: 'org', order: 10 },
    { key: 'departments', path: '/admin/departments', label: 'nav.departments', icon: <BankOutlined />, permission: 'admin:department', group: 'org', order: 20 },
    { key: 'enterprises', path: '/admin/enterprises', label: 'nav.enterprises', icon: <ShopOutlined />, permission: 'admin:enterprise', group: 'org', order: 30 },
    { key: 'users', path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'admin:user', group: 'org', order: 40 },
    { key: 'people', path: '/org/people', label: 'nav.people', icon: <IdcardOutlined />, permission: 'admin:user', group: 'org', order: 50 },
  ],
  messages: orgMessages,
};
