import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/hooks/useAuth';

/** The landing page after sign-in: leaders go to the dashboard, everyone else to the ledger. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={user.role === 'leader' ? '/dashboard' : '/projects'} replace />;
}
