import { z } from 'zod';
import { DEPARTMENT_KIND_VALUES, REGION_LEVEL_VALUES, ROLE_VALUES, SCOPE_TYPE_VALUES } from './enums.js';
import { MOBILE_RE, REGION_CODE_RE, isStrongPassword } from './validation.js';
import { CreditCodeSchema } from './projects.js';

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVEL_VALUES),
  parentCode: z.string().nullable(),
  sort: z.number(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionInputSchema = z
  .object({
    code: z.string().regex(REGION_CODE_RE, '区划代码应为6位（省市县，GB/T 2260）或9位（乡镇、园区）数字'),
    name: z.string().trim().min(2, '名称至少2个字').max(50),
    level: z.enum(REGION_LEVEL_VALUES, { message: '请选择层级' }),
    parentCode: z.string().regex(REGION_CODE_RE).nullish(),
    sort: z.number().int().default(0),
  })
  .strict();
export type RegionInput = z.input<typeof RegionInputSchema>;

export const DepartmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(DEPARTMENT_KIND_VALUES),
  regionCode: z.string(),
  sort: z.number(),
  active: z.boolean(),
  /** 分管领导: the leader in charge, the second level of the problem escalation ladder. */
  leaderId: z.number().nullable(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentInputSchema = z
  .object({
    name: z.string().trim().min(2, '名称至少2个字').max(100),
    shortName: z.string().trim().max(30).nullish(),
    kind: z.enum(DEPARTMENT_KIND_VALUES).default('department'),
    regionCode: z.string().regex(REGION_CODE_RE, '请选择所属区域'),
    sort: z.number().int().default(0),
    active: z.boolean().default(true),
    leaderId: z.number().int().positive().nullish(),
  })
  .strict();
export type DepartmentInput = z.input<typeof DepartmentInputSchema>;

export const EnterpriseSchema = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  legalPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type Enterprise = z.infer<typeof EnterpriseSchema>;

export const EnterpriseInputSchema = z
  .object({
    name: z.string().trim().min(2, '名称至少2个字').max(200),
    creditCode: CreditCodeSchema.nullish().or(z.literal('').transform(() => null)),
    regionCode: z.string().regex(REGION_CODE_RE).nullish(),
    legalPerson: z.string().trim().max(50).nullish(),
    contactPhone: z.string().trim().max(30).nullish(),
  })
  .strict();
export type EnterpriseInput = z.input<typeof EnterpriseInputSchema>;

export const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_VALUES),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  scopeType: z.enum(SCOPE_TYPE_VALUES),
  regionCode: z.string().nullable(),
  departmentId: z.number().nullable(),
  enterpriseId: z.number().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** The person (人员) this login belongs to: a leader's projects follow the person. */
  personId: z.number().nullable().optional(),
});
export type User = z.infer<typeof UserSchema>;

export const PasswordSchema = z.string().refine(isStrongPassword, '密码至少8位，且须包含大写字母、小写字母、数字和符号中的三类');

const userFields = {
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3—32位字母、数字或 _.-，以字母开头'),
  displayName: z.string().trim().min(2, '姓名至少2个字').max(50),
  role: z.enum(ROLE_VALUES, { message: '请选择角色' }),
  title: z.string().trim().max(50).nullish(),
  phone: z.string().trim().regex(MOBILE_RE, '手机号码格式不正确').nullish().or(z.literal('').transform(() => null)),
  scopeType: z.enum(SCOPE_TYPE_VALUES, { message: '请选择数据范围' }),
  regionCode: z.string().regex(REGION_CODE_RE).nullish(),
  departmentId: z.number().int().positive().nullish(),
  enterpriseId: z.number().int().positive().nullish(),
  active: z.boolean().default(true),
};

function checkScope(v: { scopeType?: string; regionCode?: string | null; departmentId?: number | null; enterpriseId?: number | null }, ctx: z.RefinementCtx) {
  if (v.scopeType === 'region' && !v.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '数据范围为“本区域”时须选择区域' });
  if (v.scopeType === 'department' && !v.departmentId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '数据范围为“本部门”时须选择部门' });
  if (v.scopeType === 'enterprise' && !v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '数据范围为“本单位”时须选择项目单位' });
}

export const UserCreateSchema = z
  .object({
    ...userFields,
    password: PasswordSchema,
    /** The person (人员) this login belongs to; for a leader without it, an unlinked leader of the same name, else a new person. */
    personId: z.number().int().positive().nullish(),
  })
  .strict()
  .superRefine(checkScope);
export type UserCreate = z.input<typeof UserCreateSchema>;

export const UserPatchSchema = z
  .object({
    displayName: userFields.displayName.optional(),
    role: userFields.role.optional(),
    title: userFields.title,
    phone: userFields.phone,
    scopeType: userFields.scopeType.optional(),
    regionCode: userFields.regionCode,
    departmentId: userFields.departmentId,
    enterpriseId: userFields.enterpriseId,
    active: z.boolean().optional(),
    password: PasswordSchema.optional(),
    unlock: z.boolean().optional(),
  })
  .strict();
