import { Tag } from 'antd';
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, notificationGroupOf } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';

const GROUP_COLORS = { problem: 'orange', approval: 'blue', other: 'default' } as const;

/** The colour of a kind: red and yellow signals stand out, the rest by group. */
function colorOf(kind: string): string {
  if (kind.endsWith('.red')) return 'red';
  if (kind.endsWith('.yellow') || kind === 'approval.phase') return 'gold';
  return GROUP_COLORS[notificationGroupOf(kind)];
}

/** The kind of a notification as a tag (新问题, 问题交办, 审批红色预警 …); a kind without a label shows its group. */
export function NotificationKindTag({ kind }: { kind: string }) {
  const { label } = useI18n();
  const known = NOTIFICATION_KINDS.some((k) => k.value === kind);
  return (
    <Tag color={colorOf(kind)} style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }} data-testid="notification-kind">
      {known ? label(NOTIFICATION_KINDS, kind) : label(NOTIFICATION_GROUPS, notificationGroupOf(kind))}
    </Tag>
  );
}
