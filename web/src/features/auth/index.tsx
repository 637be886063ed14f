import type { FeatureManifest } from '../../app/feature';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { authMessages } from './messages';

export const authFeature: FeatureManifest = {
  name: 'auth',
  publicRoutes: [{ path: '/login', element: <LoginPage /> }],
  routes: [{ path: 'change-password', element: <ChangePasswordPage /> }],
  messages: authMessages,
};
