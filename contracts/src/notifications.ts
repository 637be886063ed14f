import { z } from 'zod';

/** Kinds of in-app notification, with their labels. */
export const NOTIFICATION_KINDS = [
  { value: 'problem.raised', zh: '新问题', en: 'Problem raised' },
  { value: 'problem.assigned', zh: '问题交办', en: 'Problem assigned' },
  { value: 'problem.escalated', zh: '问题升级', en: 'Problem escalated' },
  { value: 'problem.answered', zh: '问题答复', en: 'Problem answered' },
  { value: 'problem.reopened', zh: '问题重新办理', en: 'Problem reopened' },
  { value: 'problem.closed', zh: '问题销号', en: 'Problem closed' },
  { value: 'approval.prompt', zh: '审批到期提醒', en: 'Approval due soon' },
  { value: 'approval.yellow', zh: '审批黄牌', en: 'Approval yellow signal' },
  { value: 'approval.red', zh: '审批红牌', en: 'Approval red signal' },
] as const;

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
