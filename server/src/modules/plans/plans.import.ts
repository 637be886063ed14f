import { and, eq, isNull } from 'drizzle-orm';
import { monthlySumError, type PlanImportResult, type YearCategory } from '@tiaodu/contracts';
import { annualPlans, projects, regions } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { readWorkbook, XlsxReadError } from '../../lib/xlsx/read.js';
import { compactText } from '../../lib/xlsx/text.js';
import { RegionIndex } from '../projects/import/domain/resolve.js';
import { detectPlanLayout, readPlanRows, type PlanSheetIssue } from './domain/sheet.js';
import { importPlanWrites, type PlanWrite } from './plans.service.js';

/**
 * Imports a year's plans from .xlsx. Projects are matched by 项目代码, else by name (and the
 * region when the sheet has one), among the projects in the user's scope. Every error is
 * listed; with any error, or with dryRun, nothing is written.
 */
export async function importPlans(ctx: Ctx, file: Buffer, opts: { year: number; dryRun: boolean; filename?: string }): Promise<PlanImportResult> {
  let wb;
  try {
    wb = await readWorkbook(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new AppError('FILE_INVALID', e.message);
    throw e;
  }
  const found = wb.sheets.filter((s) => !s.hidden).map(detectPlanLayout).find((x) => x);
  if (!found) throw new AppError('IMPORT_FAILED', '没有找到含“项目名称”的表头行', [{ path: 'file', message: '没有找到含“项目名称”的表头行' }]);
  const { rows, issues } = readPlanRows(found.grid, found.layout);
  const errors: PlanSheetIssue[] = [...issues];

  const scoped = await ctx.db
    .select({ id: projects.id, name: projects.name, code: projects.code, regionCode: projects.regionCode, category: projects.category })
    .from(projects)
    .where(and(isNull(projects.deletedAt), projectScope(ctx.user)));
  const byCode = new Map(scoped.filter((p) => p.code).map((p) => [p.code!, p]));
  const byName = new Map<string, typeof scoped>();
  for (const p of scoped) byName.set(compactText(p.name), [...(byName.get(compactText(p.name)) ?? []), p]);
  const regionIndex = new RegionIndex(await ctx.db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode }).from(regions));
  const planCats = new Map(
    (await ctx.db.select({ projectId: annualPlans.projectId, category: annualPlans.category }).from(annualPlans).where(eq(annualPlans.year, opts.year))).map((r) => [r.projectId, r.category as YearCategory]),
  );

  const writes: PlanWrite[] = [];
  const writeRows: number[] = [];
  const seen = new Map<number, number>();
  for (const r of rows) {
    const err = (column: string, value: string, message: string) => errors.push({ row: r.row, column, value, message });
    let p: (typeof scoped)[number] | undefined;
    if (r.code) {
      p = byCode.get(r.code);
      if (!p) {
        err('项目代码', r.code, '没有找到该项目代码的项目（或不在您的管辖范围内）');
        continue;
      }
    } else if (r.name) {
      let cands = byName.get(compactText(r.name)) ?? [];
      if (r.region) {
        const regs = regionIndex.candidates(r.region);
        cands = cands.filter((c) => regs.some((g) => c.regionCode === g.code || c.regionCode.startsWith(g.code.replace(/0+$/, ''))));
      }
      if (cands.length === 0) {
        err('项目名称', r.name, `没有找到名为「${r.name}」的项目${r.region ? `（${r.region}）` : ''}，或不在您的管辖范围内`);
        continue;
      }
      if (cands.length > 1) {
        err('项目名称', r.name, '有多个同名项目，请填写项目代码或所属区域');
        continue;
      }
      p = cands[0];
    } else {
      err('项目名称', '', '缺少项目名称或项目代码');
      continue;
    }
    if (seen.has(p!.id)) {
      err('项目名称', r.name ?? r.code ?? '', `与第${seen.get(p!.id)}行是同一个项目`);
      continue;
    }
    seen.set(p!.id, r.row);
    if (r.planned === null || r.monthly.some((m) => m === null)) continue; // cell errors already listed
    const monthly = r.monthly as number[];
    const sumErr = monthlySumError(r.planned, monthly);
    if (sumErr) {
      err('1月—12月', '', sumErr);
      continue;
    }
    writes.push({
      projectId: p!.id,
      category: r.category ?? r.sectionCategory ?? planCats.get(p!.id) ?? (p!.category as YearCategory),
      plannedInvestment: r.planned,
      monthly,
      imageTarget: r.imageTarget,
      ...(r.before !== null ? { completedBeforeYear: r.before } : {}),
    });
    writeRows.push(r.row);
  }
  errors.sort((a, b) => a.row - b.row);
  const base = { dryRun: opts.dryRun, rows: rows.length, created: 0, updated: 0, errors };
  if (errors.length || rows.length === 0) {
    if (!rows.length && !errors.length) errors.push({ row: found.layout.dataStart, column: '', value: '', message: '表中没有项目行' });
    return { ...base, imported: false };
  }
  const created = writes.filter((w) => !planCats.has(w.projectId)).length;
  if (opts.dryRun) return { ...base, imported: false, created, updated: writes.length - created };
  try {
    const counts = await ctx.db.transaction(async (tx) => {
      const c = await importPlanWrites(ctx, tx, opts.year, writes);
      await writeAudit(tx, ctx, {
        action: 'plan.import',
        entityType: 'annual_plan',
        summary: `导入${opts.year}年度计划：新建${c.created}个，更新${c.updated}个${opts.filename ? `（${opts.filename}）` : ''}`,
        after: { year: opts.year, created: c.created, updated: c.updated, projectIds: writes.map((w) => w.projectId) },
      });
      return c;
    });
    return { ...base, imported: true, ...counts };
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION' && Array.isArray(e.details)) {
      const list = (e.details as Array<{ row: number; message: string }>).map((d) => ({ row: writeRows[d.row - 1] ?? 0, column: '', value: '', message: d.message }));
      return { ...base, imported: false, errors: list };
    }
    throw e;
  }
}
