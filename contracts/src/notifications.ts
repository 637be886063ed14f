import { z } from 'zod';

/**
 * Kinds of in-app notification, with their labels: every kind the server passes to notify().
 * A kind's prefix is its group (problem.* 问题, approval.* 审批; anything else 其他).
 */
export const NOTIFICATION_KINDS = [
  // 问题解决清单
  { value: 'problem.raised', zh: '新问题', en: 'Problem raised' },
  { value: 'problem.assigned', zh: '问题交办', en: 'Problem assigned' },
  { value: 'problem.prompt', zh: '问题临期提醒', en: 'Problem due soon' },
  { value: 'problem.escalated', zh: '问题升级', en: 'Problem escalated' },
  { value: 'problem.answered', zh: '问题答复', en: 'Problem answered' },
  { value: 'problem.reopened', zh: '问题重新办理', en: 'Problem reopened' },
  { value: 'problem.closed', zh: '问题销号', en: 'Problem closed' },
  // 手续办理: acts on an item
  { value: 'approval.submitted', zh: '审批申报', en: 'Approval submitted' },
  { value: 'approval.return', zh: '审批退回补正', en: 'Approval returned for correction' },
  { value: 'approval.reject', zh: '审批不予受理', en: 'Approval refused' },
  { value: 'approval.finish', zh: '审批办结', en: 'Approval completed' },
  // 效能监察: an item's signals, a phase's and the whole process's
  { value: 'approval.prompt', zh: '审批临期提醒', en: 'Approval due soon' },
  { value: 'approval.yellow', zh: '审批黄色预警', en: 'Approval yellow signal' },
  { value: 'approval.red', zh: '审批红色预警', en: 'Approval red signal' },
  { value: 'approval.phase', zh: '审批阶段预警', en: 'Approval phase signal' },
  { value: 'approval.process.prompt', zh: '审批全流程临期提醒', en: 'Approval process due soon' },
  { value: 'approval.process.red', zh: '审批全流程红色预警', en: 'Approval process red signal' },
  // 考核与擂台赛
  { value: 'competition.published', zh: '擂台赛成绩发布', en: 'Competition results published' },
  // 重点工作督办
  { value: 'task.reported', zh: '任务进展报送', en: 'Task progress submitted' },
  { value: 'task.accepted', zh: '任务进展审核通过', en: 'Task progress accepted' },
  { value: 'task.returned', zh: '任务进展退回', en: 'Task progress returned' },
  { value: 'task.urged', zh: '重点任务督办', en: 'Key task urged' },
  { value: 'task.urge.answered', zh: '督办答复', en: '督办 answered' },
  { value: 'task.urge.escalated', zh: '督办超期升级', en: '督办 escalated' },
  // 领导交办与建议提案
  { value: 'assignment.created', zh: '交办事项', en: 'Item assigned' },
  { value: 'assignment.escalated', zh: '交办事项超期升级', en: 'Assigned item escalated' },
  { value: 'assignment.answered', zh: '交办事项已答复', en: 'Assigned item answered' },
  { value: 'assignment.reopened', zh: '交办事项重新办理', en: 'Assigned item reopened' },
  { value: 'assignment.closed', zh: '交办事项办结', en: 'Assigned item closed' },
] as const;

/** Groups of notifications, by the prefix of their kind. */
export const NOTIFICATION_GROUPS = [
  { value: 'problem', zh: '问题', en: 'Problems' },
  { value: 'approval', zh: '审批', en: 'Approvals' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number]['value'];
export const NOTIFICATION_GROUP_VALUES = NOTIFICATION_GROUPS.map((g) => g.value) as [NotificationGroup, ...NotificationGroup[]];
/** The kinds' prefixes of the groups other than 'other'. */
export const NOTIFICATION_GROUP_PREFIXES: Readonly<Record<Exclude<NotificationGroup, 'other'>, string>> = { problem: 'problem.', approval: 'approval.' };

/** The group of a notification's kind. */
export function notificationGroupOf(kind: string): NotificationGroup {
  if (kind.startsWith(NOTIFICATION_GROUP_PREFIXES.problem)) return 'problem';
  if (kind.startsWith(NOTIFICATION_GROUP_PREFIXES.approval)) return 'approval';
  return 'other';
}

export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.object({
  unread: z.enum(['0', '1']).optional(),
  /** problem: 问题 (problem.*), approval: 审批 (approval.*), other: the rest. */
  group: z.enum(NOTIFICATION_GROUP_VALUES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number(),
  unread: z.number(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationReadSchema = z.object({
  /** The notifications to mark read; absent = all of the user's. */
  ids: z.array(z.number().int().positive()).max(500).optional(),
});
export type NotificationRead = z.infer<typeof NotificationReadSchema>;

// ── scheduler ──

export const SchedulerRunRequestSchema = z.object({
  /** Only these jobs; absent = every job. */
  jobs: z.array(z.string().min(1).max(60)).max(50).optional(),
  /** Run even if not due yet (default true: an on-demand run runs). */
  force: z.boolean().default(true),
});
export type SchedulerRunRequest = z.infer<typeof SchedulerRunRequestSchema>;

export const JobRunSchema = z.object({
  job: z.string(),
  status: z.enum(['ok', 'error']),
  result: z.unknown().optional(),
  error: z.string().optional(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const JobStateSchema = z.object({
  name: z.string(),
  everyMs: z.number(),
  lastStartedAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
  lastResult: z.unknown(),
  lastError: z.string().nullable(),
  runs: z.number(),
});
export type JobState = z.infer<typeof JobStateSchema>;
