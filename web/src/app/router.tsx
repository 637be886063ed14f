import { createBrowserRouter, type RouteObject } from 'react-router';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { RequireAuth } from './RequireAuth';
import { AppLayout } from './AppLayout';
import { FEATURES } from '../features';
import type { FeatureManifest } from './feature';
import { useI18n } from '../i18n';

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** The routes of these features: their public pages, then their pages inside the signed-in layout. */
export function assembleRoutes(features: readonly FeatureManifest[]): RouteObject[] {
  return [
    ...features.flatMap((f) => f.publicRoutes ?? []),
    {
      element: <RequireAuth />,
      children: [
        {
          element: <AppLayout />,
          children: [...features.flatMap((f) => f.routes ?? []), { path: '*', element: <NotFound /> }],
        },
      ],
    },
  ];
}

export const router = createBrowserRouter(assembleRoutes(FEATURES));
