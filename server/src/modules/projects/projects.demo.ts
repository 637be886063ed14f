/**
 * The demo county's 30-odd projects, of the kinds a county really carries, each moved along its
 * real stage path; their units, owners and leaders are those the organisation and people demos
 * registered.
 */
import type { ProjectCreate, ProjectStage } from '@tiaodu/contracts';
import { inArray } from 'drizzle-orm';
import { departments, enterprises, people, users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { ENTERPRISES } from '../admin/admin.demo.js';
import { changeStage, createProject } from './projects.service.js';

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

export async function seedDemoProjects(ctx: Ctx): Promise<void> {
  const deptIds = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.name, d.id]));
  const entByName = new Map((await ctx.db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises)).map((e) => [e.name, e.id]));
  const entIds = ENTERPRISES.map(([name]) => entByName.get(name)!);
  const accounts = await ctx.db.select({ username: users.username, personId: users.personId }).from(users).where(inArray(users.username, ['fuxianzhang', 'fuxianzhang2']));
  const personOf = (username: string) => accounts.find((a) => a.username === username)!.personId!;
  const named = await ctx.db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.name, ['邵副县长', '许副市长']));
  const personNamed = (name: string) => named.find((p) => p.name === name)!.id;
  // 包保领导 are people: the projects refer to the persons (with or without an account)
  const leaders = [personOf('fuxianzhang'), personOf('fuxianzhang2'), personNamed('邵副县长'), personNamed('许副市长')];
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
}