export type UserPatch = z.input<typeof UserPatchSchema>;

export const LoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const ChangePasswordSchema = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: PasswordSchema,
});

export const MeSchema = z.object({
  user: UserSchema.extend({ permissions: z.array(z.string()), regionName: z.string().nullable(), departmentName: z.string().nullable(), enterpriseName: z.string().nullable() }),
  csrfToken: z.string(),
  passwordExpiresInDays: z.number().nullable().optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  actorId: z.coerce.number().int().positive().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  q: z.string().max(100).optional(),
});

/** Audit action names: `<entity>.<verb>`. */
export const AUDIT_ACTIONS = {
  'project.create': { zh: '新建项目', en: 'Project created' },
  'project.update': { zh: '修改项目', en: 'Project updated' },
  'project.delete': { zh: '删除项目', en: 'Project deleted' },
  'project.stage': { zh: '阶段变更', en: 'Stage changed' },
  'project.startDelayReason': { zh: '说明未按期开工原因', en: 'Start delay reason stated' },
  'project.import': { zh: '导入台账', en: 'Ledger imported' },
  'warning.recompute': { zh: '重新计算预警', en: 'Warnings recomputed' },
  'ruleset.update': { zh: '修改预警规则集', en: 'Rule set updated' },
  'ruleset.activate': { zh: '启用预警规则集', en: 'Rule set activated' },
  'plan.save': { zh: '保存年度计划', en: 'Annual plan saved' },
  'plan.adjust': { zh: '调整年度计划', en: 'Annual plan adjusted' },
  'plan.copy_forward': { zh: '结转年度计划', en: 'Annual plans carried forward' },
  'plan.import': { zh: '导入年度计划', en: 'Annual plans imported' },
  'calendar.set': { zh: '设置工作日历', en: 'Calendar day set' },
  'calendar.unset': { zh: '撤销工作日历调整', en: 'Calendar override removed' },
  'milestone_template.create': { zh: '新增节点模板', en: 'Milestone template created' },
  'milestone_template.update': { zh: '修改节点模板', en: 'Milestone template updated' },
  'milestone_template.delete': { zh: '删除节点模板', en: 'Milestone template deleted' },
  'milestone.apply_template': { zh: '套用节点模板（倒排工期）', en: 'Milestone template applied' },
  'milestone.create': { zh: '新增节点', en: 'Milestone created' },
  'milestone.update': { zh: '修改节点', en: 'Milestone updated' },
  'milestone.delete': { zh: '删除节点', en: 'Milestone deleted' },
  'region.create': { zh: '新增区域', en: 'Region created' },
  'region.update': { zh: '修改区域', en: 'Region updated' },
  'region.delete': { zh: '删除区域', en: 'Region deleted' },
  'department.create': { zh: '新增部门', en: 'Department created' },
  'department.update': { zh: '修改部门', en: 'Department updated' },
  'department.delete': { zh: '删除部门', en: 'Department deleted' },
  'enterprise.create': { zh: '新增企业', en: 'Enterprise created' },
  'enterprise.update': { zh: '修改企业', en: 'Enterprise updated' },
  'person.create': { zh: '新增人员', en: 'Person added' },
  'person.update': { zh: '修改人员', en: 'Person changed' },
  'person.account': { zh: '为人员开通账号', en: 'Account given to a person' },
  'setup.region': { zh: '初始化：设置本级区划', en: 'Setup: region set' },
  'setup.departments': { zh: '初始化：新增标准单位', en: 'Setup: standard units added' },
  'setup.step': { zh: '初始化：步骤状态', en: 'Setup: step status' },
  'user.create': { zh: '新增用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User updated' },
  'user.password': { zh: '修改密码', en: 'Password changed' },
  'user.login': { zh: '登录', en: 'Signed in' },
  'user.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'user.locked': { zh: '账号锁定', en: 'Account locked' },
  'import_mapping.save': { zh: '保存导入映射', en: 'Import mapping saved' },
  'report.window': { zh: '月报填报窗口', en: 'Report window changed' },
  'report.save': { zh: '保存月报草稿', en: 'Report draft saved' },
  'report.submit': { zh: '报送月报', en: 'Report submitted' },
  'report.return': { zh: '退回月报', en: 'Report returned' },
  'report.accept': { zh: '月报审核通过', en: 'Report accepted' },
  'report.revise': { zh: '修订月报', en: 'Report revised' },
  'report.import': { zh: '导入月报', en: 'Reports imported' },
  'report.photo': { zh: '月报照片', en: 'Report photo changed' },
  'problem.raise': { zh: '提出问题', en: 'Problem raised' },
  'problem.assign': { zh: '交办问题', en: 'Problem assigned' },
  'problem.accept': { zh: '受理问题', en: 'Problem accepted' },
  'problem.answer': { zh: '答复问题', en: 'Problem answered' },
  'problem.rate': { zh: '评价问题答复', en: 'Problem answer rated' },
  'problem.escalate': { zh: '问题超期升级', en: 'Problem escalated' },
  'problem.attach': { zh: '问题附件', en: 'Problem attachment changed' },
  'problem.ladder': { zh: '修改问题升级层级', en: 'Escalation ladder changed' },
  'approval_item.create': { zh: '新增审批事项', en: 'Approval item created' },
  'approval_item.update': { zh: '修改审批事项', en: 'Approval item updated' },
  'approval_item.delete': { zh: '删除审批事项', en: 'Approval item deleted' },
  'approval_template.create': { zh: '新增审批事项模板', en: 'Approval template created' },
  'approval_template.update': { zh: '修改审批事项模板', en: 'Approval template updated' },
  'approval_template.delete': { zh: '删除审批事项模板', en: 'Approval template deleted' },
  'approval.add': { zh: '项目增加审批事项', en: 'Approval items added to a project' },
  'approval.remove': { zh: '项目移除审批事项', en: 'Approval item removed from a project' },
  'approval.act': { zh: '审批事项办理', en: 'Approval step done' },
  'approval.rate': { zh: '评价审批办理', en: 'Approval rated' },
  'approval.settings': { zh: '修改审批时限与效能等次设置', en: 'Approval settings changed' },
  'efficiency.publish': { zh: '公开或撤回效能表', en: 'Efficiency table published or withdrawn' },
  'indicator.create': { zh: '新增指标', en: 'Indicator created' },
  'indicator.update': { zh: '修改指标', en: 'Indicator updated' },
  'indicator.delete': { zh: '删除指标', en: 'Indicator deleted' },
  'indicator.target': { zh: '设置目标任务', en: 'Targets set' },
  'indicator.period': { zh: '开启或修改指标填报期', en: 'Indicator entry period opened or changed' },
  'indicator.report': { zh: '填报指标数据', en: 'Indicator value reported' },
  'indicator.review': { zh: '审核指标数据', en: 'Indicator value reviewed' },
  'indicator.file': { zh: '指标佐证材料', en: 'Indicator evidence changed' },
  'indicator.import': { zh: '导入指标数据', en: 'Indicator values imported' },
  'indicator.publish': { zh: '发布或撤回指标排名', en: 'Indicator ranks published or withdrawn' },
  'indicator.peers': { zh: '修改对标组或对标单位', en: 'Peer groups or external units changed' },
  'competition.create': { zh: '新建擂台赛', en: 'Competition created' },
  'competition.update': { zh: '修改擂台赛或考核方案', en: 'Competition or scheme changed' },
  'competition.compute': { zh: '计算擂台赛成绩', en: 'Competition period computed' },
  'competition.publish': { zh: '发布擂台赛成绩', en: 'Competition period published' },
  'competition.adjust': { zh: '擂台赛加减分', en: 'Competition bonus or penalty' },
  'tour.create': { zh: '新建观摩评比', en: 'Tour created' },
  'tour.update': { zh: '修改观摩评比', en: 'Tour updated' },
  'tour.nominate': { zh: '推荐观摩项目', en: 'Project nominated for a tour' },
  'tour.nomination': { zh: '修改或删除观摩项目', en: 'Tour nomination changed' },
  'tour.photo': { zh: '观摩项目照片', en: 'Tour photo changed' },
  'tour.score': { zh: '评委评分', en: 'Tour score sheet' },
  'tour.judge': { zh: '修改评委库', en: 'Judge pool changed' },
  'task.create': { zh: '新建重点任务', en: 'Key task created' },
  'task.update': { zh: '修改重点任务', en: 'Key task updated' },
  'task.delete': { zh: '删除重点任务', en: 'Key task deleted' },
  'task.node': { zh: '修改任务节点', en: 'Task node changed' },
  'task.report': { zh: '填报任务进展', en: 'Task progress reported' },
  'task.review': { zh: '审核任务进展', en: 'Task progress reviewed' },
  'task.file': { zh: '任务附件或佐证材料', en: 'Task file changed' },
  'task.urge': { zh: '督办重点任务', en: 'Key task urged (督办)' },
  'task.urge.answer': { zh: '答复督办', en: '督办 answered' },
  'task.urge.escalate': { zh: '督办超期升级', en: '督办 escalated' },
  'task.types': { zh: '修改任务类型', en: 'Task types changed' },
  'task.import': { zh: '导入重点任务', en: 'Key tasks imported' },
  'assignment.create': { zh: '交办事项', en: 'Item assigned' },
  'assignment.answer': { zh: '答复交办事项', en: 'Assigned item answered' },
  'assignment.rate': { zh: '评价交办事项', en: 'Assigned item rated' },
  'assignment.escalate': { zh: '交办事项超期升级', en: 'Assigned item escalated' },
  'campaign.create': { zh: '新建攻坚行动', en: 'Campaign created' },
  'campaign.update': { zh: '修改攻坚行动', en: 'Campaign updated' },
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
