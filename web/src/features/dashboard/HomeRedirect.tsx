import { Spin } from 'antd';
import { Navigate } from 'react-router';
import { useCan, useCurrentUser } from '../auth/hooks/useAuth';
import { useSetupStatus } from '../setup/api';
import { markLanded, shouldLandOnSetup } from '../setup/setup';

function sessionStore(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The landing page after sign-in: the admin of a platform not yet set up goes to 初始化向导
 * (once per browser session), leaders to the dashboard, everyone else to the ledger.
 */
export function HomeRedirect() {
  const user = useCurrentUser();
  const can = useCan();
  const setup = useSetupStatus();
  if (can('admin:user') && setup.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (can('admin:user') && shouldLandOnSetup(setup.data, sessionStore())) {
    markLanded(sessionStore());
    return <Navigate to="/setup" replace />;
  }
  return <Navigate to={user.role === 'leader' ? '/dashboard' : '/projects'} replace />;
}
