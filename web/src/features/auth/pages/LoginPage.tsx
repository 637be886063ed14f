import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { login } from '../api/auth';
import { ME_KEY, useMe } from '../hooks/useAuth';
import { LangSwitch } from '../../../app/LangSwitch';

const EXPIRED_FLAG = 'tiaodu.sessionExpired';

/** Remembers that the last request found the session expired, to say so on the login page. */
export function markSessionExpired(): void {
  try {
    sessionStorage.setItem(EXPIRED_FLAG, '1');
  } catch {
    /* ignore */
  }
}

function takeSessionExpired(): boolean {
  try {
    const v = sessionStorage.getItem(EXPIRED_FLAG) === '1';
    sessionStorage.removeItem(EXPIRED_FLAG);
    return v;
  } catch {
    return false;
  }
}

/** Only same-site paths are accepted as the place to return to. */
export function safeRedirect(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return '/';
  return raw;
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const redirect = safeRedirect(sp.get('redirect'));
  const [expired] = useState(takeSessionExpired);
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username.trim(), v.password),
    onSuccess: (data) => {
      qc.clear();
      qc.setQueryData(ME_KEY, data);
      const days = data.passwordExpiresInDays;
      if (days != null && days >= 0 && days <= 7) message.warning(t('auth.passwordExpiresSoon', { n: days }));
      navigate(data.user.mustChangePassword ? `/change-password?redirect=${encodeURIComponent(redirect)}` : redirect, { replace: true });
    },
    onError: (e) => setError(errorText(e, lang)),
  });

  useEffect(() => {
    document.body.classList.add('login-body');
    return () => document.body.classList.remove('login-body');
  }, []);

  if (me.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={redirect} replace />;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <Card className="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.loginSubtitle')}</Typography.Text>
        </div>
        {expired && !error ? <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form layout="vertical" size="large" onFinish={(v: { username: string; password: string }) => { setError(null); mutation.mutate(v); }} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
