import type { CampaignDetail, CampaignItem, CampaignItemInput, CampaignStatus } from '@tiaodu/contracts';
import type { FieldIssue } from '@tiaodu/contracts';

export const STATUS_COLOR: Record<CampaignStatus, string> = { upcoming: 'default', active: 'processing', ended: 'success' };

/** Where an item's name links: a task's page, a project's page, an indicator's figures. */
export function itemLink(item: Pick<CampaignItem, 'kind' | 'refId' | 'missing'>): string | null {
  if (item.missing) return null;
  if (item.kind === 'task') return `/tasks/${item.refId}`;
  if (item.kind === 'project') return `/projects/${item.refId}`;
  return `/indicators/values?indicatorId=${item.refId}`;
}

/** The row testid of an item: campaign-item-<kind>-<refId>. */
export const itemTestId = (i: Pick<CampaignItem, 'kind' | 'refId'>) => `campaign-item-${i.kind}-${i.refId}`;

/** A figure as given by the server: 1234.5 → "1,234.5", null → "—". */
export function figure(v: number | null | undefined): string {
  return v == null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** A percentage as given by the server: 12.5 → "12.5%", null → "—". */
export function percent(v: number | null | undefined): string {
  return v == null ? '—' : `${Math.round(v * 100) / 100}%`;
}

/** One item row of the form (a task, a project with an optional 万元 target, an indicator target of a unit). */
export interface ItemRow {
  kind: 'task' | 'project' | 'indicator';
  taskId?: number | null;
  projectId?: number | null;
  indicatorId?: number | null;
  unit?: { unitType: 'region' | 'department'; unitId: string } | null;
  target?: number | null;
}

/** The stored items as form rows (edit). */
export function toRows(inputs: CampaignDetail['inputs']): ItemRow[] {
  return inputs.map((i) =>
    i.kind === 'task'
      ? { kind: 'task', taskId: i.taskId ?? null }
      : i.kind === 'project'
        ? { kind: 'project', projectId: i.projectId ?? null, target: i.target ?? null }
        : { kind: 'indicator', indicatorId: i.indicatorId ?? null, unit: i.unitType && i.unitId ? { unitType: i.unitType, unitId: i.unitId } : null, target: i.target ?? null },
  );
}

/**
 * The form rows as the API's items. A row left incomplete is sent as it is (without its id) so
 * the server names the field that is missing; rows with nothing picked at all are dropped.
 */
export function toItems(rows: readonly (ItemRow | undefined)[]): CampaignItemInput[] {
  const out: CampaignItemInput[] = [];
  for (const r of rows) {
    if (!r?.kind) continue;
    if (r.kind === 'task') {
      if (!r.taskId) continue;
      out.push({ kind: 'task', taskId: r.taskId });
    } else if (r.kind === 'project') {
      if (!r.projectId) continue;
      out.push({ kind: 'project', projectId: r.projectId, target: r.target ?? null });
    } else {
      if (!r.indicatorId && !r.unit) continue;
      out.push({ kind: 'indicator', indicatorId: r.indicatorId as number, unitType: r.unit?.unitType as 'region', unitId: r.unit?.unitId as string, target: r.target ?? null });
    }
  }
  return out;
}

/** The server's field errors as the form's fields: the dates on the range picker, an item on the item list. */
export function formField(path: string): string {
  if (path === 'startDate' || path === 'endDate') return 'range';
  return path;
}

export function remapIssues(details: readonly FieldIssue[]): FieldIssue[] {
  return details.map((d) => ({ ...d, path: formField(d.path) }));
}
