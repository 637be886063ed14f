import { describe, expect, it } from 'vitest';
import { isValidElement } from 'react';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '@tiaodu/contracts';
import { assembleMenu, MENU, menuItems, selectedKey } from './menu';
import { FEATURES } from '../features';
import type { FeatureManifest } from './feature';
import { MENU_BY_ROLE, SELECTED } from './menu.expected';

const keys = (items: ReturnType<typeof menuItems>): string[] =>
  (items ?? []).flatMap((i) => (i && 'children' in i && i.children ? i.children.map((c) => String(c?.key)) : [String(i?.key)]));

const t = ((k: string) => k) as Parameters<typeof menuItems>[1];

/** The menu as lines `key path testId label`, groups as `[key] label` with their entries indented. */
function lines(items: ReturnType<typeof menuItems>): string[] {
  const entry = (i: unknown, indent: string): string => {
    const { key, label } = i as { key: string; label: unknown };
    if (!isValidElement<{ to: string; 'data-testid': string; children: string }>(label)) throw new Error(`entry ${key} is not a link`);
    return `${indent}${key} ${label.props.to} ${label.props['data-testid']} ${label.props.children}`;
  };
  return (items ?? []).flatMap((i) =>
    i && 'type' in i && i.type === 'group' ? [`[${String(i.key)}] ${String(i.label)}`, ...(i.children ?? []).map((c) => entry(c, '  '))] : [entry(i, '')],
  );
}

describe('the menu', () => {
  it('shows 初始化向导 and 领导与人员 to the admin while setup is incomplete', () => {
    const k = keys(menuItems(() => true, t));
    expect(k).toContain('setup');
    expect(k).toContain('people');
  });

  it('leaves 初始化向导 out once setup is complete, and from users without admin:user', () => {
    expect(keys(menuItems(() => true, t, undefined, ['setup']))).not.toContain('setup');
    expect(keys(menuItems((p) => p !== 'admin:user', t))).not.toContain('setup');
  });

  it('assembled from the features, is for every role the menu it was as one list', () => {
    for (const role of ROLES) {
      const perms: readonly Permission[] = ROLE_PERMISSIONS[role.value];
      const can = (p: Permission) => perms.includes(p);
      expect(lines(menuItems(can, t)), role.value).toEqual(MENU_BY_ROLE[role.value]);
      expect(lines(menuItems(can, t, undefined, ['setup'])), `${role.value}, setup complete`).toEqual(MENU_BY_ROLE[`${role.value} setup done`]);
    }
  });

  it('selects the entry of the current page', () => {
    for (const [path, key] of Object.entries(SELECTED)) expect(selectedKey(path) ?? null, path).toBe(key);
  });

  it('does not depend on the order of the feature list', () => {
    expect(assembleMenu([...FEATURES].reverse())).toEqual(MENU);
  });

  it('gives every entry a key of its own', () => {
    const all = MENU.flatMap((m) => ('children' in m ? [m.key, ...m.children.map((c) => c.key)] : [m.key]));
    expect(new Set(all).size).toBe(all.length);
  });

  it('takes a group and a predicate from a feature', () => {
    const extra: FeatureManifest = {
      name: 'extra',
      menuGroups: [{ key: 'extra-group', label: 'app.title', order: 85 }],
      menu: [{ key: 'extra', path: '/extra', label: 'app.title', icon: null, permission: (can) => can('audit:read') && can('admin:user'), group: 'extra-group', order: 10 }],
    };
    const menu = assembleMenu([...FEATURES, extra]);
    expect(lines(menuItems(() => true, t, undefined, [], menu)).slice(-3)).toEqual(['[extra-group] app.title', '  extra /extra nav-extra app.title', 'audit /audit nav-audit nav.audit']);
    expect(keys(menuItems((p) => p !== 'admin:user', t, undefined, [], menu))).not.toContain('extra');
  });

  it('refuses an entry in a group nobody declares', () => {
    const lost: FeatureManifest = { name: 'lost', menu: [{ key: 'lost', path: '/lost', label: 'app.title', icon: null, permission: 'audit:read', group: 'nowhere', order: 1 }] };
    expect(() => assembleMenu([lost])).toThrow(/nowhere/);
  });
});
