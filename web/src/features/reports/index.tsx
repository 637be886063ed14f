import { lazy } from 'react';
import { FileDoneOutlined, FormOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { reportMessages } from './messages';

const ReportFillPage = lazy(() => import('./pages/ReportFillPage').then((m) => ({ default: m.ReportFillPage })));
const ReportReviewPage = lazy(() => import('./pages/ReportReviewPage').then((m) => ({ default: m.ReportReviewPage })));

export const reportsFeature: FeatureManifest = {
  name: 'reports',
  routes: [
    { path: 'reports/fill', element: gate('report:fill', <ReportFillPage />) },
    { path: 'reports/review', element: gate('report:review', <ReportReviewPage />) },
  ],
  menu: [
    { key: 'report-fill', path: '/reports/fill', label: 'nav.reportFill', icon: <FormOutlined />, permission: 'report:fill', group: 'dispatch', order: 40 },
    { key: 'report-review', path: '/reports/review', label: 'nav.reportReview', icon: <FileDoneOutlined />, permission: 'report:review', group: 'dispatch', order: 50 },
  ],
  messages: reportMessages,
};
