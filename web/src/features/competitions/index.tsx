import { lazy, Suspense } from 'react';
import { FileAddOutlined, TrophyOutlined } from '@ant-design/icons';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { competitionMessages } from './messages';

const CompetitionListPage = lazy(() => import('./pages/CompetitionListPage').then((m) => ({ default: m.CompetitionListPage })));
const CompetitionPage = lazy(() => import('./pages/CompetitionPage').then((m) => ({ default: m.CompetitionPage })));
const ContestantPage = lazy(() => import('./pages/ContestantPage').then((m) => ({ default: m.ContestantPage })));
const SchemePage = lazy(() => import('./pages/SchemePage').then((m) => ({ default: m.SchemePage })));
const PublicCompetitionsPage = lazy(() => import('./pages/PublicCompetitionsPage').then((m) => ({ default: m.PublicCompetitionsPage })));

const publicPage = (
  <Suspense fallback={null}>
    <PublicCompetitionsPage />
  </Suspense>
);

/** 考核与擂台赛: the competitions' scores, flags, lists and leaderboard, their schemes, and the public pages. */
export const competitionsFeature: FeatureManifest = {
  name: 'competitions',
  publicRoutes: [
    // 信息公开: no login
    { path: '/public/competitions', element: publicPage },
    { path: '/public/competitions/:id/:period', element: publicPage },
  ],
  routes: [
    { path: 'competitions', element: gate('competition:read', <CompetitionListPage />) },
    { path: 'competitions/new', element: gate('competition:manage', <SchemePage />) },
    { path: 'competitions/:id', element: gate('competition:read', <CompetitionPage />) },
    { path: 'competitions/:id/scheme', element: gate('competition:manage', <SchemePage />) },
    { path: 'competitions/:id/contestants/:contestantId', element: gate('competition:read', <ContestantPage />) },
  ],
  menuGroups: [{ key: 'competitions-group', label: 'nav.competitionsGroup', order: 78 }],
  menu: [
    // the new scheme first: /competitions/new would otherwise select the list's entry
    { key: 'competition-new', path: '/competitions/new', label: 'nav.competitionNew', icon: <FileAddOutlined />, permission: 'competition:manage', group: 'competitions-group', order: 10 },
    { key: 'competitions', path: '/competitions', label: 'nav.competitions', icon: <TrophyOutlined />, permission: 'competition:read', group: 'competitions-group', order: 20 },
  ],
  messages: competitionMessages,
};
