import { z } from 'zod';
import { labels } from './enums.js';
import { MOBILE_RE, REGION_CODE_RE } from './validation.js';
import { PasswordSchema } from './admin.js';

/**
 * People (人员): leaders (包保领导 / 分管领导) and the responsible persons and liaisons of units,
 * recorded as people before — and whether or not — they have a login. Projects, departments
 * (分管领导) and the problem ladder refer to people; an account (users.person_id) is optional
 * and can be given later, and the person's projects follow it.
 */

export const PERSON_KINDS = labels([
  { value: 'leader', zh: '领导', en: 'Leader' },
  { value: 'unit_head', zh: '单位负责人', en: 'Unit head' },
  { value: 'liaison', zh: '联络员', en: 'Liaison' },
] as const);
export type PersonKind = (typeof PERSON_KINDS)[number]['value'];
export const PERSON_KIND_VALUES = PERSON_KINDS.map((k) => k.value) as [PersonKind, ...PersonKind[]];

export const LEADER_LEVELS = labels([
  { value: 'province', zh: '省级', en: 'Provincial' },
  { value: 'city', zh: '市级', en: 'City' },
  { value: 'county', zh: '县级', en: 'County' },
  { value: 'town', zh: '乡镇级', en: 'Town' },
] as const);
export type LeaderLevel = (typeof LEADER_LEVELS)[number]['value'];
export const LEADER_LEVEL_VALUES = LEADER_LEVELS.map((k) => k.value) as [LeaderLevel, ...LeaderLevel[]];

export const PersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(PERSON_KIND_VALUES),
  title: z.string().nullable(),
  level: z.enum(LEADER_LEVEL_VALUES).nullable(),
  regionCode: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  /** Shown to those who manage users only. */
  phone: z.string().nullable(),
  active: z.boolean(),
  /** The departments this person oversees as 分管领导. */
  oversees: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Projects this person is 包保领导 of. */
  projectCount: z.number(),
  /** The login of this person, if one was given. */
  userId: z.number().nullable(),
  username: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonQuerySchema = z.object({
  role: z.enum(['leader', 'contact'], { message: 'role 应为 leader 或 contact' }).optional(),
  kind: z.enum(PERSON_KIND_VALUES).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  hasAccount: z.enum(['true', 'false']).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type PersonQuery = z.infer<typeof PersonQuerySchema>;

const personFields = {
  name: z.string().trim().min(2, '姓名至少2个字').max(50, '姓名不能超过50个字'),
  kind: z.enum(PERSON_KIND_VALUES, { message: '请选择人员类别' }),
  title: z.string().trim().max(50).nullish(),
  level: z.enum(LEADER_LEVEL_VALUES).nullish(),
  regionCode: z.string().regex(REGION_CODE_RE, '区划代码不正确').nullish(),
  departmentId: z.number().int().positive().nullish(),
  phone: z.string().trim().regex(MOBILE_RE, '手机号码格式不正确').nullish().or(z.literal('').transform(() => null)),
  active: z.boolean().optional(),
  /** Departments overseen as 分管领导 (leaders only); replaces the list when given. */
  overseeDepartmentIds: z.array(z.number().int().positive()).max(50).optional(),
};

export const PersonInputSchema = z.object(personFields).strict();
export type PersonInput = z.input<typeof PersonInputSchema>;

export const PersonPatchSchema = z
  .object({
    name: personFields.name.optional(),
    kind: personFields.kind.optional(),
    title: personFields.title,
    level: personFields.level,
    regionCode: personFields.regionCode,
    departmentId: personFields.departmentId,
    phone: personFields.phone,
    active: personFields.active,
    overseeDepartmentIds: personFields.overseeDepartmentIds,
  })
  .strict();
export type PersonPatch = z.input<typeof PersonPatchSchema>;

/** Gives a person a login: a leader gets role 包保领导 with the assigned projects as scope; a unit's people get their department. */
export const PersonAccountInputSchema = z
  .object({
    username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3—32位字母、数字或 _.-，以字母开头'),
    password: PasswordSchema,
    /** Ask the person to choose their own password at the first login (default true). */
    mustChangePassword: z.boolean().optional(),
  })
  .strict();
export type PersonAccountInput = z.infer<typeof PersonAccountInputSchema>;
