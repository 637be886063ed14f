import { lazy } from 'react';
import { FlagOutlined, TeamOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { tourMessages } from './messages';

const ToursPage = lazy(() => import('./pages/ToursPage').then((m) => ({ default: m.ToursPage })));
const TourPage = lazy(() => import('./pages/TourPage').then((m) => ({ default: m.TourPage })));
const ScorePage = lazy(() => import('./pages/ScorePage').then((m) => ({ default: m.ScorePage })));
const JudgesPage = lazy(() => import('./pages/JudgesPage').then((m) => ({ default: m.JudgesPage })));

/** 现场观摩评比: tours, nominations with photos, the judges' phone score sheet, results; the judge pool. */
export const toursFeature: FeatureManifest = {
  name: 'tours',
  routes: [
    { path: 'tours', element: gate('tour:read', <ToursPage />) },
    { path: 'tours/:id', element: gate('tour:read', <TourPage />) },
    { path: 'tours/:id/score', element: gate('tour:score', <ScorePage />) },
    { path: 'tour-judges', element: gate('tour:read', <JudgesPage />) },
  ],
  menuGroups: [{ key: 'tours-group', label: 'nav.toursGroup', order: 77 }],
  menu: [
    { key: 'tours', path: '/tours', label: 'nav.tours', icon: <FlagOutlined />, permission: 'tour:read', group: 'tours-group', order: 10 },
    { key: 'tour-judges', path: '/tour-judges', label: 'nav.tourJudges', icon: <TeamOutlined />, permission: 'tour:read', group: 'tours-group', order: 20 },
  ],
  messages: tourMessages,
};
