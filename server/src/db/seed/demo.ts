import { completeCreditCode, type ProjectCreate, type ProjectStage, type Role, type ScopeType } from '@tiaodu/contracts';
import { inArray } from 'drizzle-orm';
import { users } from '../schema.js';
import type { Ctx } from '../../core/context.js';
import { createDepartment, createEnterprise, createRegion } from '../../modules/admin/org.service.js';
import { createUser } from '../../modules/admin/users.service.js';
import { createPerson } from '../../modules/people/people.service.js';
import { subscribeModules } from '../../modules/index.js';
import { changeStage, createProject } from '../../modules/projects/projects.service.js';
import { chinaToday } from '../../core/clock.js';
import { seedDemoMilestones } from './demo-milestones.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoWarnings } from './demo-warnings.js';
import { seedDemoReports } from './demo-reports.js';
import { seedDemoProblems } from './demo-problems.js';
import { seedDemoApprovals } from './demo-approvals.js';

import { DEMO_PASSWORD } from './demo-constants.js';

export { DEMO_COUNTY, DEMO_PASSWORD } from './demo-constants.js';

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

const ENTERPRISES = [
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

/** 30-odd projects of the kinds a county really carries. */
const PROJECTS: Array<[name: string, region: string, field: ProjectCreate['field'], total: number, owner: number, dept: string, leaders: number[], category: ProjectCreate['category'], level: ProjectCreate['level'], stage: ProjectCreate['stage'], chain?: string]> = [
  ['桐庐经济开发区智能制造产业园一期', '330122400', 'industry', 186000, 0, '桐庐经济开发区管委会', [0], 'continuing', 'province', 'construction', '智能制造'],
  ['富春智造年产50万台智能装备生产线项目', '330122400', 'industry', 68000, 0, '桐庐县经济和信息化局', [0], 'new_start', 'city', 'preliminary', '智能制造'],
  ['富春江科技城新材料产业基地', '330122401', 'industry', 125000, 7, '桐庐经济开发区管委会', [0, 1], 'continuing', 'city', 'construction', '新材料'],
  ['浙江富春江新材料年产3万吨碳纤维项目', '330122401', 'industry', 92000, 7, '桐庐县经济和信息化局', [1], 'new_start', 'province', 'started', '新材料'],
  ['分水制笔产业园提升改造工程', '330122103', 'industry', 35000, 6, '桐庐县经济和信息化局', [1], 'continuing', 'county', 'construction', '制笔'],
  ['横村针织产业数字化改造项目', '330122102', 'industry', 18000, 9, '桐庐县经济和信息化局', [1], 'new_start', 'county', 'preliminary', '针织'],
  ['桐庐物流港综合物流园', '330122003', 'service', 76000, 2, '桐庐县商务局（投资促进中心）', [0], 'continuing', 'city', 'construction', '现代物流'],
  ['城南冷链物流中心', '330122003', 'service', 22000, 2, '桐庐县商务局（投资促进中心）', [1], 'new_start', 'county', 'preliminary', '现代物流'],
  ['瑶琳温泉小镇度假区', '330122104', 'service', 150000, 3, '桐庐县文化和广电旅游体育局', [0, 3], 'continuing', 'province', 'construction', '文旅康养'],
  ['瑶琳仙境景区提升工程', '330122104', 'service', 16000, 3, '桐庐县文化和广电旅游体育局', [1, 2], 'completion', 'county', 'construction', '文旅康养'],
  ['富春江畔民宿集聚区', '330122101', 'service', 9800, 3, '桐庐县文化和广电旅游体育局', [1], 'preparatory', 'county', 'reserve', '文旅康养'],
  ['分水江水利枢纽配套灌区工程', '330122103', 'agriculture', 48000, 4, '桐庐县水利水电局', [1], 'continuing', 'province', 'construction'],
  ['富春江镇高标准农田建设项目', '330122101', 'agriculture', 6200, 4, '桐庐县水利水电局', [1], 'new_start', 'county', 'started'],
  ['横村镇现代农业产业园', '330122102', 'agriculture', 12500, 9, '桐庐县发展和改革局', [1], 'preparatory', 'county', 'planning'],
  ['桐庐220千伏输变电工程', '330122', 'infrastructure', 32000, 5, '国网桐庐县供电公司', [0], 'continuing', 'province', 'construction'],
  ['分水110千伏线路改造工程', '330122103', 'infrastructure', 8600, 5, '国网桐庐县供电公司', [1], 'new_start', 'county', 'preliminary'],
  ['杭新景高速桐庐互通连接线', '330122', 'infrastructure', 210000, 8, '桐庐县交通运输局', [0], 'continuing', 'province', 'construction'],
  ['320国道桐庐段改建工程', '330122002', 'infrastructure', 98000, 8, '桐庐县交通运输局', [0], 'continuing', 'city', 'construction'],
  ['县城污水处理厂提标扩容工程', '330122001', 'ecology', 26000, 4, '桐庐县住房和城乡建设局', [1], 'completion', 'county', 'construction'],
  ['富春江生态保护修复工程', '330122101', 'ecology', 58000, 1, '桐庐县自然资源和规划局', [0], 'continuing', 'province', 'construction'],
  ['县城老旧小区改造（2026年度）', '330122001', 'livelihood', 15000, 1, '桐庐县住房和城乡建设局', [1], 'new_start', 'county', 'started'],
  ['桐庐县第一人民医院迁建工程', '330122003', 'livelihood', 160000, 1, '桐庐县卫生健康局', [0], 'continuing', 'city', 'construction'],
  ['桐庐中学新校区建设工程', '330122002', 'livelihood', 72000, 1, '桐庐县教育局', [1], 'continuing', 'county', 'construction'],
  ['城南未来社区建设项目', '330122003', 'livelihood', 45000, 1, '桐庐县住房和城乡建设局', [1], 'new_start', 'county', 'preliminary'],
  ['富春江绿道三期', '330122101', 'ecology', 11000, 1, '桐庐县文化和广电旅游体育局', [1], 'completion', 'county', 'completed'],
  ['开发区标准厂房（三期）', '330122400', 'industry', 28000, 1, '桐庐经济开发区管委会', [0], 'completion', 'county', 'production', '智能制造'],
  ['分水镇集镇有机更新', '330122103', 'livelihood', 13000, 1, '桐庐县住房和城乡建设局', [1], 'preparatory', 'county', 'reserve'],
  ['桐庐县城乡供水一体化工程', '330122', 'infrastructure', 39000, 4, '桐庐县水利水电局', [1], 'continuing', 'city', 'suspended'],
  ['瑶琳镇农旅融合示范区', '330122104', 'agriculture', 7600, 3, '桐庐县文化和广电旅游体育局', [1], 'preparatory', 'county', 'planning'],
  ['横村镇污水零直排区建设', '330122102', 'ecology', 4800, 9, '桐庐县住房和城乡建设局', [1], 'new_start', 'county', 'preliminary'],
  ['富春江科技城人才公寓', '330122401', 'livelihood', 33000, 1, '桐庐经济开发区管委会', [0], 'new_start', 'county', 'started'],
  ['桐庐快递物流科创园', '330122003', 'service', 56000, 2, '桐庐县商务局（投资促进中心）', [0], 'new_start', 'city', 'preliminary', '现代物流'],
];

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function addMonths(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

const min = (a: string, b: string) => (a < b ? a : b);

/** The stage moves that bring a demo project from 储备 to its present stage, with dates and reasons. */
function stagePath(target: ProjectStage, p: ProjectCreate, registeredOn: string, today: string): Array<[ProjectStage, string, string]> {
  if (target === 'planning' || target === 'reserve') return [];
  const moves: Array<[ProjectStage, string, string]> = [];
  const prelim = min(addMonths(registeredOn, 2), today);
  moves.push(['preliminary', prelim, '完成项目建议书，启动前期工作']);
  if (target === 'preliminary') return moves;
  const start = min(p.actualStart ?? today, today);
  moves.push(['started', start, '首根桩施工，正式开工']);
  if (target === 'started') return moves;
  const building = min(addMonths(start, 1), today);
  moves.push(['construction', building, '主体工程全面施工']);
  if (target === 'construction') return moves;
  if (target === 'suspended') {
    moves.push(['suspended', min(addMonths(building, 6), today), '资金未到位，暂缓施工']);
    return moves;
  }
  const done = min(p.actualCompletion ?? today, today);
  moves.push(['completed', done, '通过竣工验收']);
  if (target === 'completed') return moves;
  moves.push(['production', min(addMonths(done, 1), today), '设备调试完成，投产运营']);
  return moves;
}

export async function seedDemo(base: Ctx): Promise<void> {
  // the demo is written through the modules' services: their events need their subscribers
  subscribeModules();
  // the lights are computed once, for every month, by seedDemoWarnings at the end
  const ctx: Ctx = { ...base, deferLights: true };
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
  // People without a login: a city leader and a county leader who lead projects, and the head
  // and liaison of a unit (an account can be given to any of them later, on 领导与人员).
  const cityLeader = await createPerson(ctx, { name: '许副市长', kind: 'leader', title: '杭州市副市长', level: 'city', regionCode: '330100' });
  const countyLeader = await createPerson(ctx, { name: '邵副县长', kind: 'leader', title: '副县长', level: 'county', regionCode: '330122', overseeDepartmentIds: [deptIds.get('桐庐县文化和广电旅游体育局')!] });
  await createPerson(ctx, { name: '汪建平', kind: 'unit_head', title: '局长', departmentId: deptIds.get('桐庐县水利水电局')!, phone: '13805710466' });
  await createPerson(ctx, { name: '钟晓燕', kind: 'liaison', title: '办公室主任', departmentId: deptIds.get('桐庐县水利水电局')!, phone: '13905710522' });
  // 包保领导 are people: the projects refer to the persons (with or without an account)
  const leaders = [personIds.get('fuxianzhang')!, personIds.get('fuxianzhang2')!, countyLeader.id, cityLeader.id];
  const rand = rng(20261122);
  const year = ctx.clock.now().getFullYear();
  const today = chinaToday(ctx.clock.now());
  for (const [i, p] of PROJECTS.entries()) {
    const [name, region, field, total, owner, dept, leaderIdx, category, level, stage, chain] = p;
    const startYear = category === 'continuing' || category === 'completion' ? year - 1 - Math.floor(rand() * 2) : year;
    const startMonth = 1 + Math.floor(rand() * 9);
    const started = ['started', 'construction', 'completed', 'production', 'suspended'].includes(stage ?? '');
    const durationYears = 1 + Math.floor(rand() * 3);
    const pad = (n: number) => String(n).padStart(2, '0');
    const regionSeq = String(10000 + i * 7 + Math.floor(rand() * 5)).padStart(5, '0');
    const body: ProjectCreate = {
      name,
      code: i % 5 === 4 ? null : `${startYear}-330122-${['04', '07', '44', '48', '78'][i % 5]}-0${1 + (i % 3)}-${regionSeq}${i % 10}`,
      statsCode: started ? `33012226${String(300000 + i * 13)}` : null,
      level,
      nature: i % 7 === 3 ? 'expansion' : i % 7 === 5 ? 'renovation' : 'new',
      category,
      planYear: year,
      field,
      industryCode: null,
      chainTags: chain ? [chain] : [],
      investmentType: ['infrastructure', 'livelihood', 'ecology'].includes(field) ? 'government' : 'enterprise',
      capitalOrigin: i === 3 ? 'foreign' : 'domestic',
      funding: ['infrastructure', 'livelihood', 'ecology'].includes(field)
        ? { specialBond: Math.round(total * 0.4), localFiscal: Math.round(total * 0.3), bankLoan: total - Math.round(total * 0.4) - Math.round(total * 0.3) }
        : { selfRaised: Math.round(total * 0.6), bankLoan: total - Math.round(total * 0.6) },
      ppp: i === 16,
      regionCode: region,
      location: `桐庐县${name.slice(0, 4)}`,
      lng: 119.55 + rand() * 0.35,
      lat: 29.7 + rand() * 0.25,
      landArea: field === 'industry' || field === 'service' ? Math.round(30 + rand() * 400) : null,
      newLand: i % 4 !== 2,
      ownerEnterpriseId: entIds[owner] ?? null,
      leaderIds: leaderIdx.map((k) => leaders[k]!),
      responsibleDeptId: deptIds.get(dept) ?? null,
      responsiblePerson: ['张建国', '李卫东', '王海燕', '刘志强', '陈晓峰'][i % 5],
      responsiblePhone: `1380571${String(1000 + i * 37).slice(-4)}`,
      liaisonName: ['何丽', '许斌', '蒋敏', '沈涛'][i % 4],
      liaisonPhone: `1395718${String(2000 + i * 53).slice(-4)}`,
      totalInvestment: total,
      plannedStart: `${startYear}-${pad(startMonth)}-01`,
      plannedCompletion: `${startYear + durationYears}-12-31`,
      actualStart: started ? `${startYear}-${pad(startMonth)}-${pad(10 + Math.floor(rand() * 15))}` : null,
      actualCompletion: stage === 'completed' || stage === 'production' ? `${year}-0${3 + Math.floor(rand() * 5)}-28` : null,
      content: `${name}：总投资${total}万元，主要建设${field === 'industry' ? '生产厂房、研发中心及配套设施' : field === 'infrastructure' ? '主体工程及配套设施' : '主体建筑及配套工程'}。`,
      stage: stage === 'planning' ? 'planning' : 'reserve',
    };
    // Registered as a reserve project months before its start, then moved along its real path.
    const registeredOn = addMonths(`${startYear}-${pad(startMonth)}-01`, -8);
    const created = await createProject(ctx, body, { registeredOn: registeredOn < today ? registeredOn : today });
    let version = created.version;
    for (const [to, date, reason] of stagePath(stage!, body, registeredOn, today)) {
      version = (await changeStage(ctx, created.id, { to, date, reason, version })).version;
    }
  }
  await seedDemoPlans(ctx);
  await seedDemoMilestones(ctx);
  await seedDemoReports(ctx);
  await seedDemoProblems(ctx);
  await seedDemoApprovals(ctx);
  await seedDemoWarnings(ctx);
}
