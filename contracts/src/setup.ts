import { z } from 'zod';
import { labels } from './enums.js';

/**
 * 初始化向导 (first-run checklist): what a new county or city sets up before its first month —
 * itself (from the national division list, GB/T 2260), its units, its leaders, its ledger, the
 * working-day calendar of the coming year, the warning rule set and the users of each role.
 */

export const SETUP_STEPS = labels([
  { value: 'region', zh: '本级区划', en: 'Your region' },
  { value: 'departments', zh: '单位', en: 'Units' },
  { value: 'leaders', zh: '领导', en: 'Leaders' },
  { value: 'import', zh: '导入项目台账', en: 'Import the ledger' },
  { value: 'calendar', zh: '工作日历', en: 'Working-day calendar' },
  { value: 'rules', zh: '预警规则', en: 'Warning rules' },
  { value: 'users', zh: '用户', en: 'Users' },
] as const);
export type SetupStepKey = (typeof SETUP_STEPS)[number]['value'];
export const SETUP_STEP_VALUES = SETUP_STEPS.map((s) => s.value) as [SetupStepKey, ...SetupStepKey[]];

export const SetupStepSchema = z.object({
  key: z.enum(SETUP_STEP_VALUES),
  /** Done by what the platform holds (e.g. a county region exists), or confirmed by the admin. */
  done: z.boolean(),
  skipped: z.boolean(),
  /** What the platform holds for this step, e.g. "14 个单位". */
  summary: z.string(),
});
export type SetupStep = z.infer<typeof SetupStepSchema>;

export const SetupStatusSchema = z.object({
  steps: z.array(SetupStepSchema),
  /** Every step done or skipped: the checklist is no longer shown. */
  complete: z.boolean(),
  /** The county or city the platform serves (the top region below province/city), if set. */
  home: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  /** The year the calendar step is about (next year from December, else this year). */
  calendarYear: z.number(),
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const SetupStepInputSchema = z
  .object({ status: z.enum(['done', 'skipped', 'open'], { message: 'status 应为 done、skipped 或 open' }) })
  .strict();

/** A division of the national list (GB/T 2260): 6-digit codes down to counties, 9-digit towns. */
export const DivisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'town']),
  hasChildren: z.boolean(),
});
export type Division = z.infer<typeof DivisionSchema>;

export const DivisionQuerySchema = z.object({
  parent: z
    .string()
    .regex(/^\d{2}(\d{4})?$|^\d{6}$/, '上级区划代码应为2位或6位数字')
    .optional(),
  q: z.string().trim().min(1).max(20).optional(),
});

/** Sets the platform's own county (or city) from the division list, with the towns chosen. */
export const SetupRegionInputSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, '请选择县（市、区）或设区的市'),
    towns: z.array(z.string().regex(/^\d{9}$/, '乡镇（街道）代码应为9位')).max(200).default([]),
  })
  .strict();
export type SetupRegionInput = z.input<typeof SetupRegionInputSchema>;

export const StandardDepartmentSchema = z.object({ name: z.string(), shortName: z.string() });
export const SetupDepartmentsInputSchema = z
  .object({
    regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '请选择所属区域'),
    departments: z
      .array(z.object({ name: z.string().trim().min(2, '名称至少2个字').max(100), shortName: z.string().trim().max(30).nullish() }).strict())
      .min(1, '请至少选择一个单位')
      .max(200),
  })
  .strict();
export type SetupDepartmentsInput = z.input<typeof SetupDepartmentsInputSchema>;
export const SetupDepartmentsResultSchema = z.object({ created: z.number(), existing: z.number() });
