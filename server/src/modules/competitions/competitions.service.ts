/**
 * 考核与擂台赛: schemes (versioned), period snapshots (compute → draft, publish → frozen, a
 * correction → a new revision with its reason), the leaderboard (龙虎榜), flag history
 * (流动红旗), a contestant's record, bonus and penalty entries with evidence, and the public
 * pages. Who sees what: published results are public; drafts are seen by those who compute
 * (competition:compute) or manage schemes; adjustments and their evidence by those who compute
 * and by the contestant's own unit (the indicator layer's data scope).
 */
import {
  can,
  CompetitionSchemeSchema,
  parsePeriod,
  periodLabel,
  type Adjustment,
  type Competition,
  type CompetitionInput,
  type CompetitionResults,
  type CompetitionScheme,
  type CompetitionSummary,
  type ContestantHistory,
  type Leaderboard,
  type UnitRef,
} from '@tiaodu/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { add, dec, ZERO, type Q } from '../../core/exact.js';
import { inTransaction, publish } from '../../core/events.js';
import { uploadsStorage } from '../../lib/storage/storage.js';
import { storeUploads, type Upload } from '../../core/uploads.js';
import { notify } from '../notifications/notify.js';
import { readCache, serialise, type Serialised } from '../../core/read-cache.js';
import { CompetitionResultsSchema, LeaderboardSchema } from '@tiaodu/contracts';
import { getIndicator, listIndicators, unitScopeSql } from '../indicators/indicators.service.js';
import { unitNames, unitVisibility } from '../indicators/indicators.units.js';
import { competitionAdjustmentFiles, competitionAdjustments, competitionSnapshots, competitionVersions, competitions } from './competitions.schema.js';
import { contestantsOf, evaluate, latestSnapshot, partsOf, summaryOf, unitKeyOf, type Evaluation, type StoredResults } from './competitions.score.js';
import { buildPreset, PRESETS } from './competitions.presets.js';
import { schemeIssues, type Issue } from './domain/validate.js';
import { asNumber, ranksOf } from './domain/scoring.js';

type Row = { id: number; name: string; year: number; cadence: 'month' | 'quarter'; description: string | null; status: 'active' | 'archived'; public: boolean; version: number };

const canCompute = (ctx: Ctx) => can(ctx.user.role, 'competition:compute') || can(ctx.user.role, 'competition:manage');

async function row(db: DbOrTx, id: number): Promise<Row> {
  const r = await db.execute(sql`SELECT id, name, year, cadence, description, status, public, version FROM competitions WHERE id = ${id}`);
  const x = r.rows[0] as Row | undefined;
  if (!x) throw new AppError('NOT_FOUND', '擂台赛不存在');
  return { ...x, id: Number(x.id), year: Number(x.year), version: Number(x.version) };
}

async function schemeOf(db: DbOrTx, id: number, version: number): Promise<CompetitionScheme> {
  const r = await db.execute(sql`SELECT scheme FROM competition_versions WHERE competition_id = ${id} AND version = ${version}`);
  const x = r.rows[0] as { scheme: unknown } | undefined;
  if (!x) throw new AppError('NOT_FOUND', '考核方案版本不存在');
  return CompetitionSchemeSchema.parse(typeof x.scheme === 'string' ? JSON.parse(x.scheme) : x.scheme);
}

async function summaries(ctx: Ctx, ids?: number[]): Promise<CompetitionSummary[]> {
  const r = await ctx.db.execute(sql`SELECT c.id, c.name, c.year, c.cadence, c.description, c.status, c.public, c.version, v.scheme
    FROM competitions c JOIN competition_versions v ON v.competition_id = c.id AND v.version = c.version
    ${ids ? sql`WHERE c.id = ANY(${`{${ids.join(',')}}`}::int[])` : sql``} ORDER BY c.year DESC, c.id DESC`);
  const snaps = await ctx.db.execute(sql`SELECT DISTINCT ON (competition_id, period) competition_id, period, status, revision, scheme_version FROM competition_snapshots
    WHERE status <> 'superseded' ${canCompute(ctx) ? sql`` : sql`AND status = 'published'`}
      ${ids ? sql`AND competition_id = ANY(${`{${ids.join(',')}}`}::int[])` : sql``} ORDER BY competition_id, period, revision DESC`);
  const byComp = new Map<number, CompetitionSummary['periods']>();
  for (const s of snaps.rows as Array<{ competition_id: number; period: string; status: 'draft' | 'published'; revision: number; scheme_version: number }>) {
    const list = byComp.get(Number(s.competition_id)) ?? [];
    list.push({ period: s.period, label: periodLabel(s.period), status: s.status, revision: Number(s.revision), schemeVersion: Number(s.scheme_version) });
    byComp.set(Number(s.competition_id), list);
  }
  return (r.rows as Array<Row & { scheme: unknown }>).map((x) => {
    const scheme = (typeof x.scheme === 'string' ? JSON.parse(x.scheme) : x.scheme) as CompetitionScheme;
    const periods = (byComp.get(Number(x.id)) ?? []).sort((a, b) => periodOrder(a.period) - periodOrder(b.period));
    return {
      id: Number(x.id),
      name: x.name,
      year: Number(x.year),
      cadence: x.cadence,
      status: x.status,
      public: x.public,
      description: x.description ?? null,
      version: Number(x.version),
      sequenceCount: scheme.sequences.length,
      contestantCount: scheme.sequences.reduce((s, q) => s + q.contestants.length, 0),
      itemCount: scheme.items.length,
      periods,
    };
  });
}

