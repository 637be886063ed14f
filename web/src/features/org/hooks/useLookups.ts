import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Region } from '@tiaodu/contracts';
import { orgApi, type PeopleQuery } from '../api/org';

export const orgKeys = {
  settings: ['settings'] as const,
  regions: ['regions'] as const,
  departments: ['departments'] as const,
  leaders: ['leaders'] as const,
  people: (q: object) => ['people', q] as const,
  peopleAll: ['people'] as const,
  enterprises: (q: object) => ['enterprises', q] as const,
  enterprisesAll: ['enterprises'] as const,
  users: (q: object) => ['users', q] as const,
  usersAll: ['users'] as const,
};

export function useSettings() {
  return useQuery({ queryKey: orgKeys.settings, queryFn: orgApi.settings, staleTime: Infinity });
}

export function useRegions() {
  return useQuery({ queryKey: orgKeys.regions, queryFn: orgApi.regions, staleTime: 5 * 60_000 });
}

export function useDepartments() {
  return useQuery({ queryKey: orgKeys.departments, queryFn: orgApi.departments, staleTime: 5 * 60_000 });
}

export function useLeaders() {
  return useQuery({ queryKey: orgKeys.leaders, queryFn: orgApi.leaders, staleTime: 5 * 60_000 });
}

export function usePeople(q: PeopleQuery = {}) {
  return useQuery({ queryKey: orgKeys.people(q), queryFn: () => orgApi.people(q), placeholderData: keepPreviousData });
}

export function useEnterprises(q: { q?: string; page?: number; pageSize?: number }) {
  return useQuery({ queryKey: orgKeys.enterprises(q), queryFn: () => orgApi.enterprises(q), placeholderData: keepPreviousData });
}

export interface RegionNode {
  value: string;
  title: string;
  key: string;
  region: Region;
  children?: RegionNode[];
}

/** Builds the region tree from the flat list (parentCode); orphans become roots. */
export function buildRegionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.code, { value: r.code, key: r.code, title: r.name, region: r });
  const roots: RegionNode[] = [];
  const sorted = [...regions].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  for (const r of sorted) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export function useRegionTree() {
  const query = useRegions();
  const tree = useMemo(() => buildRegionTree(query.data ?? []), [query.data]);
  const names = useMemo(() => new Map((query.data ?? []).map((r) => [r.code, r.name])), [query.data]);
  return { ...query, tree, names };
}
