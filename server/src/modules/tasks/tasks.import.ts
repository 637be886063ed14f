/**
 * Import of a task list in the layout 督查室 circulate (序号, 任务, 牵头领导, 牵头单位, 配合单位,
 * 完成时限, 进展情况): all rows or none. Leaders and units are matched as the ledger import matches
 * them (projects/import/domain/names.ts: "县水利局" = "桐庐县水利局"; "刘卫东同志" = "刘卫东");
 * every row error is named in Chinese with its row number.
 *
 * A 序号 such as 1.2 makes the row a sub-task of the row numbered 1 (at most three levels), as the
 * export writes them. A row whose task already exists — a task of the year with the same title
 * (spaces and full-width signs aside), under the same parent — updates it (牵头领导 when given,
 * 牵头单位, 配合单位, 完成时限) instead of creating a second one, so a list exported, corrected in Excel and
 * imported again changes what changed and nothing else; 进展情况 only fills a new task's 说明
 * (in an exported list it is the reports' text, not something to write back).
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_TASK_TYPES, type TaskImportResult } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { inTransaction, publish } from '../../core/events.js';
import { readWorkbook, XlsxReadError } from '../../lib/xlsx/read.js';
import { cellText, type CellValue } from '../../lib/xlsx/cells.js';
import { cleanText, compactText } from '../../lib/xlsx/text.js';
import { personKey, unitKey } from '../projects/import/domain/names.js';
import { stripRegionSuffix } from '../projects/import/domain/resolve.js';
import { tasks, taskUnits } from './tasks.schema.js';
import { getTaskTypes } from './tasks.service.js';

const COLUMNS: Record<string, RegExp> = {
  no: /^(序号|编号)$/,
  title: /^(任务|任务名称|工作任务|重点任务|重点工作|工作内容|任务内容)$/,
  leader: /^(牵头领导|责任领导|分管领导|牵头县领导)$/,
  lead: /^(牵头单位|责任单位|牵头部门)$/,
  co: /^(配合单位|协同单位|配合部门|责任单位（配合）)$/,
  deadline: /^(完成时限|完成时间|时间节点|完成期限)$/,
  progress: /^(进展情况|推进情况|工作进展|进展)$/,
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 2026-12-31, 2026/12/31, 2026年12月31日, 2026年12月底, 2026年底, 2026年6月, an Excel date; else null. */
export function parseDeadline(v: CellValue, year: number): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = compactText(cellText(v)).replace(/前$/, '');
  if (!t) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(?:(\d{4})年)?(\d{1,2})月(?:底|末)?$/.exec(t);
  if (m) {
    const y = m[1] ? Number(m[1]) : year;
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` : null;
  }
  m = /^(\d{4})年(?:底|末)?$/.exec(t);
  if (m) return `${m[1]}-12-31`;
  if (/^(年底|年末|全年)$/.test(t)) return `${year}-12-31`;
  return null;
}

interface UnitEntry {
  unitType: 'region' | 'department';
  unitId: string;
  name: string;
}

export async function importTasks(ctx: Ctx, file: Buffer, opts: { dryRun: boolean; type?: string; year?: number }): Promise<TaskImportResult> {
  if (ctx.user.scopeType !== 'all') throw new AppError('FORBIDDEN', '只有调度员可以导入任务清单');
  let book;
  try {
    book = await readWorkbook(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new AppError('FILE_INVALID', e.message);
    throw e;
  }
  const sheet = book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
  if (!sheet) throw new AppError('FILE_INVALID', '文件中没有工作表');
  // the header row: the first row naming 任务 and 牵头单位
  let headerRow = -1;
  const cols: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (let r = 0; r < Math.min(sheet.rows.length, 15) && headerRow < 0; r++) {
    const row = sheet.rows[r] ?? [];
    const found: Partial<Record<keyof typeof COLUMNS, number>> = {};
    row.forEach((c, i) => {
      const t = compactText(cellText(c));
      for (const [k, re] of Object.entries(COLUMNS)) if (re.test(t) && found[k as keyof typeof COLUMNS] === undefined) found[k as keyof typeof COLUMNS] = i;
    });
    if (found.title !== undefined && found.lead !== undefined) {
      headerRow = r;
      Object.assign(cols, found);
    }
  }
  if (headerRow < 0) throw new AppError('FILE_INVALID', '未找到表头：应有“任务”和“牵头单位”列（序号、任务、牵头领导、牵头单位、配合单位、完成时限、进展情况）');
  const type = opts.type?.trim() || '重点工作';
  const types = (await getTaskTypes(ctx)).types;
  if (!types.includes(type)) throw new AppError('VALIDATION', `任务类型「${type}」不在类型列表中（${[...DEFAULT_TASK_TYPES].join('、')}等）`);
  const defaultYear = opts.year && opts.year >= 2000 && opts.year <= 2100 ? opts.year : Number(new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));

  // lookup tables: units (regions and departments) and leaders (people)
  const regionRows = (await ctx.db.execute(sql`SELECT code, name FROM regions`)).rows as Array<{ code: string; name: string }>;
  const deptRows = (await ctx.db.execute(sql`SELECT id, name, short_name, region_code FROM departments WHERE active`)).rows as Array<{ id: number; name: string; short_name: string | null; region_code: string }>;
  const peopleRows = (await ctx.db.execute(sql`SELECT id, name FROM people WHERE active`)).rows as Array<{ id: number; name: string }>;
  const regionNames = regionRows.map((r) => r.name).concat(regionRows.map((r) => stripRegionSuffix(r.name)));
  const units = new Map<string, UnitEntry[]>();
  const addUnit = (k: string, u: UnitEntry) => {
    const list = units.get(k) ?? [];
    if (!list.some((x) => x.unitType === u.unitType && x.unitId === u.unitId)) list.push(u);
    units.set(k, list);
  };
  for (const d of deptRows) {
    const u: UnitEntry = { unitType: 'department', unitId: String(d.id), name: d.name };
    for (const n of [d.name, d.short_name].filter((x): x is string => !!x)) {
      addUnit(compactText(n), u);
      addUnit(unitKey(n, regionNames), u);
    }
  }
  for (const r of regionRows) {
    const u: UnitEntry = { unitType: 'region', unitId: r.code, name: r.name };
    addUnit(compactText(r.name), u);
    addUnit(stripRegionSuffix(r.name), u);
  }
  const leaders = new Map<string, Array<{ id: number; name: string }>>();
  for (const p of peopleRows) leaders.set(personKey(p.name), [...(leaders.get(personKey(p.name)) ?? []), { id: Number(p.id), name: p.name }]);
  const findUnit = (text: string): UnitEntry | string => {
    const exact = units.get(compactText(text)) ?? units.get(unitKey(text, regionNames)) ?? units.get(stripRegionSuffix(text));
    if (!exact?.length) return `单位「${text}」不存在`;
    if (exact.length > 1) return `单位「${text}」有多个同名单位（${exact.map((x) => x.name).join('、')}），请写全称`;
    return exact[0]!;
  };

  const errors: TaskImportResult['errors'] = [];
  const rows: TaskImportResult['rows'] = [];
  interface Parsed {
    rowNo: number;
    no: string | null;
    parentNo: string | null;
    title: string;
    leaderId: number | null;
    lead: UnitEntry;
    co: UnitEntry[];
    deadline: string;
    progress: string | null;
    year: number;
  }
  const parsed: Parsed[] = [];
  const byNo = new Map<string, Parsed>();
  const text = (row: CellValue[], c: number | undefined) => (c === undefined ? '' : cleanText(cellText(row[c] ?? null), { multiline: true }).trim());
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    const title = text(row, cols.title);
    const leadText = text(row, cols.lead);
    if (!title && !leadText) continue;
    const err = (m: string) => errors.push({ row: rowNo, message: `第${rowNo}行：${m}` });
    if (!title) {
      err('请填写任务');
      continue;
    }
    if (title.length > 200) err('任务名称不能超过200个字符');
    // 序号: 1, 1.1, 1.1.1 (a sub-task of the row numbered 1, 1.1); other numbering (一、(1)) is a root task
    const noText = compactText(text(row, cols.no)).replace(/[．。]/g, '.');
    const no = /^\d+(?:\.\d+){0,2}$/.test(noText) ? noText : null;
    const parentNo = no && no.includes('.') ? no.slice(0, no.lastIndexOf('.')) : null;
    if (parentNo && !byNo.has(parentNo)) err(`序号${no}是子任务，但表中在它之前没有序号${parentNo}的任务`);
    if (no && byNo.has(no)) err(`序号${no}重复`);
    let leaderId: number | null = null;
    const leaderText = text(row, cols.leader);
    if (leaderText) {
      const first = leaderText.split(/[、，,；;\s]+/).filter(Boolean)[0]!;
      const found = leaders.get(personKey(first));
      if (!found?.length) err(`牵头领导「${first}」不在人员库中`);
      else if (found.length > 1) err(`牵头领导「${first}」有重名，请在人员库中区分`);
      else leaderId = found[0]!.id;
    }
    let lead: UnitEntry | null = null;
    if (!leadText) err('请填写牵头单位');
    else {
      const first = leadText.split(/[、，,；;\n]+/).filter(Boolean)[0]!.trim();
      const u = findUnit(first);
      if (typeof u === 'string') err(`牵头${u}`);
      else lead = u;
    }
    const co: UnitEntry[] = [];
    for (const name of text(row, cols.co).split(/[、，,；;\n]+/).map((s) => s.trim()).filter(Boolean)) {
      const u = findUnit(name);
      if (typeof u === 'string') err(`配合${u}`);
      else if (!(lead && u.unitType === lead.unitType && u.unitId === lead.unitId) && !co.some((x) => x.unitId === u.unitId && x.unitType === u.unitType)) co.push(u);
    }
    const dl = cols.deadline === undefined ? null : row[cols.deadline] ?? null;
    const deadline = parseDeadline(dl, defaultYear);
    if (!deadline) err(cellText(dl) ? `完成时限「${cellText(dl)}」无法识别，请写成 2026-12-31 或 2026年12月底` : '请填写完成时限');
    const parent = parentNo ? byNo.get(parentNo) : undefined;
    if (parent && lead) {
      // a sub-task's unit is one of its root task's units (as a sub-task made on the page)
      let root = parent;
      while (root.parentNo && byNo.get(root.parentNo)) root = byNo.get(root.parentNo)!;
      if (![root.lead, ...root.co].some((u) => u.unitType === lead!.unitType && u.unitId === lead!.unitId)) err(`子任务的责任单位「${lead.name}」不在任务「${root.title}」的牵头或配合单位中`);
    }
    if (parent && deadline && deadline > parent.deadline) err(`子任务完成时限${deadline}晚于上级任务（${parent.deadline}）`);
    if (lead && deadline && !errors.some((e) => e.row === rowNo)) {
      const year = parent ? parent.year : opts.year && opts.year >= 2000 && opts.year <= Number(deadline.slice(0, 4)) ? opts.year : Number(deadline.slice(0, 4));
      const p: Parsed = { rowNo, no, parentNo, title, leaderId, lead, co, deadline, progress: text(row, cols.progress) || null, year };
      parsed.push(p);
      if (no) byNo.set(no, p);
      rows.push({ row: rowNo, title, leadLeaderName: leaderText || null, leadUnitName: lead.name, coUnitNames: co.map((c) => c.name), deadline, action: 'create', parentRow: parent?.rowNo ?? null, taskId: null });
    }
  }
  if (!parsed.length && !errors.length) errors.push({ row: headerRow + 2, message: '表中没有任务' });

  // the tasks the rows are already: a task of the year with the same title under the same parent
  const years = [...new Set(parsed.map((p) => p.year))];
  const existing = years.length
    ? ((await ctx.db.execute(sql`SELECT id, parent_id, depth, title, year, lead_leader_id, lead_unit_type, lead_unit_id, deadline::text AS deadline FROM tasks WHERE year = ANY(${`{${years.join(',')}}`}::int[])`)).rows as Array<{ id: number; parent_id: number | null; depth: number; title: string; year: number; lead_leader_id: number | null; lead_unit_type: string; lead_unit_id: string; deadline: string }>)
    : [];
  const existingUnits = new Map<number, string[]>();
  const lastNode = new Map<number, string>();
  if (existing.length) {
    const ids = `{${existing.map((t) => t.id).join(',')}}`;
    for (const u of (await ctx.db.execute(sql`SELECT task_id, unit_type, unit_id, role, sort FROM task_units WHERE task_id = ANY(${ids}::int[]) ORDER BY role DESC, sort`)).rows as Array<{ task_id: number; unit_type: string; unit_id: string; role: string }>)
      if (u.role === 'co') existingUnits.set(Number(u.task_id), [...(existingUnits.get(Number(u.task_id)) ?? []), `${u.unit_type}:${u.unit_id}`]);
    for (const n of (await ctx.db.execute(sql`SELECT task_id, max(due_date)::text AS due FROM task_nodes WHERE task_id = ANY(${ids}::int[]) GROUP BY task_id`)).rows as Array<{ task_id: number; due: string }>) lastNode.set(Number(n.task_id), n.due);
  }
  const sameTitle = (a: string, b: string) => compactText(a) === compactText(b);
  const matched = new Map<Parsed, (typeof existing)[number] | null>();
  for (const [i, p] of parsed.entries()) {
    const parent = p.parentNo ? byNo.get(p.parentNo) : undefined;
    const parentId = parent ? (matched.get(parent)?.id ?? null) : null;
    // a new parent has no existing children
    const candidates = parent && parentId === null ? [] : existing.filter((t) => Number(t.year) === p.year && (t.parent_id === null ? null : Number(t.parent_id)) === parentId && sameTitle(t.title, p.title));
    const err = (m: string) => errors.push({ row: p.rowNo, message: `第${p.rowNo}行：${m}` });
    if (candidates.length > 1) {
      err(`${p.year}年已有${candidates.length}项名为「${p.title}」的任务，无法确定更新哪一项，请先在系统中区分名称`);
      continue;
    }
    const t = candidates[0] ?? null;
    matched.set(p, t);
    const out = rows[i]!;
    if (!t) continue;
    out.taskId = Number(t.id);
    const last = lastNode.get(Number(t.id));
    if (last && last > p.deadline) err(`完成时限${p.deadline}早于任务「${t.title}」已有节点的日期（${last}）`);
    const co = p.co.map((u) => `${u.unitType}:${u.unitId}`);
    const same =
      t.lead_unit_type === p.lead.unitType &&
      t.lead_unit_id === p.lead.unitId &&
      t.deadline === p.deadline &&
      (p.leaderId === null || Number(t.lead_leader_id) === p.leaderId) &&
      (existingUnits.get(Number(t.id)) ?? []).join(',') === co.join(',');
    out.action = same ? 'unchanged' : 'update';
  }
  // a task updated keeps its sub-tasks' units among its own (the sub-tasks of every matched root, in one read)
  const roots = [...matched].filter(([p, t]) => t && !p.parentNo) as Array<[Parsed, (typeof existing)[number]]>;
  const subs = roots.length
    ? ((await ctx.db.execute(sql`SELECT root_id, title, lead_unit_type, lead_unit_id FROM tasks WHERE root_id = ANY(${`{${roots.map(([, t]) => t.id).join(',')}}`}::int[])`)).rows as Array<{ root_id: number; title: string; lead_unit_type: string; lead_unit_id: string }>)
    : [];
  for (const [p, t] of roots) {
    const units = new Set([p.lead, ...p.co].map((u) => `${u.unitType}:${u.unitId}`));
    const lost = subs.find((x) => Number(x.root_id) === Number(t.id) && !units.has(`${x.lead_unit_type}:${x.lead_unit_id}`) && !parsed.some((q) => q.parentNo && sameTitle(q.title, x.title)));
    if (lost) errors.push({ row: p.rowNo, message: `第${p.rowNo}行：子任务「${lost.title}」的责任单位不在新的牵头或配合单位中，请一并修改子任务` });
  }
  const total = parsed.length + new Set(errors.map((e) => e.row)).size;
  const created = rows.filter((r) => r.action === 'create').length;
  const updated = rows.filter((r) => r.action === 'update').length;
  const unchanged = rows.filter((r) => r.action === 'unchanged').length;
  errors.sort((a, b) => a.row - b.row);
  if (errors.length || opts.dryRun) return { dryRun: opts.dryRun, total, created: 0, updated: 0, unchanged: 0, wouldCreate: errors.length ? 0 : created, wouldUpdate: errors.length ? 0 : updated, errors, rows };
  const result = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    const made: number[] = [];
    const changed: number[] = [];
    const idOf = new Map<Parsed, number>();
    const rootOf = new Map<number, number | null>();
    for (const [i, p] of parsed.entries()) {
      const parent = p.parentNo ? byNo.get(p.parentNo) : undefined;
      const parentId = parent ? idOf.get(parent)! : null;
      const t = matched.get(p) ?? null;
      const unitRows = (id: number) => [{ taskId: id, unitType: p.lead.unitType, unitId: p.lead.unitId, role: 'lead' }, ...p.co.map((c, j) => ({ taskId: id, unitType: c.unitType, unitId: c.unitId, role: 'co', sort: j + 1 }))];
      if (t) {
        const id = Number(t.id);
        idOf.set(p, id);
        rootOf.set(id, parentId === null ? null : (rootOf.get(parentId) ?? parentId));
        if (rows[i]!.action === 'unchanged') continue;
        await tx
          .update(tasks)
          .set({ leadLeaderId: p.leaderId ?? (t.lead_leader_id === null ? null : Number(t.lead_leader_id)), leadUnitType: p.lead.unitType, leadUnitId: p.lead.unitId, deadline: p.deadline, version: sql`${tasks.version} + 1`, updatedAt: now })
          .where(sql`${tasks.id} = ${id}`);
        await tx.execute(sql`DELETE FROM task_units WHERE task_id = ${id}`);
        await tx.insert(taskUnits).values(unitRows(id));
        changed.push(id);
        continue;
      }
      const rootId = parentId === null ? null : (rootOf.get(parentId) ?? parentId);
      const [row] = await tx
        .insert(tasks)
        .values({ parentId, rootId, depth: p.no ? p.no.split('.').length - 1 : 0, title: p.title, type, year: p.year, leadLeaderId: p.leaderId, leadUnitType: p.lead.unitType, leadUnitId: p.lead.unitId, description: p.progress, deadline: p.deadline, cadence: 'monthly', createdBy: ctx.user.id || null, createdAt: now, updatedAt: now })
        .returning({ id: tasks.id });
      await tx.insert(taskUnits).values(unitRows(row!.id));
      idOf.set(p, row!.id);
      rootOf.set(row!.id, rootId);
      rows[i]!.taskId = row!.id;
      made.push(row!.id);
    }
    await writeAudit(tx, ctx, { action: 'task.import', entityType: 'task', summary: `导入重点任务清单：新增${made.length}项，更新${changed.length}项（${type}）`, after: { created: made, updated: changed } });
    if (made.length || changed.length) await publish(tx, ctx, 'task.changed', { taskIds: [...made, ...changed] });
    return { made, changed };
  });
  return { dryRun: false, total, created: result.made.length, updated: result.changed.length, unchanged, wouldCreate: result.made.length, wouldUpdate: result.changed.length, errors: [], rows };
}