/** Order of periods in a year: months, then the quarter ending there, then the half, then the year. */
function periodOrder(p: string): number {
  const x = parsePeriod(p)!;
  const rank = x.cadence === 'month' ? 0 : x.cadence === 'quarter' ? 1 : x.cadence === 'halfYear' ? 2 : 3;
  return x.year * 1000 + x.endMonth * 10 + rank;
}

export async function listCompetitions(ctx: Ctx): Promise<CompetitionSummary[]> {
  const all = await summaries(ctx);
  return canCompute(ctx) ? all : all.filter((c) => c.status === 'active');
}

export async function getCompetition(ctx: Ctx, id: number): Promise<Competition> {
  const c = await row(ctx.db, id);
  if (c.status === 'archived' && !canCompute(ctx)) throw new AppError('NOT_FOUND', '擂台赛不存在');
  const [summary] = await summaries(ctx, [id]);
  const scheme = await schemeOf(ctx.db, id, c.version);
  const v = await ctx.db.execute(sql`SELECT v.version, v.created_at, v.note, u.display_name AS created_by,
      COALESCE((SELECT array_agg(DISTINCT s.period) FROM competition_snapshots s WHERE s.competition_id = v.competition_id AND s.scheme_version = v.version AND s.status <> 'superseded'), '{}') AS periods
    FROM competition_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.competition_id = ${id} ORDER BY v.version DESC`);
  const units = await contestantsOf(ctx.db, scheme);
  const indicators: Record<string, string> = {};
  for (const it of scheme.items) if (it.indicatorId) indicators[String(it.indicatorId)] = (await getIndicator(ctx.db, it.indicatorId).catch(() => null))?.name ?? `#${it.indicatorId}`;
  const arr = (x: unknown) => (Array.isArray(x) ? x.map(String) : String(x ?? '').replace(/[{}]/g, '').split(',').filter(Boolean));
  return {
    ...summary!,
    scheme,
    versions: (v.rows as Array<{ version: number; created_at: unknown; note: string | null; created_by: string | null; periods: unknown }>).map((x) => ({
      version: Number(x.version),
      createdAt: new Date(String(x.created_at)).toISOString(),
      createdBy: x.created_by ?? null,
      note: x.note ?? null,
      periods: arr(x.periods).sort((a, b) => periodOrder(a) - periodOrder(b)),
    })),
    names: { units: Object.fromEntries([...units].map(([k, u]) => [k, u.unitName])), indicators },
  };
}

/** The checks that need the database: indicators exist and apply to every contestant of the sequences they score; units exist. */
async function checkScheme(db: DbOrTx, scheme: CompetitionScheme): Promise<void> {
  const issues: Issue[] = schemeIssues(scheme);
  const names = await unitNames(db, scheme.sequences.flatMap((s) => s.contestants));
  scheme.sequences.forEach((s, i) =>
    s.contestants.forEach((c, j) => {
      if (!names.has(unitKeyOf(c))) issues.push({ path: `scheme.sequences.${i}.contestants.${j}`, message: `参赛单位「${c.name ?? c.unitId}」不存在` });
    }),
  );
  for (const [i, it] of scheme.items.entries()) {
    if (!it.indicatorId) continue;
    const ind = await getIndicator(db, it.indicatorId).catch(() => null);
    if (!ind) {
      issues.push({ path: `scheme.items.${i}.indicatorId`, message: `「${it.name}」的指标不存在` });
      continue;
    }
    if (ind.status !== 'active') issues.push({ path: `scheme.items.${i}.indicatorId`, message: `「${it.name}」的指标「${ind.name}」已停用` });
    for (const s of scheme.sequences) {
      if (it.sequences.length && !it.sequences.includes(s.key)) continue;
      for (const c of s.contestants) {
        const n = names.get(unitKeyOf(c));
        if (!n) continue;
        const subject = c.unitType === 'department' ? 'department' : c.unitType === 'external' ? null : n.level;
        if (subject && !(ind.appliesTo as string[]).includes(subject)) {
          issues.push({ path: `scheme.items.${i}.indicatorId`, message: `指标「${ind.name}」不适用于序列「${s.name}」的「${n.name}」，请改选指标或限定适用序列` });
          break;
        }
        if (c.unitType === 'external' && ind.source !== 'imported') {
          issues.push({ path: `scheme.items.${i}.indicatorId`, message: `平台外单位「${n.name}」只能用统计导入的指标评比` });
          break;
        }
      }
    }
  }
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues);
}

export async function presets(ctx: Ctx) {
  const inds = await listIndicators(ctx, { status: 'active' });
  return Promise.all(PRESETS.map((p) => buildPreset(ctx, p, inds)));
}

export async function createCompetition(ctx: Ctx, input: CompetitionInput): Promise<Competition> {
  let scheme = input.scheme;
  let cadence = input.cadence;
  if (!scheme && input.preset) {
    const p = PRESETS.find((x) => x.key === input.preset);
    if (!p) throw new AppError('VALIDATION', '预设方案不存在', [{ path: 'preset', message: '预设方案不存在' }]);
    const built = await buildPreset(ctx, p, await listIndicators(ctx, { status: 'active' }), true);
    scheme = built.scheme;
    cadence = built.cadence;
  }
  if (!scheme) throw new AppError('VALIDATION', '请选择预设方案或填写考核方案', [{ path: 'scheme', message: '请填写考核方案' }]);
  await checkScheme(ctx.db, scheme);
  const id = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [c] = await tx
      .insert(competitions)
      .values({ name: input.name, year: input.year, cadence, description: input.description ?? null, public: input.public, version: 1, createdBy: ctx.user.id || null, createdAt: now, updatedAt: now })
      .returning({ id: competitions.id });
    await tx.insert(competitionVersions).values({ competitionId: c!.id, version: 1, scheme, note: input.preset ? `由预设方案「${PRESETS.find((p) => p.key === input.preset)?.name ?? input.preset}」创建` : null, createdBy: ctx.user.id || null, createdAt: now });
    await writeAudit(tx, ctx, { action: 'competition.create', entityType: 'competition', entityId: c!.id, summary: input.name, after: { ...input, scheme } });
    return c!.id;
  });
  return getCompetition(ctx, id);
}

