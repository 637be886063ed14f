/**
 * The demo county's organisation (桐庐县): its regions, units, owner enterprises and the users of
 * every role. Part of the demo that the modules seed in their declared order (modules/index.ts).
 */
import { completeCreditCode, type Role, type ScopeType } from '@tiaodu/contracts';
import { inArray } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { DEMO_PASSWORD } from '../../core/demo.js';
import { createDepartment, createEnterprise, createRegion } from './org.service.js';
import { createUser } from './users.service.js';

export { DEMO_COUNTY, DEMO_PASSWORD } from '../../core/demo.js';

const REGIONS = [
  { code: '330000', name: '浙江省', level: 'province', parentCode: null },
  { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
  { code: '330122', name: '桐庐县', level: 'county', parentCode: '330100' },
  { code: '330122001', name: '桐君街道', level: 'town', parentCode: '330122' },
  { code: '330122002', name: '旧县街道', level: 'town', parentCode: '330122' },
  { code: '330122003', name: '城南街道', level: 'town', parentCode: '330122' },
  { code: '330122101', name: '富春江镇', level: 'town', parentCode: '330122' },
  { code: '330122102', name: '横村镇', level: 'town', parentCode: '330122' },
  { code: '330122103', name: '分水镇', level: 'town', parentCode: '330122' },
  { code: '330122104', name: '瑶琳镇', level: 'town', parentCode: '330122' },
  { code: '330122400', name: '桐庐经济开发区', level: 'park', parentCode: '330122' },
  { code: '330122401', name: '富春江科技城', level: 'park', parentCode: '330122' },
] as const;

const DEPARTMENTS = [
  ['桐庐县发展和改革局', '发改局', 'department'],
  ['桐庐县自然资源和规划局', '自然资源局', 'department'],
  ['桐庐县住房和城乡建设局', '住建局', 'department'],
  ['杭州市生态环境局桐庐分局', '生态环境分局', 'department'],
  ['桐庐县交通运输局', '交通局', 'department'],
  ['桐庐县水利水电局', '水利局', 'department'],
  ['桐庐县经济和信息化局', '经信局', 'department'],
  ['桐庐县文化和广电旅游体育局', '文广旅体局', 'department'],
  ['桐庐县教育局', '教育局', 'department'],
  ['桐庐县卫生健康局', '卫健局', 'department'],
  ['桐庐县商务局（投资促进中心）', '投促中心', 'department'],
  ['桐庐经济开发区管委会', '开发区管委会', 'park'],
  ['国网桐庐县供电公司', '供电公司', 'soe'],
  ['桐庐县城市发展投资集团有限公司', '城投集团', 'soe'],
] as const;

/** The demo's owner enterprises; the projects name theirs by position in this list. */
export const ENTERPRISES = [
  ['杭州富春智造科技有限公司', '330122400'],
  ['桐庐县城市发展投资集团有限公司', '330122'],
  ['浙江桐庐物流港有限公司', '330122003'],
  ['杭州瑶琳温泉旅游开发有限公司', '330122104'],
  ['桐庐县水务集团有限公司', '330122'],
  ['国网浙江省电力有限公司桐庐县供电公司', '330122'],
  ['杭州分水制笔产业园开发有限公司', '330122103'],
  ['浙江富春江新材料股份有限公司', '330122401'],
  ['桐庐县交通投资集团有限公司', '330122'],
  ['杭州横村针织产业发展有限公司', '330122102'],
] as const;

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  title?: string;
  scopeType: ScopeType;
  regionCode?: string;
  dept?: string;
  enterprise?: string;
}

/** The demo logins printed at start (admin is created by bootstrap). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'diaodu', displayName: '王调度', role: 'dispatcher', title: '县发改局重点办', scopeType: 'all' },
  { username: 'kaifaqu', displayName: '李园区', role: 'region', title: '开发区管委会经发局', scopeType: 'region', regionCode: '330122400' },
  { username: 'fenshui', displayName: '陈乡镇', role: 'region', title: '分水镇经济发展办', scopeType: 'region', regionCode: '330122103' },
  { username: 'xiangmu', displayName: '周业主', role: 'unit', title: '富春智造项目经理', scopeType: 'enterprise', enterprise: '杭州富春智造科技有限公司' },
  { username: 'ziranziyuan', displayName: '吴资规', role: 'department', title: '自然资源局审批科', scopeType: 'department', dept: '桐庐县自然资源和规划局' },
  { username: 'xianzhang', displayName: '郑县长', role: 'leader', title: '县长', scopeType: 'region', regionCode: '330122' },
  { username: 'fuxianzhang', displayName: '孙副县长', role: 'leader', title: '常务副县长', scopeType: 'assigned' },
  { username: 'fuxianzhang2', displayName: '冯副县长', role: 'leader', title: '副县长', scopeType: 'assigned' },
  { username: 'ducha', displayName: '赵督查', role: 'supervisor', title: '县委督查室', scopeType: 'all' },
  { username: 'zhaoshang', displayName: '钱招商', role: 'promotion', title: '县投资促进中心', scopeType: 'all' },
];

export async function seedDemoOrganisation(ctx: Ctx): Promise<void> {
  for (const r of REGIONS) await createRegion(ctx, { ...r, sort: 0 });
  const deptIds = new Map<string, number>();
  for (const [i, [name, shortName, kind]] of DEPARTMENTS.entries()) {
    const d = await createDepartment(ctx, { name, shortName, kind, regionCode: '330122', sort: i });
    deptIds.set(name, d.id);
  }
  const entIds: number[] = [];
  for (const [i, [name, region]] of ENTERPRISES.entries()) {
    const first17 = `91330122MA2${String(700000 + i * 1379).padStart(6, '0')}`;
    const e = await createEnterprise(ctx, { name, creditCode: completeCreditCode(first17), regionCode: region, legalPerson: null, contactPhone: null });
    entIds.push(e.id);
  }
  const userIds = new Map<string, number>();
  const personIds = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const created = await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      title: u.title,
      scopeType: u.scopeType,
      regionCode: u.regionCode ?? null,
      departmentId: u.dept ? deptIds.get(u.dept)! : null,
      enterpriseId: u.enterprise ? entIds[ENTERPRISES.findIndex(([n]) => n === u.enterprise)]! : null,
      password: DEMO_PASSWORD,
    });
    userIds.set(u.username, created.id);
    if (created.personId) personIds.set(u.username, created.personId);
  }
  // Demo users keep the demo password (no forced change) so every role can be tried at once.
  await ctx.db.update(users).set({ mustChangePassword: false }).where(inArray(users.id, [...userIds.values()]));
}
