/**
 * The guard of the code's shape (.dependency-cruiser.cjs): no import cycle in server/src, web/src
 * or contracts/src; core/ and db/ import no module (but db/schema.ts re-exports the modules'
 * schema files, and only those); a module never imports another module's repository or schema
 * file; contracts/ imports neither side. A violation fails here with the offending import.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function check(dirs: string[], extra?: object): Promise<{ violations: IViolation[]; modules: number }> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const res = await cruise(dirs, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, ...extra });
    const out = res.output as ICruiseResult;
    return { violations: out.summary.violations, modules: out.modules.length };
  } finally {
    process.chdir(cwd);
  }
}

const show = (v: IViolation[]) => v.map((x) => `${x.rule.name}: ${x.from} → ${x.to}${x.cycle ? ` (${x.cycle.map((c) => (typeof c === 'string' ? c : c.name)).join(' → ')})` : ''}`).join('\n');

describe('the shape of the code', () => {
  it('has no import cycle and no forbidden import in server, web and contracts', async () => {
    const { violations, modules } = await check(['server/src', 'web/src', 'contracts/src']);
    expect(modules).toBeGreaterThan(300);
    expect(violations, show(violations)).toEqual([]);
  }, 120_000);

  it('catches a cycle, a module reaching into another’s repository or tables, core importing a module, and db/schema.ts importing more than tables', async () => {
    const fixtures = 'server/test/fixtures/architecture';
    const { violations } = await check([fixtures], {
      ruleSet: {
        forbidden: config.forbidden.map((r: { from: { path?: string }; to: { path?: string } }) => ({
          ...r,
          from: { ...r.from, path: r.from.path?.replace('^server/src/', `^${fixtures}/`) },
          to: { ...r.to, path: r.to.path?.replace('^server/src/', `^${fixtures}/`), pathNot: (r.to as { pathNot?: string }).pathNot?.replace('^server/src/', `^${fixtures}/`) },
        })),
      },
    });
    const rules = new Set(violations.map((v) => v.rule.name));
    expect([...rules].sort()).toEqual([
      'core-and-db-import-no-module',
      'db-schema-gathers-schema-files-only',
      'no-circular',
      'no-other-modules-repository',
      'no-other-modules-schema',
    ]);
  }, 120_000);
});

describe('the modules declare themselves', () => {
  it('each module’s manifest carries its own permission declaration, and every declaration belongs to a module', async () => {
    const { MODULES } = await import('../src/modules/index.js');
    const { MODULE_PERMISSIONS } = await import('@tiaodu/contracts');
    const carried = MODULES.flatMap((m) => (m.permissions ? [[m.name, m.permissions.module]] : []));
    for (const [name, declared] of carried) expect(declared, name).toBe(name);
    expect(carried.map(([n]) => n).sort()).toEqual(MODULE_PERMISSIONS.map((m) => m.module).sort());
  });

  it('every route’s permission key is declared by a module', async () => {
    const { createTestEnv } = await import('./helpers.js');
    const { PERMISSIONS } = await import('@tiaodu/contracts');
    const env = await createTestEnv({ empty: true });
    try {
      const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { description?: string }>> };
      const used = new Set<string>();
      for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) for (const m of (op.description ?? '').matchAll(/所需权限：([a-z]+:[a-z]+)/g)) used.add(m[1]!);
      expect(used.size).toBeGreaterThan(20);
      for (const k of used) expect((PERMISSIONS as readonly string[]).includes(k), k).toBe(true);
    } finally {
      await env.close();
    }
  }, 120_000);
});
