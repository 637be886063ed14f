/**
 * The indicator imports: a statistics bureau's sheet (units × indicators for one period) into
 * indicator_values, and a targets sheet (units × 基数 / 目标 / breakdown, or units × indicators'
 * annual targets) into indicator_targets. Both read the workbook with lib/xlsx, plan every cell
 * (domain/), list every error by row and column, and write only when there is none: a dry run
 * answers the plan; a real run with errors writes nothing and fails with IMPORT_FAILED carrying
 * the result, as the ledger import does.
 */
import { periodLabel, periodsPerYear, formatPeriod, type IndicatorImportResult, type IndicatorSubject, type UnitOption, type UnitType } from '@tiaodu/contracts';
import type { Ctx } from '../../../core/context.js';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit.js';
import { inTransaction, publish } from '../../../core/events.js';
import { readWorkbook, XlsxReadError } from '../../../lib/xlsx/read.js';
import type { WorkbookGrid } from '../../../lib/xlsx/grid.js';
import { decimalText } from '../domain/figures.js';
import { dec } from '../../../core/exact.js';
import { IndicatorIndex, periodFor, subjectOf, UnitMatcher, unitRefKey, type CatalogueEntry } from './domain/names.js';
import { readValuesSheet, type SheetIssue, type ValuesSheet } from './domain/sheet.js';
import { breakdownPeriod, breakdownSize, readTargetsSheet, type TargetsSheet } from './domain/target-sheet.js';
import { ensureCatalogue } from '../indicators.catalogue.js';
import { importableUnits, loadCatalogue, prefixNames, storedTargets, storedValues, writeTargets, writeValues, type TargetWrite, type ValueWrite } from './import.repository.js';

type Result = IndicatorImportResult;
type Change = Result['changes'][number];

async function workbook(file: Buffer): Promise<WorkbookGrid> {
  try {
    return await readWorkbook(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new AppError('FILE_INVALID', e.message);
    throw e;
  }
}

/** A stored numeric as the plan compares it ("12345.6000" → "12345.6"). */
const norm = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : decimalText(dec(v)));

const SOURCE_REFUSED: Record<string, string> = {
  computed: '由系统根据项目数据计算，不能导入',
  scored: '由评审打分产生，不能导入',
};

/** Why an indicator cannot take imported figures (or targets), or null. */
function refusal(ind: CatalogueEntry, forTargets: boolean): string | null {
  if (ind.status === 'retired') return `指标「${ind.name}」已停用，不能导入`;
  if (!forTargets && SOURCE_REFUSED[ind.source]) return `指标「${ind.name}」${SOURCE_REFUSED[ind.source]}`;
  return null;
}

const CADENCE_WORDS: Record<string, string> = { month: '按月', quarter: '按季度', halfYear: '按半年', year: '按年' };

interface RowUnit {
  row: number;
  unitName: string;
  unit: UnitOption | null;
}

/**
 * Matches each sheet row's unit name against the importable units; lists unknown and ambiguous
 * names and a unit written on two rows.
 */
function matchRows(rows: { row: number; unitName: string }[], matcher: UnitMatcher, errors: SheetIssue[], column: string | null): RowUnit[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const m = matcher.match(r.unitName);
    if (!m.ok) {
      errors.push({
        row: r.row,
        column,
        message:
          m.reason === 'ambiguous'
            ? `第${r.row}行：单位「${r.unitName}」对应多个单位（${m.candidates.map((c) => c.unitName).join('、')}），请写全称`
            : `第${r.row}行：单位「${r.unitName}」不在可导入的单位中`,
      });
      return { row: r.row, unitName: r.unitName, unit: null };
    }
    const k = unitRefKey(m.unit);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({ row: r.row, column, message: `第${r.row}行：单位「${r.unitName}」与第${first}行是同一个单位（${m.unit.unitName}）` });
      return { row: r.row, unitName: r.unitName, unit: null };
    }
    seen.set(k, r.row);
    return { row: r.row, unitName: r.unitName, unit: m.unit };
  });
}

/** Whether an indicator applies to a unit (external peers take any indicator they are compared on). */
function applies(ind: CatalogueEntry, u: UnitOption): boolean {
  const s = subjectOf(u);
  return s === 'external' || (s !== null && ind.appliesTo.includes(s));
}

