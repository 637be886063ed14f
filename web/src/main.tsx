import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { Providers } from './app/Providers';
import { installFeatureMessages } from './app/messages';
import { router } from './app/router';
import { onUnauthorized } from './api/client';
import { queryClient } from './api/queryClient';
import { ME_KEY } from './features/auth/hooks/useAuth';
import { markSessionExpired } from './features/auth/pages/LoginPage';

// A 401 anywhere ends the session in the interface; RequireAuth then sends the user to the
// login page with the current address as the place to come back to. A password that must be
// changed first (reset by an admin, or expired during the session) reloads the current user,
// whose flag makes RequireAuth send them to the change-password page.
onUnauthorized((err) => {
  if (err.code === 'PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    return;
  }
  if (err.code === 'SESSION_EXPIRED') markSessionExpired();
  queryClient.setQueryData(ME_KEY, null);
});

installFeatureMessages();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
