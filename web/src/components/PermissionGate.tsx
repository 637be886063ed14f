import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@tiaodu/contracts';
import { useCan } from '../features/auth/hooks/useAuth';
import { useI18n } from '../i18n';

/** Renders its children only for users holding the permission; `page` shows a 403 instead. */
export function PermissionGate({ permission, children, page }: { permission: Permission; children: ReactNode; page?: boolean }) {
  const can = useCan();
  const { t } = useI18n();
  if (can(permission)) return <>{children}</>;
  return page ? <Result status="403" title="403" subTitle={t('app.forbidden')} /> : null;
}

/** A page shown only with the permission (403 otherwise): the element of a feature's route. */
export function gate(permission: Permission, page: ReactNode) {
  return (
    <PermissionGate permission={permission} page>
      {page}
    </PermissionGate>
  );
}