function finish(result: Result): Result {
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

// ---------------------------------------------------------------- statistics sheet

export interface ValuesImportInput {
  file: Buffer;
  /** The period (2026-10, 2026-Q1, 2026-H1, 2026); detected from the title when not given. */
  period?: string | null;
  dryRun: boolean;
  filename?: string;
}

/**
 * Imports a statistics sheet. Every figure lands in indicator_values with source and status
 * `imported`, a new revision when it changed (and its revision row), nothing when it did not.
 */
export async function importValues(ctx: Ctx, input: ValuesImportInput): Promise<Result> {
  const wb = await workbook(input.file);
  await ensureCatalogue(ctx.db);
  const index = new IndicatorIndex(await loadCatalogue(ctx.db));
  let sheet: ValuesSheet | null = null;
  for (const s of wb.sheets.filter((x) => !x.hidden)) if ((sheet = readValuesSheet(s, index))) break;
  if (!sheet) {
    const message = '表头中没有找到指标库中的指标（如地区生产总值、固定资产投资），请检查表头，或先在指标库中登记指标';
    throw new AppError('IMPORT_FAILED', message, { dryRun: input.dryRun, period: input.period ?? null, columns: [], rows: [], errors: [{ row: 1, column: null, message }], written: 0, changes: [] } satisfies Result);
  }
  const period = input.period?.trim() || sheet.period;
  if (!period) throw new AppError('VALIDATION', '请填写期别：表头标题中没有写明年月（如“2026年1-10月”）', [{ path: 'period', message: '请填写期别' }]);

  const run = (db: DbOrTx, lock: boolean) => planValues(ctx, db, sheet!, period, input.dryRun, lock);
  if (input.dryRun) return (await run(ctx.db, false)).result;
  const result = await inTransaction(ctx, async (tx) => {
    const plan = await run(tx, true);
    if (plan.result.errors.length || !plan.writes.length) return plan.result;
    const at = ctx.clock.now().toISOString();
    await writeValues(tx, plan.writes, ctx.user.id || null, at);
    const indicatorIds = [...new Set(plan.writes.map((w) => w.indicatorId))];
    const periods = [...new Set(plan.writes.map((w) => w.period))];
    await writeAudit(tx, ctx, {
      action: 'indicator.import',
      entityType: 'indicator_value',
      summary: `导入统计数据（${periodLabel(period)}）：${plan.result.written}项数据有变化，涉及${new Set(plan.writes.map((w) => unitRefKey({ unitType: w.unitType as UnitType, unitId: w.unitId }))).size}个单位${input.filename ? `（${input.filename}）` : ''}`,
      after: { period, indicatorIds, periods, written: plan.result.written, rows: plan.result.rows.length },
    });
    await publish(tx, ctx, 'indicator.values.changed', { indicatorIds, periods });
    return plan.result;
  });
  if (result.errors.length) throw new AppError('IMPORT_FAILED', `导入失败：文件中有${result.errors.length}处错误，未导入任何数据`, result);
  return result;
}

async function planValues(ctx: Ctx, db: DbOrTx, sheet: ValuesSheet, period: string, dryRun: boolean, lock: boolean): Promise<{ result: Result; writes: ValueWrite[] }> {
  const errors: SheetIssue[] = [...sheet.issues];
  const result: Result = {
    dryRun,
    period,
    year: null,
    columns: sheet.columns.filter((c) => c.header).map((c) => ({ column: c.index, header: c.header, indicatorId: c.indicator?.id ?? null, indicatorName: c.indicator?.name ?? null, field: c.indicator || c.field === 'unit' ? c.field : 'ignored' })),
    rows: [],
    errors,
    written: 0,
    changes: [],
  };

  // the indicators the sheet fills, and the period each is stored under
  const figureCols = sheet.columns.filter((c) => c.indicator && (c.field === 'value' || c.field === 'growth'));
  const usable = new Map<number, { ind: CatalogueEntry; period: string }>();
  const refused = new Set<number>();
  for (const c of figureCols) {
    const ind = c.indicator!;
    if (usable.has(ind.id) || refused.has(ind.id)) continue;
    const where = `第${sheet.headerRow}行 ${c.letter}列「${c.header}」`;
    const why = refusal(ind, false);
    const p = periodFor(period, ind.cadence, ind.accumulation);
    if (why) errors.push({ row: sheet.headerRow, column: c.letter, message: `${where}：${why}` });
    else if (!p) errors.push({ row: sheet.headerRow, column: c.letter, message: `${where}：指标「${ind.name}」${CADENCE_WORDS[ind.cadence]}统计，不能导入${periodLabel(period)}的数据` });
    if (why || !p) refused.add(ind.id);
    else usable.set(ind.id, { ind, period: p });
  }

  // the units: those the usable indicators apply to, in the importer's scope, and external peers
  const subjects = [...new Set([...usable.values()].flatMap((u) => u.ind.appliesTo))] as IndicatorSubject[];
  const units = await importableUnits(db, ctx.user, subjects, true);
  const matcher = new UnitMatcher(units, await prefixNames(db));
  const nameCol = sheet.columns.find((c) => c.field === 'unit')?.letter ?? null;
  const matched = matchRows(sheet.rows, matcher, errors, nameCol);

  const stored = await storedValues(db, [...usable.keys()], [...new Set([...usable.values()].map((u) => u.period))], lock);
  const byKey = new Map(stored.map((s) => [`${s.indicatorId}|${s.period}|${s.unitType}:${s.unitId}`, s]));

  const writes: ValueWrite[] = [];
  sheet.rows.forEach((row, i) => {
    const unit = matched[i]!.unit;
    result.rows.push({ row: row.row, unitName: row.unitName, unitType: unit?.unitType ?? null, unitId: unit?.unitId ?? null, cells: row.cells.filter((c) => c.value !== null && usable.has(c.indicatorId)).length });
    if (!unit) return;
    // the row's cells by indicator
    const byInd = new Map<number, { value?: string | null; growth?: string | null }>();
    for (const cell of row.cells) {
      const u = usable.get(cell.indicatorId);
      if (!u) continue;
      if (!applies(u.ind, unit)) {
        if (!byInd.has(cell.indicatorId)) errors.push({ row: row.row, column: cell.letter, message: `第${row.row}行：指标「${u.ind.name}」不适用于「${unit.unitName}」` });
        byInd.set(cell.indicatorId, {});
        continue;
      }
      const f = byInd.get(cell.indicatorId) ?? {};
      f[cell.field] = cell.value;
      byInd.set(cell.indicatorId, f);
    }
    for (const [id, fields] of byInd) {
      const u = usable.get(id)!;
      if (!applies(u.ind, unit)) continue;
      const old = byKey.get(`${id}|${u.period}|${unitRefKey(unit)}`);
      const next = { value: norm(old?.value), growth: norm(old?.growth) };
      let changed = false;
      for (const field of ['value', 'growth'] as const) {
        if (!(field in fields)) continue;
        const before = norm(old?.[field]);
        const after = fields[field] ?? null;
        if (before === after) continue;
        changed = true;
        next[field] = after;
        result.changes.push({ row: row.row, unitName: unit.unitName, indicatorName: u.ind.name, field, before, after } satisfies Change);
      }
      if (changed) writes.push({ id: old?.id ?? null, indicatorId: id, unitType: unit.unitType, unitId: unit.unitId, period: u.period, value: next.value, growth: next.growth, revision: old ? old.revision + 1 : 1 });
    }
  });
  result.written = errors.length ? 0 : result.changes.length;
  return { result: finish(result), writes: errors.length ? [] : writes };
}

// ---------------------------------------------------------------- targets sheet

export interface TargetsImportInput {
  file: Buffer;
  year: number;
  /** The indicator of a one-indicator sheet (else named in the title); limits a sheet of several to it. */
  indicatorId?: number | null;
  dryRun: boolean;
  filename?: string;
}

/** Imports a targets sheet into indicator_targets (one row per indicator, year and unit). */
export async function importTargets(ctx: Ctx, input: TargetsImportInput): Promise<Result> {
  const wb = await workbook(input.file);
  await ensureCatalogue(ctx.db);
  const catalogue = await loadCatalogue(ctx.db);
  const index = new IndicatorIndex(catalogue);
  let chosen: CatalogueEntry | null = null;
  if (input.indicatorId) {
    chosen = catalogue.find((c) => c.id === input.indicatorId) ?? null;
    if (!chosen) throw new AppError('VALIDATION', '指标不存在', [{ path: 'indicatorId', message: '指标不存在' }]);
  }
  let sheet: TargetsSheet | null = null;
  for (const s of wb.sheets.filter((x) => !x.hidden)) if ((sheet = readTargetsSheet(s, index, input.year, chosen))) break;
  if (!sheet) {
    const message = '表头中没有找到目标列（基数、年度目标、一季度…、或指标名称），请检查表头';
    throw new AppError('IMPORT_FAILED', message, { dryRun: input.dryRun, period: null, year: input.year, columns: [], rows: [], errors: [{ row: 1, column: null, message }], written: 0, changes: [] } satisfies Result);
  }
  const run = (db: DbOrTx, lock: boolean) => planTargets(ctx, db, sheet!, input.year, input.dryRun, lock);
  if (input.dryRun) return (await run(ctx.db, false)).result;
  const result = await inTransaction(ctx, async (tx) => {
    const plan = await run(tx, true);
    if (plan.result.errors.length || !plan.writes.length) return plan.result;
    const at = ctx.clock.now().toISOString();
    await writeTargets(tx, input.year, plan.writes, ctx.user.id || null, at);
    const indicatorIds = [...new Set(plan.writes.map((w) => w.indicatorId))];
    await writeAudit(tx, ctx, {
      action: 'indicator.target',
      entityType: 'indicator_target',
      summary: `导入${input.year}年目标任务：${plan.result.written}项有变化，涉及${plan.writes.length}个单位指标${input.filename ? `（${input.filename}）` : ''}`,
      after: { year: input.year, indicatorIds, written: plan.result.written, changes: plan.result.changes },
    });
    const periods = new Set<string>();
    for (const id of indicatorIds) {
      const ind = catalogue.find((c) => c.id === id)!;
      for (let i = 1; i <= periodsPerYear(ind.cadence); i++) periods.add(formatPeriod({ year: input.year, cadence: ind.cadence, index: i }));
    }
    await publish(tx, ctx, 'indicator.values.changed', { indicatorIds, periods: [...periods] });
    return plan.result;
  });
  if (result.errors.length) throw new AppError('IMPORT_FAILED', `导入失败：文件中有${result.errors.length}处错误，未导入任何数据`, result);
  return result;
}

type TargetFields = { baseline?: string | null; target?: string | null; multiYear?: { year: number; value: string | null }; note?: string | null; breakdown?: Map<number, string | null> };

async function planTargets(ctx: Ctx, db: DbOrTx, sheet: TargetsSheet, year: number, dryRun: boolean, lock: boolean): Promise<{ result: Result; writes: TargetWrite[] }> {
  const errors: SheetIssue[] = [...sheet.issues];
  const fieldName = (c: TargetsSheet['columns'][number]): string => {
    if (!c.role) return c.field;
    if (c.role.role === 'breakdown') return breakdownPeriod(year, c.role.cadence!, c.role.index!);
    if (c.role.role === 'multiYear') return `multiYear:${c.role.year}`;
    return c.role.role;
  };
  const result: Result = {
    dryRun,
    period: null,
    year,
    columns: sheet.columns.filter((c) => c.header).map((c) => ({ column: c.index, header: c.header, indicatorId: c.role ? (c.indicator?.id ?? null) : null, indicatorName: c.role ? (c.indicator?.name ?? null) : null, field: fieldName(c) })),
    rows: [],
    errors,
    written: 0,
    changes: [],
  };
  const usable = new Map<number, CatalogueEntry>();
  for (const ind of sheet.indicators) {
    const why = refusal(ind, true);
    const col = sheet.columns.find((c) => c.role && c.indicator?.id === ind.id)!;
    if (why) errors.push({ row: sheet.headerRow, column: col.letter, message: `第${sheet.headerRow}行 ${col.letter}列「${col.header}」：${why}` });
    else usable.set(ind.id, ind);
  }
  const subjects = [...new Set([...usable.values()].flatMap((i) => i.appliesTo))] as IndicatorSubject[];
  const units = await importableUnits(db, ctx.user, subjects, false);
  const matcher = new UnitMatcher(units, await prefixNames(db));
  const nameCol = sheet.columns.find((c) => c.field === 'unit')?.letter ?? null;
  const matched = matchRows(sheet.rows, matcher, errors, nameCol);
  const stored = await storedTargets(db, [...usable.keys()], year, lock);
  const byKey = new Map(stored.map((s) => [`${s.indicatorId}|${s.unitType}:${s.unitId}`, s]));

  const writes: TargetWrite[] = [];
  sheet.rows.forEach((row, i) => {
    const unit = matched[i]!.unit;
    result.rows.push({ row: row.row, unitName: row.unitName, unitType: unit?.unitType ?? null, unitId: unit?.unitId ?? null, cells: row.cells.filter((c) => c.value !== null && usable.has(c.indicatorId)).length });
    if (!unit) return;
    const byInd = new Map<number, TargetFields>();
    for (const cell of row.cells) {
      const ind = usable.get(cell.indicatorId);
      if (!ind) continue;
      if (!applies(ind, unit)) {
        if (!byInd.has(ind.id)) errors.push({ row: row.row, column: cell.letter, message: `第${row.row}行：指标「${ind.name}」不适用于「${unit.unitName}」` });
        byInd.set(ind.id, {});
        continue;
      }
      const f = byInd.get(ind.id) ?? {};
      if (cell.role === 'breakdown') (f.breakdown ??= new Map()).set(cell.index!, cell.value);
      else if (cell.role === 'multiYear') f.multiYear = { year: cell.year!, value: cell.value };
      else f[cell.role] = cell.value;
      byInd.set(ind.id, f);
    }
    for (const [id, f] of byInd) {
      const ind = usable.get(id)!;
      if (!applies(ind, unit)) continue;
      const old = byKey.get(`${id}|${unitRefKey(unit)}`);
      const change = (field: string, before: string | null, after: string | null) => result.changes.push({ row: row.row, unitName: unit.unitName, indicatorName: ind.name, field, before, after });
      const next: TargetWrite = {
        id: old?.id ?? null,
        indicatorId: id,
        unitType: unit.unitType,
        unitId: unit.unitId,
        baseline: norm(old?.baseline),
        target: norm(old?.target),
        breakdown: old?.breakdown ? old.breakdown.map(norm) : null,
        multiYearYear: old?.multiYearYear ?? null,
        multiYearValue: norm(old?.multiYearValue),
        note: old?.note ?? null,
      };
      const before = result.changes.length;
      for (const field of ['baseline', 'target'] as const) {
        if (!(field in f) || next[field] === (f[field] ?? null)) continue;
        change(field, next[field], f[field] ?? null);
        next[field] = f[field] ?? null;
      }
      if (f.breakdown) {
        const size = breakdownSize(ind.cadence);
        const cells = next.breakdown && next.breakdown.length === size ? [...next.breakdown] : Array.from({ length: size }, (_, k) => next.breakdown?.[k] ?? null);
        for (const [k, v] of f.breakdown) {
          if (cells[k - 1] === v) continue;
          change(breakdownPeriod(year, ind.cadence, k), cells[k - 1] ?? null, v);
          cells[k - 1] = v;
        }
        next.breakdown = cells.every((c) => c === null) ? null : cells;
      }
      if (f.multiYear) {
        // a multi-year target replaces the stored one; an empty cell clears it only when it is the same year's
        const { year: y, value } = f.multiYear;
        const same = next.multiYearYear === y;
        if (value !== null && !(same && next.multiYearValue === value)) {
          change(`multiYear:${y}`, same ? next.multiYearValue : next.multiYearYear !== null ? `${next.multiYearYear}年：${next.multiYearValue ?? '—'}` : null, value);
          next.multiYearYear = y;
          next.multiYearValue = value;
        } else if (value === null && same && next.multiYearValue !== null) {
          change(`multiYear:${y}`, next.multiYearValue, null);
          next.multiYearYear = null;
          next.multiYearValue = null;
        }
      }
      if ('note' in f && (next.note ?? null) !== (f.note ?? null)) {
        change('note', next.note, f.note ?? null);
        next.note = f.note ?? null;
      }
      if (result.changes.length === before) continue;
      const empty = next.baseline === null && next.target === null && next.breakdown === null && next.multiYearValue === null && next.note === null;
      if (!old && empty) continue;
      writes.push(next);
    }
  });
  result.written = errors.length ? 0 : result.changes.length;
  return { result: finish(result), writes: errors.length ? [] : writes };
}