export async function updateCompetition(ctx: Ctx, id: number, patch: { name?: string; description?: string | null; status?: 'active' | 'archived'; public?: boolean; scheme?: CompetitionScheme; note?: string | null }): Promise<Competition> {
  if (patch.scheme) await checkScheme(ctx.db, patch.scheme);
  await inTransaction(ctx, async (tx) => {
    const before = await row(tx, id);
    const now = ctx.clock.now().toISOString();
    let version = before.version;
    if (patch.scheme) {
      const used = await tx.execute(sql`SELECT 1 FROM competition_snapshots WHERE competition_id = ${id} AND scheme_version = ${version} AND status IN ('published', 'superseded') LIMIT 1`);
      if (used.rows.length) {
        version += 1;
        await tx.insert(competitionVersions).values({ competitionId: id, version, scheme: patch.scheme, note: patch.note ?? null, createdBy: ctx.user.id || null, createdAt: now });
      } else {
        await tx.execute(sql`UPDATE competition_versions SET scheme = ${JSON.stringify(patch.scheme)}::jsonb, note = COALESCE(${patch.note ?? null}, note), created_at = ${now} WHERE competition_id = ${id} AND version = ${version}`);
      }
      // drafts were scored with the old rules: recompute before publishing
      await tx.execute(sql`UPDATE competition_snapshots SET stale = true WHERE competition_id = ${id} AND status = 'draft'`);
    }
    await tx
      .update(competitions)
      .set({
        name: patch.name ?? before.name,
        description: patch.description === undefined ? before.description : patch.description,
        status: patch.status ?? before.status,
        public: patch.public ?? before.public,
        version,
        updatedAt: now,
      })
      .where(sql`id = ${id}`);
    await writeAudit(tx, ctx, { action: 'competition.update', entityType: 'competition', entityId: id, summary: patch.scheme && version !== before.version ? `${before.name}：考核方案第${version}版` : before.name, before, after: { ...patch, version } });
  });
  return getCompetition(ctx, id);
}

function checkPeriod(ctx: Ctx, c: Row, period: string): void {
  const p = parsePeriod(period)!;
  if (p.year !== c.year) throw new AppError('VALIDATION', `「${c.name}」是${c.year}年度的擂台赛，不能计算${periodLabel(period)}`, [{ path: 'period', message: '期别不在擂台赛年度内' }]);
  const start = `${p.year}-${String(p.endMonth - (p.cadence === 'month' ? 0 : p.cadence === 'quarter' ? 2 : p.cadence === 'halfYear' ? 5 : 11)).padStart(2, '0')}-01`;
  if (start > chinaToday(ctx.clock.now())) throw new AppError('VALIDATION', `${periodLabel(period)}尚未开始`, [{ path: 'period', message: '期别尚未开始' }]);
  partsOf(c.cadence, period); // refuses a period shorter than the cadence
}

function toResults(c: Row, period: string, s: { revision: number; status: string; schemeVersion: number; reason: string | null; computedAt: string; publishedAt: string | null; stale: boolean }, ev: Pick<Evaluation, 'results' | 'missing' | 'parts' | 'flags' | 'lists'>): CompetitionResults {
  return {
    competitionId: c.id,
    competition: c.name,
    period,
    periodLabel: periodLabel(period),
    sequences: ev.results.sequences.map((q) => ({ key: q.key, name: q.name, rows: q.rows.map(({ yellowRun: _y, ...r }) => r) })),
    schemeVersion: s.schemeVersion,
    status: s.status === 'published' ? 'published' : 'draft',
    revision: s.revision,
    reason: s.reason,
    computedAt: s.computedAt,
    publishedAt: s.publishedAt,
    flagsAwarded: ev.flags,
    listsAwarded: ev.lists,
    missing: ev.missing,
    parts: ev.parts.map((p) => p.period),
    stale: s.stale,
  };
}

/** Live preview of an edited scheme on a period (nothing saved); without an id, of a scheme not saved yet. */
export async function preview(ctx: Ctx, id: number | null, body: { period: string; scheme: CompetitionScheme; year?: number; cadence?: 'month' | 'quarter'; name?: string }): Promise<CompetitionResults> {
  const c: Row = id ? await row(ctx.db, id) : { id: 0, name: body.name || '新考核方案', year: body.year!, cadence: body.cadence!, description: null, status: 'active', public: false, version: 1 };
  checkPeriod(ctx, c, body.period);
  await checkScheme(ctx.db, body.scheme);
  const ev = await evaluate(ctx, c, body.scheme, body.period);
  return toResults(c, body.period, { revision: 0, status: 'draft', schemeVersion: c.version, reason: null, computedAt: ctx.clock.now().toISOString(), publishedAt: null, stale: false }, ev);
}

