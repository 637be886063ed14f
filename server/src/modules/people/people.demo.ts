/**
 * The demo's people without a login: a city leader and a county leader who lead projects, and the
 * head and liaison of a unit (an account can be given to any of them later, on 领导与人员).
 */
import { inArray } from 'drizzle-orm';
import { departments } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { createPerson } from './people.service.js';

export async function seedDemoPeople(ctx: Ctx): Promise<void> {
  const rows = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.name, ['桐庐县文化和广电旅游体育局', '桐庐县水利水电局']));
  const deptIds = new Map(rows.map((d) => [d.name, d.id]));
  await createPerson(ctx, { name: '许副市长', kind: 'leader', title: '杭州市副市长', level: 'city', regionCode: '330100' });
  await createPerson(ctx, { name: '邵副县长', kind: 'leader', title: '副县长', level: 'county', regionCode: '330122', overseeDepartmentIds: [deptIds.get('桐庐县文化和广电旅游体育局')!] });
  await createPerson(ctx, { name: '汪建平', kind: 'unit_head', title: '局长', departmentId: deptIds.get('桐庐县水利水电局')!, phone: '13805710466' });
  await createPerson(ctx, { name: '钟晓燕', kind: 'liaison', title: '办公室主任', departmentId: deptIds.get('桐庐县水利水电局')!, phone: '13905710522' });
}
