import type { ReactNode } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../i18n';

interface Props {
  /** The row's name, in the delete confirmation. */
  name: string;
  onEdit: () => void;
  /** Deletes the row; errors are shown by the mutation. Without it, no delete button. */
  onDelete?: () => unknown;
  /** Shown instead of the delete button (e.g. "in use"). */
  deleteBlocked?: ReactNode;
  /** Further actions, before edit. */
  children?: ReactNode;
}

/** The edit / delete (with confirmation) links of a row in the catalogue and organisation tables. */
export function RowActions({ name, onEdit, onDelete, deleteBlocked, children }: Props) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {children}
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {deleteBlocked ??
        (onDelete ? (
          <Popconfirm title={t('common.deleteConfirm', { name })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={onDelete}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        ) : null)}
    </Space>
  );
}
