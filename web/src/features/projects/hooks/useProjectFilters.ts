import { useCallback, useMemo } from 'react';
import { useUrlParams } from '../../../hooks/useUrlParams';
import {
  INVESTMENT_BAND_VALUES,
  PROJECT_FIELD_VALUES,
  PROJECT_LEVEL_VALUES,
  PROJECT_SORTS,
  PROJECT_STAGE_VALUES,
  YEAR_CATEGORY_VALUES,
  type InvestmentBand,
  type ProjectField,
  type ProjectLevel,
  type ProjectStage,
  type YearCategory,
} from '@tiaodu/contracts';
import type { Query } from '../../../api/client';

export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** The list's state, all of it kept in the URL query string. */
export interface ProjectFilters {
  q?: string;
  regionCode?: string;
  stage: ProjectStage[];
  level: ProjectLevel[];
  category: YearCategory[];
  field: ProjectField[];
  band: InvestmentBand[];
  leaderId?: number;
  responsibleDeptId?: number;
  planYear?: number;
  sort?: ProjectSort;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

function list<T extends string>(sp: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  const raw = sp.get(key);
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function int(sp: URLSearchParams, key: string): number | undefined {
  const raw = sp.get(key);
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}

export function parseFilters(sp: URLSearchParams): ProjectFilters {
  const sort = sp.get('sort');
  const pageSize = int(sp, 'pageSize');
  return {
    q: sp.get('q')?.trim() || undefined,
    regionCode: sp.get('regionCode') || undefined,
    stage: list(sp, 'stage', PROJECT_STAGE_VALUES),
    level: list(sp, 'level', PROJECT_LEVEL_VALUES),
    category: list(sp, 'category', YEAR_CATEGORY_VALUES),
    field: list(sp, 'field', PROJECT_FIELD_VALUES),
    band: list(sp, 'band', INVESTMENT_BAND_VALUES),
    leaderId: int(sp, 'leaderId'),
    responsibleDeptId: int(sp, 'responsibleDeptId'),
    planYear: int(sp, 'planYear'),
    sort: sort && (PROJECT_SORTS as readonly string[]).includes(sort) ? (sort as ProjectSort) : undefined,
    page: int(sp, 'page') ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

/** The filters only (no paging), as sent to the list, the totals and the export. */
export function filterQuery(f: ProjectFilters): Query {
  return {
    q: f.q,
    regionCode: f.regionCode,
    stage: f.stage,
    level: f.level,
    category: f.category,
    field: f.field,
    band: f.band,
    leaderId: f.leaderId,
    responsibleDeptId: f.responsibleDeptId,
    planYear: f.planYear,
    sort: f.sort,
  };
}

export function listQuery(f: ProjectFilters): Query {
  return { ...filterQuery(f), page: f.page, pageSize: f.pageSize };
}

function toParams(f: ProjectFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(listQuery(f))) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else sp.set(k, String(v));
  }
  if (f.page === 1) sp.delete('page');
  if (f.pageSize === 20) sp.delete('pageSize');
  return sp;
}

export type FilterPatch = Partial<Omit<ProjectFilters, 'page' | 'pageSize'>>;

export function useProjectFilters() {
  const [sp, setSp] = useUrlParams();
  const filters = useMemo(() => parseFilters(sp), [sp]);

  /** Changes filters (back to page 1); each change is a history entry so Back restores the view. */
  const setFilters = useCallback(
    (patch: FilterPatch) => {
      setSp((prev) => toParams({ ...parseFilters(prev), ...patch, page: 1 }));
    },
    [setSp],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setSp((prev) => {
        const cur = parseFilters(prev);
        return toParams({ ...cur, page: pageSize !== cur.pageSize ? 1 : page, pageSize });
      });
    },
    [setSp],
  );

  const setSort = useCallback(
    (sort: ProjectSort | undefined) => {
      setSp((prev) => toParams({ ...parseFilters(prev), sort, page: 1 }));
    },
    [setSp],
  );

  const clear = useCallback(() => setSp(() => new URLSearchParams()), [setSp]);

  const active =
    Boolean(filters.q || filters.regionCode || filters.leaderId || filters.responsibleDeptId || filters.planYear) ||
    filters.stage.length + filters.level.length + filters.category.length + filters.field.length + filters.band.length > 0;

  return { filters, setFilters, setPage, setSort, clear, active };
}
