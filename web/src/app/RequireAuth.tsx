import { Spin, Result, Button } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/auth/hooks/useAuth';
import { useI18n } from '../i18n';
import { errorText } from '../api/errors';

/** Lets signed-in users through; others go to the login page, keeping where they wanted to go. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const { t, lang } = useI18n();
  if (me.isPending) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (me.isError) return <Result status="warning" title={errorText(me.error, lang)} extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>} />;
  const here = location.pathname + location.search;
  if (!me.data) return <Navigate to={`/login?redirect=${encodeURIComponent(here)}`} replace />;
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to={`/change-password?redirect=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}
