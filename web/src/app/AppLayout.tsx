import { Suspense, useState } from 'react';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Spin, Tag, Typography, theme } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@tiaodu/contracts';
import { useI18n } from '../i18n';
import { useCan, useCurrentUser, ME_KEY } from '../features/auth/hooks/useAuth';
import { logout } from '../features/auth/api/auth';
import { LangSwitch } from './LangSwitch';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { menuItems, selectedKey } from './menu';
import { ErrorBoundary } from './ErrorBoundary';
import { useCompactLayout } from '../hooks/useMedia';
import { useSetupStatus } from '../features/setup/api';

const { Header, Sider, Content } = Layout;

function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed ? <span className="brand-text">{t('app.shortTitle')}</span> : null}
    </Link>
  );
}

export function AppLayout() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mobile = useCompactLayout();
  const [drawer, setDrawer] = useState(false);
  const { token } = theme.useToken();

  const setup = useSetupStatus();
  const key = selectedKey(location.pathname);
  // 初始化向导 stays in the menu until every step is done or skipped.
  const items = menuItems(can, t, () => setDrawer(false), setup.data && !setup.data.complete ? [] : ['setup']);
  const where = user.regionName ?? user.departmentName ?? user.enterpriseName ?? (user.scopeType === 'all' ? t('layout.allRegions') : null);

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
      navigate('/login', { replace: true });
    }
  };

  const menu = <Menu mode="inline" selectedKeys={key ? [key] : []} items={items} style={{ borderInlineEnd: 'none' }} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile ? (
        <Sider width={208} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <Brand />
          {menu}
        </Sider>
      ) : (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} styles={{ body: { padding: 0 } }} title={<Brand />} closable={false}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="app-header" style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {mobile ? <Button type="text" icon={<MenuOutlined />} aria-label={t('app.menu')} onClick={() => setDrawer(true)} data-testid="nav-toggle" /> : null}
            {mobile ? <Brand /> : <Typography.Text strong style={{ fontSize: 16 }}>{t('app.title')}</Typography.Text>}
          </Flex>
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            {/* the server answers nothing else until a required password change is done */}
            {!user.mustChangePassword ? <NotificationBell /> : null}
            <LangSwitch compact={mobile} />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <div style={{ lineHeight: 1.6 }}>
                        <div>{user.displayName}（{user.username}）</div>
                        <div>{label(ROLES, user.role)}{where ? ` · ${where}` : ''}</div>
                      </div>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('auth.changePassword')}</span>, onClick: () => navigate('/change-password') },
                  { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span>, onClick: () => void onLogout() },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" className="user-menu" style={{ height: 48, paddingInline: 8 }}>
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: token.colorPrimary, flex: 'none' }} />
                <span className="user-name">{user.displayName}</span>
                {!mobile ? (
                  <>
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>{label(ROLES, user.role)}</Tag>
                    {where ? <Typography.Text type="secondary" className="user-where">{where}</Typography.Text> : null}
                  </>
                ) : null}
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        <Content className="app-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
