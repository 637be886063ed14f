import { lazy } from 'react';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { campaignMessages } from './messages';

const CampaignListPage = lazy(() => import('./pages/CampaignListPage').then((m) => ({ default: m.CampaignListPage })));
const CampaignPage = lazy(() => import('./pages/CampaignPage').then((m) => ({ default: m.CampaignPage })));

/** 攻坚行动: the campaigns with their countdown, and one campaign's items checked one by one (in the 重点工作督办 group). */
export const campaignsFeature: FeatureManifest = {
  name: 'campaigns',
  routes: [
    { path: 'campaigns', element: gate('task:read', <CampaignListPage />) },
    { path: 'campaigns/:id', element: gate('task:read', <CampaignPage />) },
  ],
  menu: [{ key: 'campaigns', path: '/campaigns', label: 'nav.campaigns', icon: <ThunderboltOutlined />, permission: 'task:read', group: 'tasks-group', order: 20 }],
  messages: campaignMessages,
};