interface SnapRow {
  id: number;
  revision: number;
  status: string;
  scheme_version: number;
  results: unknown;
  missing: unknown;
  parts: unknown;
  reason: string | null;
  computed_at: unknown;
  published_at: unknown;
  stale: boolean;
  flags?: boolean;
}
const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
const iso = (x: unknown) => (x == null ? null : new Date(String(x)).toISOString());

async function snapshotRows(db: DbOrTx, id: number, period: string): Promise<SnapRow[]> {
  const r = await db.execute(sql`SELECT id, revision, status, scheme_version, results, missing, parts, reason, computed_at, published_at, stale FROM competition_snapshots WHERE competition_id = ${id} AND period = ${period} ORDER BY revision DESC`);
  return r.rows as unknown as SnapRow[];
}

function fromSnap(c: Row, period: string, scheme: CompetitionScheme, s: SnapRow): CompetitionResults {
  const p = parsePeriod(period)!;
  return toResults(
    c,
    period,
    { revision: Number(s.revision), status: s.status, schemeVersion: Number(s.scheme_version), reason: s.reason ?? null, computedAt: iso(s.computed_at)!, publishedAt: iso(s.published_at), stale: Boolean(s.stale) },
    { results: json<StoredResults>(s.results), missing: json(s.missing), parts: json(s.parts), flags: p.cadence === scheme.flags.period, lists: p.cadence === scheme.lists.period },
  );
}

/** Computes a period: a draft replaces the draft; after publication a correction (with its reason) is a new revision scored with the period's own scheme version. */
export async function computePeriod(ctx: Ctx, id: number, period: string, reason?: string | null): Promise<CompetitionResults> {
  const c = await row(ctx.db, id);
  checkPeriod(ctx, c, period);
  const existing = await snapshotRows(ctx.db, id, period);
  const latest = existing[0];
  const published = existing.find((s) => s.status === 'published');
  if (published && latest?.status !== 'draft' && !reason?.trim()) throw new AppError('VALIDATION', `${periodLabel(period)}的成绩已发布，更正须填写理由`, [{ path: 'reason', message: '请填写更正理由' }]);
  const version = published ? Number(published.scheme_version) : c.version;
  const scheme = await schemeOf(ctx.db, id, version);
  const ev = await evaluate(ctx, c, scheme, period);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    const values = { results: ev.results, missing: ev.missing, parts: ev.parts, summary: summaryOf(ev.results), stale: false, schemeVersion: version, computedAt: now, computedBy: ctx.user.id || null };
    if (latest?.status === 'draft') {
      await tx
        .update(competitionSnapshots)
        .set({ ...values, reason: reason?.trim() || latest.reason || null })
        .where(sql`id = ${latest.id}`);
    } else {
      await tx.insert(competitionSnapshots).values({ competitionId: id, period, revision: (latest ? Number(latest.revision) : 0) + 1, status: 'draft', reason: published ? reason!.trim() : null, ...values });
    }
    await writeAudit(tx, ctx, { action: 'competition.compute', entityType: 'competition', entityId: id, summary: `${c.name}：计算${periodLabel(period)}成绩${published ? `（更正：${reason}）` : ''}`, after: { period, version, missing: ev.missing.length } });
  });
  return results(ctx, id, period);
}

/** Publishes the period's draft: refused, with the list, when inputs are missing; the revision before is superseded. */
export async function publishPeriod(ctx: Ctx, id: number, period: string): Promise<CompetitionResults> {
  const c = await row(ctx.db, id);
  const rows = await snapshotRows(ctx.db, id, period);
  const draft = rows[0];
  if (!draft || draft.status !== 'draft') throw new AppError('CONFLICT', draft ? `${periodLabel(period)}的成绩已发布；更正请先重新计算并填写理由` : `${periodLabel(period)}的成绩尚未计算`);
  if (draft.stale) throw new AppError('CONFLICT', `计算后指标数据或考核方案有变化，请重新计算${periodLabel(period)}的成绩再发布`);
  const missing = json<Array<{ name: string; item: string; reason: string }>>(draft.missing);
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      `有${missing.length}项数据缺失，不能发布：${missing
        .slice(0, 5)
        .map((m) => (m.name ? `${m.name}「${m.item}」` : m.reason))
        .join('、')}${missing.length > 5 ? '等' : ''}`,
      missing.map((m, i) => ({ path: `missing.${i}`, message: m.name ? `${m.name}：${m.item}——${m.reason}` : m.reason })),
    );
  }
  const parts = json<Array<{ period: string; revision: number }>>(draft.parts);
  for (const p of parts) {
    const cur = await latestSnapshot(ctx.db, id, p.period, true);
    if (!cur || cur.revision !== p.revision) throw new AppError('CONFLICT', `${periodLabel(p.period)}的成绩已更正，请重新计算${periodLabel(period)}再发布`);
  }
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await tx.execute(sql`UPDATE competition_snapshots SET status = 'superseded' WHERE competition_id = ${id} AND period = ${period} AND status = 'published'`);
    const r = await tx.execute(sql`UPDATE competition_snapshots SET status = 'published', published_at = ${now}, published_by = ${ctx.user.id || null} WHERE id = ${draft.id} AND status = 'draft' RETURNING id`);
    if (!r.rows.length) throw new AppError('CONFLICT', '成绩已被他人发布，请刷新');
    await publish(tx, ctx, 'competition.published', { competitionId: id, period, revision: Number(draft.revision) });
    await notifyContestants(tx, ctx, c, period, json<StoredResults>(draft.results), Number(draft.revision));
    await writeAudit(tx, ctx, { action: 'competition.publish', entityType: 'competition', entityId: id, summary: `${c.name}：发布${periodLabel(period)}成绩${Number(draft.revision) > 1 ? `（第${draft.revision}版，${draft.reason ?? ''}）` : ''}`, after: { period, revision: Number(draft.revision) } });
  });
  return results(ctx, id, period);
}

