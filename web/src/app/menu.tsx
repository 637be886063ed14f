import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import type { Permission } from '@tiaodu/contracts';
import type { I18n } from '../i18n';
import { FEATURES } from '../features';
import type { FeatureManifest, MenuEntry, MenuGroup } from './feature';

/** Groups several features put entries in; a feature's own group comes with its manifest. */
export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'dispatch', label: 'nav.dispatch', order: 60 },
  { key: 'org', label: 'nav.org', order: 80 },
];

export type MenuNode = MenuEntry | (MenuGroup & { children: MenuEntry[] });

/** The menu of these features: top-level entries and groups by `order`, each group's entries by theirs. */
export function assembleMenu(features: readonly FeatureManifest[]): MenuNode[] {
  const groups = [...MENU_GROUPS, ...features.flatMap((f) => f.menuGroups ?? [])];
  const entries = features.flatMap((f) => f.menu ?? []);
  for (const e of entries) {
    if (e.group && !groups.some((g) => g.key === e.group)) throw new Error(`menu entry ${e.key}: no group ${e.group}`);
  }
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  const nodes: MenuNode[] = [
    ...entries.filter((e) => !e.group),
    ...groups.map((g) => ({ ...g, children: entries.filter((e) => e.group === g.key).sort(byOrder) })).filter((g) => g.children.length),
  ];
  return nodes.sort(byOrder);
}

/** The modules that exist, in menu order; each shows only with its permission. */
export const MENU: readonly MenuNode[] = assembleMenu(FEATURES);

function item(e: MenuEntry, t: I18n['t'], onNavigate?: () => void) {
  return {
    key: e.key,
    icon: e.icon,
    label: (
      <Link to={e.path} data-testid={e.testId ?? `nav-${e.key}`} onClick={onNavigate}>
        {t(e.label)}
      </Link>
    ),
  };
}

/** The menu for these permissions; `hidden` leaves entries out (初始化向导 once setup is complete). */
export function menuItems(can: (p: Permission) => boolean, t: I18n['t'], onNavigate?: () => void, hidden: readonly string[] = [], menu: readonly MenuNode[] = MENU): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const shown = (e: MenuEntry) => (typeof e.permission === 'function' ? e.permission(can) : can(e.permission)) && !hidden.includes(e.key);
  for (const m of menu) {
    if ('children' in m) {
      const children = m.children.filter(shown).map((c) => item(c, t, onNavigate));
      if (children.length) items.push({ type: 'group', key: m.key, label: t(m.label), children });
    } else if (shown(m)) items.push(item(m, t, onNavigate));
  }
  return items;
}

/** The menu key of the current path. */
export function selectedKey(pathname: string): string | undefined {
  for (const m of MENU) {
    const entries = 'children' in m ? m.children : [m];
    for (const e of entries) if (pathname === e.path || pathname.startsWith(`${e.path}/`)) return e.key;
  }
  return undefined;
}
