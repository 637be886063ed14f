import type { Region } from '@tiaodu/contracts';

/** The region the dashboard opens on without a regionCode: the single root, down its single-child chain (省 → 市 → 县). */
export function topRegionCode(regions: Pick<Region, 'code' | 'parentCode'>[]): string | null {
  const children = (parent: string | null) => regions.filter((r) => r.parentCode === parent);
  let level = children(null);
  let code: string | null = null;
  for (let depth = 0; level.length === 1 && depth < 5; depth++) {
    code = level[0]!.code;
    level = children(code);
  }
  return code;
}

/**
 * The breadcrumb from the dashboard's root (`root`, the user's own region or the deployment's
 * top) down to `current`. A region outside the root's subtree gives just itself.
 */
export function regionChain<R extends Pick<Region, 'code' | 'parentCode'>>(regions: R[], root: string | null, current: string | null): R[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const start = current ?? root;
  const chain: R[] = [];
  for (let r = start ? byCode.get(start) : undefined; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    chain.unshift(r);
    if (r.code === root) return chain;
    if (chain.length > 8) break;
  }
  const self = start ? byCode.get(start) : undefined;
  return root === null ? chain : self ? [self] : [];
}