/** Tells each contestant's own users (region or department logins) their rank, score and flag. */
async function notifyContestants(tx: DbOrTx, ctx: Ctx, c: Row, period: string, res: StoredResults, revision: number): Promise<void> {
  const rows = res.sequences.flatMap((s) => s.rows.map((r) => ({ ...r, seq: s.name })));
  const regions = rows.filter((r) => r.unitType === 'region').map((r) => r.unitId);
  const depts = rows.filter((r) => r.unitType === 'department').map((r) => Number(r.unitId)).filter(Number.isInteger);
  if (!regions.length && !depts.length) return;
  const u = await tx.execute(sql`SELECT id, scope_type, region_code, department_id FROM users WHERE active AND (
      (scope_type = 'region' AND region_code = ANY(${`{${regions.join(',')}}`}::text[])) OR (scope_type = 'department' AND department_id = ANY(${`{${depts.join(',')}}`}::int[])))`);
  const byUnit = new Map<string, number[]>();
  for (const x of u.rows as Array<{ id: number; scope_type: string; region_code: string | null; department_id: number | null }>) {
    const k = x.scope_type === 'region' ? `region:${x.region_code}` : `department:${x.department_id}`;
    byUnit.set(k, [...(byUnit.get(k) ?? []), Number(x.id)]);
  }
  for (const r of rows) {
    const ids = byUnit.get(r.contestantId);
    if (!ids?.length) continue;
    const marks = [r.flag === 'red' ? '红旗' : r.flag === 'yellow' ? '黄旗' : null, r.list === 'red' ? '红榜' : r.list === 'black' ? '黑榜' : null, r.interview ? '约谈' : null].filter(Boolean);
    await notify(tx, ctx, {
      userIds: ids,
      kind: 'competition.published',
      title: `${c.name}${periodLabel(period)}成绩${revision > 1 ? '更正' : ''}已发布`,
      body: `${r.name}：${r.seq}第${r.rank ?? '—'}名，得分${r.score}${marks.length ? `，${marks.join('、')}` : ''}`,
      link: `/competitions/${c.id}?period=${period}`,
      dedupeKey: `competition:${c.id}:${period}:${revision}:${r.contestantId}`,
    });
  }
}

/** A period's results: the latest revision for those who compute, else the published one. */
export async function results(ctx: Ctx, id: number, period: string, revision?: number, publishedOnly = false): Promise<CompetitionResults> {
  const c = await row(ctx.db, id);
  const all = publishedOnly || !canCompute(ctx);
  if (all && c.status === 'archived' && !canCompute(ctx)) throw new AppError('NOT_FOUND', '擂台赛不存在');
  const rows = await snapshotRows(ctx.db, id, period);
  let s: SnapRow | undefined;
  if (revision) s = rows.find((r) => Number(r.revision) === revision && (!all || r.status !== 'draft'));
  else s = all ? rows.find((r) => r.status === 'published') : rows[0]?.status === 'draft' ? rows[0] : (rows.find((r) => r.status === 'published') ?? rows[0]);
  if (!s) throw new AppError('NOT_FOUND', `${periodLabel(period)}的成绩${all ? '尚未发布' : '尚未计算'}`);
  return fromSnap(c, period, await schemeOf(ctx.db, id, Number(s.scheme_version)), s);
}

/**
 * The answers many people ask for — a period's results (368 KB for 90 contestants × 12 items),
 * the leaderboard — serialised (and gzip-compressed) once and kept in the read cache until the next write through the
 * API (a compute, a publication, an adjustment, a figure changed): validated against the contract
 * when made, then sent as they are. Those who compute and the readers of published results get
 * separate answers.
 */
export function resultsJson(ctx: Ctx, id: number, period: string, revision?: number, publishedOnly = false): Promise<Serialised> {
  const who = publishedOnly || !canCompute(ctx) ? 'published' : 'all';
  return readCache(ctx.db).get(`competition:results:${id}:${period}:${revision ?? ''}:${who}`, async () => serialise(CompetitionResultsSchema.parse(await results(ctx, id, period, revision, publishedOnly))));
}

export function leaderboardJson(ctx: Ctx, id: number, year?: number): Promise<Serialised> {
  return readCache(ctx.db).get(`competition:leaderboard:${id}:${year ?? ''}:${canCompute(ctx) ? 'all' : 'published'}`, async () => serialise(LeaderboardSchema.parse(await leaderboard(ctx, id, year))));
}

type Summary = ReturnType<typeof summaryOf>;

