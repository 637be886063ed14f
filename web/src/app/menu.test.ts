import { describe, expect, it } from 'vitest';
import { menuItems } from './menu';

const keys = (items: ReturnType<typeof menuItems>): string[] =>
  (items ?? []).flatMap((i) => (i && 'children' in i && i.children ? i.children.map((c) => String(c?.key)) : [String(i?.key)]));

describe('the menu', () => {
  const t = ((k: string) => k) as Parameters<typeof menuItems>[1];

  it('shows 初始化向导 and 领导与人员 to the admin while setup is incomplete', () => {
    const k = keys(menuItems(() => true, t));
    expect(k).toContain('setup');
    expect(k).toContain('people');
  });

  it('leaves 初始化向导 out once setup is complete, and from users without admin:user', () => {
    expect(keys(menuItems(() => true, t, undefined, ['setup']))).not.toContain('setup');
    expect(keys(menuItems((p) => p !== 'admin:user', t))).not.toContain('setup');
  });
});
