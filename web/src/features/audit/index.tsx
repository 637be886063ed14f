import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { auditMessages } from './messages';

const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));

export const auditFeature: FeatureManifest = {
  name: 'audit',
  routes: [{ path: 'audit', element: gate('audit:read', <AuditPage />) }],
  menu: [{ key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read', order: 90 }],
  messages: auditMessages,
};