/** 龙虎榜: the year's published scored periods summed per contestant, ranked within sequences, with the change since the previous published period. */
export async function leaderboard(ctx: Ctx, id: number, year?: number): Promise<Leaderboard> {
  const c = await row(ctx.db, id);
  if (c.status === 'archived' && !canCompute(ctx)) throw new AppError('NOT_FOUND', '擂台赛不存在');
  const y = year ?? c.year;
  const scheme = await schemeOf(ctx.db, id, c.version);
  const r = await ctx.db.execute(sql`SELECT period, summary FROM competition_snapshots WHERE competition_id = ${id} AND status = 'published' AND period LIKE ${`${y}%`}`);
  const snaps = (r.rows as Array<{ period: string; summary: unknown }>).map((x) => ({ period: x.period, summary: json<Summary>(x.summary) }));
  const own = snaps.filter((s) => parsePeriod(s.period)!.cadence === c.cadence).sort((a, b) => periodOrder(a.period) - periodOrder(b.period));
  const flagSnaps = snaps.filter((s) => parsePeriod(s.period)!.cadence === scheme.flags.period);
  const through = own[own.length - 1]?.period ?? null;
  const previousThrough = own[own.length - 2]?.period ?? null;
  const units = await contestantsOf(ctx.db, scheme);
  const sequences = scheme.sequences.map((seq) => {
    const keys = seq.contestants.map(unitKeyOf);
    const total = (upTo: number) => keys.map((k) => own.slice(0, upTo).reduce<Q | null>((s, p) => (p.summary[k] ? add(s ?? ZERO, dec(p.summary[k]!.score)) : s), null));
    const now = total(own.length);
    const before = total(own.length - 1);
    const ranks = ranksOf(now, (x) => x, 'higher');
    const prevRanks = own.length > 1 ? ranksOf(before, (x) => x, 'higher') : keys.map(() => null);
    const ranked = ranks.filter((x): x is number => x !== null);
    const rows = keys.map((k, i) => {
      const rank = ranks[i] ?? null;
      const back = rank === null ? null : 1 + ranked.filter((o) => o > rank).length;
      const board = rank !== null && scheme.leaderboard.dragon > 0 && rank <= scheme.leaderboard.dragon ? 'dragon' : back !== null && scheme.leaderboard.tiger > 0 && back <= scheme.leaderboard.tiger ? 'tiger' : null;
      return {
        contestantId: k,
        name: units.get(k)?.unitName ?? k,
        score: now[i] ? asNumber(now[i]!) : 0,
        rank,
        rankChange: rank !== null && prevRanks[i] != null ? prevRanks[i]! - rank : null,
        board: board as 'dragon' | 'tiger' | null,
        redFlags: flagSnaps.filter((s) => s.summary[k]?.flag === 'red').length,
        yellowFlags: flagSnaps.filter((s) => s.summary[k]?.flag === 'yellow').length,
        periods: own.filter((p) => p.summary[k]).map((p) => ({ period: p.period, score: p.summary[k]!.score, rank: p.summary[k]!.rank })),
      };
    });
    rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    return { key: seq.key, name: seq.name, rows };
  });
  return { competitionId: id, competition: c.name, year: y, through, previousThrough, sequences };
}

/** 流动红旗: every published flag or list period, who got what. */
export async function flagHistory(ctx: Ctx, id: number) {
  const c = await row(ctx.db, id);
  if (c.status === 'archived' && !canCompute(ctx)) throw new AppError('NOT_FOUND', '擂台赛不存在');
  const scheme = await schemeOf(ctx.db, id, c.version);
  const r = await ctx.db.execute(sql`SELECT period, summary FROM competition_snapshots WHERE competition_id = ${id} AND status = 'published'`);
  const out: Array<{ period: string; periodLabel: string; sequence: string; red: string[]; yellow: string[]; redList: string[]; blackList: string[]; interviews: string[] }> = [];
  const seqName = new Map(scheme.sequences.map((s) => [s.key, s.name]));
  for (const x of (r.rows as Array<{ period: string; summary: unknown }>).sort((a, b) => periodOrder(a.period) - periodOrder(b.period))) {
    const s = json<Summary>(x.summary);
    const bySeq = new Map<string, Summary[string][]>();
    for (const v of Object.values(s)) bySeq.set(v.seq, [...(bySeq.get(v.seq) ?? []), v]);
    for (const [seq, vs] of bySeq) {
      const pick = (f: (v: Summary[string]) => boolean) => vs.filter(f).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)).map((v) => v.name);
      const row = { period: x.period, periodLabel: periodLabel(x.period), sequence: seqName.get(seq) ?? seq, red: pick((v) => v.flag === 'red'), yellow: pick((v) => v.flag === 'yellow'), redList: pick((v) => v.list === 'red'), blackList: pick((v) => v.list === 'black'), interviews: pick((v) => v.interview) };
      if (row.red.length || row.yellow.length || row.redList.length || row.blackList.length) out.push(row);
    }
  }
  return out;
}

/** A contestant's record: every period (published; drafts too for those who compute), with its adjustments. */
export async function contestantHistory(ctx: Ctx, id: number, contestantId: string): Promise<ContestantHistory> {
  const c = await row(ctx.db, id);
  if (c.status === 'archived' && !canCompute(ctx)) throw new AppError('NOT_FOUND', '擂台赛不存在');
  const scheme = await schemeOf(ctx.db, id, c.version);
  const seq = scheme.sequences.find((s) => s.contestants.some((x) => unitKeyOf(x) === contestantId));
  if (!seq) throw new AppError('NOT_FOUND', '该单位不是本擂台赛的参赛单位');
  const r = await ctx.db.execute(sql`SELECT DISTINCT ON (period) period, status, results FROM competition_snapshots WHERE competition_id = ${id} AND status ${canCompute(ctx) ? sql`<> 'superseded'` : sql`= 'published'`}
    ORDER BY period, (status = 'draft') DESC, revision DESC`);
  const rows: ContestantHistory['rows'] = [];
  for (const x of (r.rows as Array<{ period: string; status: 'draft' | 'published'; results: unknown }>).sort((a, b) => periodOrder(a.period) - periodOrder(b.period))) {
    const res = json<StoredResults>(x.results);
    const found = res.sequences.flatMap((s) => s.rows).find((y) => y.contestantId === contestantId);
    if (!found) continue;
    rows.push({ period: x.period, periodLabel: periodLabel(x.period), status: x.status, score: found.score, rank: found.rank, rankChange: found.rankChange, flag: found.flag, list: found.list, interview: found.interview, items: found.items, explanation: found.explanation });
  }
  const units = await contestantsOf(ctx.db, scheme);
  const [unitType, unitId] = contestantId.split(':') as [UnitRef['unitType'], string];
  const adjustments = await listAdjustments(ctx, id, { unit: { unitType, unitId } });
  return { contestantId, name: units.get(contestantId)?.unitName ?? contestantId, sequence: seq.name, rows, adjustments };
}

// ---------------------------------------------------------------- adjustments

const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export async function listAdjustments(ctx: Ctx, id: number, q: { period?: string; unit?: UnitRef; adjustmentId?: number }): Promise<Adjustment[]> {
  const c = await row(ctx.db, id);
  const scheme = await schemeOf(ctx.db, id, c.version);
  const scope = canCompute(ctx) ? sql`true` : unitScopeSql(unitVisibility(ctx.user), 'a');
  const r = await ctx.db.execute(sql`SELECT a.id, a.period, a.unit_type, a.unit_id, a.item_id, a.points, a.reason, a.created_at, u.display_name AS created_by,
      COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size) ORDER BY f.id) FROM competition_adjustment_files f WHERE f.adjustment_id = a.id), '[]') AS files
    FROM competition_adjustments a LEFT JOIN users u ON u.id = a.created_by
    WHERE a.competition_id = ${id} AND ${scope}
      ${q.period ? sql`AND a.period = ${q.period}` : sql``}
      ${q.unit ? sql`AND a.unit_type = ${q.unit.unitType} AND a.unit_id = ${q.unit.unitId}` : sql``}
      ${q.adjustmentId ? sql`AND a.id = ${q.adjustmentId}` : sql``}
    ORDER BY a.period DESC, a.id DESC`);
  const units = await contestantsOf(ctx.db, scheme);
  return (r.rows as Array<Record<string, unknown>>).map((x) => {
    const k = `${x.unit_type}:${x.unit_id}`;
    return {
      id: Number(x.id),
      period: String(x.period),
      contestantId: k,
      name: units.get(k)?.unitName ?? k,
      itemId: String(x.item_id),
      points: Number(x.points),
      reason: String(x.reason),
      files: json<Array<{ id: number; name: string; size: number }>>(x.files).map((f) => ({ id: Number(f.id), name: f.name, size: Number(f.size) })),
      createdAt: iso(x.created_at)!,
      createdBy: (x.created_by as string | null) ?? null,
    };
  });
}

async function assertOpenPeriod(db: DbOrTx, id: number, period: string): Promise<void> {
  const r = await db.execute(sql`SELECT status FROM competition_snapshots WHERE competition_id = ${id} AND period = ${period} ORDER BY revision DESC LIMIT 1`);
  const s = (r.rows[0] as { status: string } | undefined)?.status;
  if (s === 'published') throw new AppError('CONFLICT', `${periodLabel(period)}的成绩已发布；加减分变更后请重新计算并填写更正理由`);
}

export async function addAdjustment(ctx: Ctx, id: number, input: { period: string; contestantId: string; itemId: string; points: number; reason: string }): Promise<Adjustment> {
  const c = await row(ctx.db, id);
  const scheme = await schemeOf(ctx.db, id, c.version);
  const p = parsePeriod(input.period)!;
  if (p.cadence !== c.cadence || p.year !== c.year) throw new AppError('VALIDATION', `加减分记在${c.year}年的${c.cadence === 'month' ? '月度' : '季度'}成绩上`, [{ path: 'period', message: '期别应为擂台赛的计分周期' }]);
  const item = scheme.items.find((i) => i.id === input.itemId);
  if (!item || item.rule.kind !== 'adjustment') throw new AppError('VALIDATION', '请选择加减分项', [{ path: 'itemId', message: '该计分项不是加减分项' }]);
  if (!scheme.sequences.some((s) => s.contestants.some((x) => unitKeyOf(x) === input.contestantId))) throw new AppError('VALIDATION', '该单位不是本擂台赛的参赛单位', [{ path: 'contestantId', message: '不是参赛单位' }]);
  if (input.points < item.rule.min || input.points > item.rule.max) throw new AppError('VALIDATION', `「${item.name}」的分值应在${item.rule.min}~${item.rule.max}之间`, [{ path: 'points', message: `分值应在${item.rule.min}~${item.rule.max}之间` }]);
  if (Math.round(input.points * 100) !== input.points * 100) throw new AppError('VALIDATION', '分值最多两位小数', [{ path: 'points', message: '分值最多两位小数' }]);
  const [unitType, unitId] = input.contestantId.split(':') as [string, string];
  const newId = await inTransaction(ctx, async (tx) => {
    await assertOpenPeriod(tx, id, input.period);
    const [a] = await tx
      .insert(competitionAdjustments)
      .values({ competitionId: id, period: input.period, unitType, unitId, itemId: input.itemId, points: String(input.points), reason: input.reason, createdBy: ctx.user.id || null, createdAt: ctx.clock.now().toISOString() })
      .returning({ id: competitionAdjustments.id });
    await writeAudit(tx, ctx, { action: 'competition.adjust', entityType: 'competition', entityId: id, summary: `${c.name}：${periodLabel(input.period)}${item.name}${input.points >= 0 ? '+' : ''}${input.points}（${input.reason}）`, after: input });
    await tx.execute(sql`UPDATE competition_snapshots SET stale = true WHERE competition_id = ${id} AND status = 'draft'`);
    return a!.id;
  });
  return (await listAdjustments(ctx, id, { adjustmentId: newId }))[0]!;
}

export async function deleteAdjustment(ctx: Ctx, id: number, adjustmentId: number): Promise<void> {
  const keys: string[] = [];
  await inTransaction(ctx, async (tx) => {
    const r = await tx.execute(sql`SELECT period, reason, points FROM competition_adjustments WHERE id = ${adjustmentId} AND competition_id = ${id}`);
    const a = r.rows[0] as { period: string; reason: string; points: string } | undefined;
    if (!a) throw new AppError('NOT_FOUND', '加减分记录不存在');
    await assertOpenPeriod(tx, id, a.period);
    const f = await tx.execute(sql`SELECT storage_key FROM competition_adjustment_files WHERE adjustment_id = ${adjustmentId}`);
    keys.push(...(f.rows as Array<{ storage_key: string }>).map((x) => x.storage_key));
    await tx.execute(sql`DELETE FROM competition_adjustments WHERE id = ${adjustmentId}`);
    await tx.execute(sql`UPDATE competition_snapshots SET stale = true WHERE competition_id = ${id} AND status = 'draft'`);
    await writeAudit(tx, ctx, { action: 'competition.adjust', entityType: 'competition', entityId: id, summary: `删除加减分：${periodLabel(a.period)}${a.reason}（${a.points}）`, before: a });
  });
  const store = uploadsStorage(ctx.config.dataDir);
  for (const k of keys) await store.remove(k).catch(() => undefined);
}

export async function addAdjustmentFiles(ctx: Ctx, id: number, adjustmentId: number, files: Upload[]): Promise<Adjustment> {
  await storeUploads(ctx.config.dataDir, files, { folder: `competitions/${id}`, kind: 'attachment', maxBytes: EVIDENCE_MAX_BYTES }, (stored) =>
    inTransaction(ctx, async (tx) => {
      const r = await tx.execute(sql`SELECT id FROM competition_adjustments WHERE id = ${adjustmentId} AND competition_id = ${id}`);
      if (!r.rows.length) throw new AppError('NOT_FOUND', '加减分记录不存在');
      const now = ctx.clock.now().toISOString();
      await tx.insert(competitionAdjustmentFiles).values(stored.map((f) => ({ adjustmentId, ...f, uploadedBy: ctx.user.id || null, uploadedAt: now })));
      await writeAudit(tx, ctx, { action: 'competition.adjust', entityType: 'competition', entityId: id, summary: `上传加减分佐证：${files.map((f) => f.filename).join('、')}` });
    }),
  );
  return (await listAdjustments(ctx, id, { adjustmentId }))[0]!;
}

export async function readAdjustmentFile(ctx: Ctx, id: number, adjustmentId: number, fileId: number) {
  if (!(await listAdjustments(ctx, id, { adjustmentId })).length) throw new AppError('NOT_FOUND');
  const r = await ctx.db.execute(sql`SELECT name, mime, storage_key FROM competition_adjustment_files WHERE id = ${fileId} AND adjustment_id = ${adjustmentId}`);
  const f = r.rows[0] as { name: string; mime: string; storage_key: string } | undefined;
  if (!f) throw new AppError('NOT_FOUND');
  const s = await uploadsStorage(ctx.config.dataDir).read(f.storage_key);
  return { name: f.name, mime: f.mime, size: s.size, stream: s.stream };
}

// ---------------------------------------------------------------- public

export async function publicCompetitions(ctx: Ctx) {
  const r = await ctx.db.execute(sql`SELECT c.id, c.name, c.year, s.period, s.published_at FROM competitions c JOIN competition_snapshots s ON s.competition_id = c.id AND s.status = 'published'
    WHERE c.public AND c.status = 'active' ORDER BY c.year DESC, c.id DESC`);
  const out = new Map<number, { id: number; name: string; year: number; periods: Array<{ period: string; label: string; publishedAt: string }> }>();
  for (const x of r.rows as Array<{ id: number; name: string; year: number; period: string; published_at: unknown }>) {
    const c = out.get(Number(x.id)) ?? { id: Number(x.id), name: x.name, year: Number(x.year), periods: [] };
    c.periods.push({ period: x.period, label: periodLabel(x.period), publishedAt: iso(x.published_at)! });
    out.set(c.id, c);
  }
  for (const c of out.values()) c.periods.sort((a, b) => periodOrder(b.period) - periodOrder(a.period));
  return [...out.values()];
}

export function publicResultsJson(ctx: Ctx, id: number, period: string): Promise<Serialised> {
  return readCache(ctx.db).get(`competition:public:${id}:${period}`, async () => {
    const c = await row(ctx.db, id);
    if (!c.public || c.status !== 'active') throw new AppError('NOT_FOUND', '擂台赛不存在');
    const res = await results(ctx, id, period, undefined, true);
    // the public page shows scores, ranks, flags and reasons; adjustments' reasons are in the explanation already
    return serialise(CompetitionResultsSchema.parse({ ...res, missing: [] }));
  });
}

/** Marks drafts stale when indicator figures of their year changed (after commit). */
export async function markStale(db: DbOrTx, periods: string[]): Promise<void> {
  const years = [...new Set(periods.map((p) => parsePeriod(p)?.year).filter((y): y is number => !!y))];
  for (const y of years) await db.execute(sql`UPDATE competition_snapshots s SET stale = true FROM competitions c WHERE c.id = s.competition_id AND c.year = ${y} AND s.status = 'draft' AND NOT s.stale`);
}

