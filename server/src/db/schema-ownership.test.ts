/**
 * Each module owns its tables: the shared kernel is defined in db/kernel.schema.ts, every other
 * table in exactly one `modules/<module>/**\/<name>.schema.ts`, and db/schema.ts only re-exports
 * them for the migrations. A schema file imports the kernel from db/, never another module's
 * schema file; a foreign key to another module's table names it (see problems.schema.ts), and
 * must then point at a table and column defined, with the same type, by its owner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as everything from './schema.js';
import * as kernel from './kernel.schema.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = path.join(src, 'modules');

const schemaFiles = readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.schema.ts'))
  .map((f) => path.join(modulesDir, f))
  .sort();

const tablesOf = (exports: Record<string, unknown>) => Object.values(exports).filter((v): v is PgTable => is(v, PgTable));
const moduleOf = (file: string) => path.relative(modulesDir, file).split(path.sep)[0];
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b(?:[^;']*?\bfrom)?\s*'([^']+)'/gm)].map((m) => m[1]!);

describe('each module owns its tables', () => {
  it('defines every table of db/schema.ts in exactly one file: the kernel in db/, the rest under modules/', async () => {
    const owners = new Map<PgTable, string[]>();
    const own = (file: string, exports: Record<string, unknown>) => {
      for (const t of tablesOf(exports)) owners.set(t, [...(owners.get(t) ?? []), file]);
    };
    own('db/kernel.schema.ts', kernel);
    for (const file of schemaFiles) own(path.relative(src, file), await import(pathToFileURL(file).href));

    const all = tablesOf(everything);
    expect(schemaFiles.length).toBeGreaterThanOrEqual(9);
    expect(new Set(all.map((t) => getTableConfig(t).name)).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(owners.keys()));
    for (const [t, files] of owners) expect(files, getTableConfig(t).name).toHaveLength(1);
    expect(tablesOf(kernel).map((t) => getTableConfig(t).name).sort()).toEqual(
      [
        'audit_events', 'calendar_days', 'departments', 'enterprises', 'people', 'project_leaders',
        'project_stage_events', 'projects', 'regions', 'scheduler_runs', 'sessions', 'settings', 'users',
      ].sort(),
    );
  });

  it('db/schema.ts defines nothing and re-exports every schema file', () => {
    const text = readFileSync(path.join(src, 'db/schema.ts'), 'utf8');
    expect(text).not.toMatch(/pgTable\(/);
    const reexported = importsOf(path.join(src, 'db/schema.ts')).map((p) => path.resolve(src, 'db', p.replace(/[.]js$/, '.ts')));
    expect(reexported.sort()).toEqual([path.join(src, 'db/kernel.schema.ts'), ...schemaFiles].sort());
  });

  it('a module schema file imports drizzle and the kernel, never another module', () => {
    for (const file of schemaFiles) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          expect(spec, file).toMatch(/^drizzle-orm(\/|$)/);
          continue;
        }
        const target = path.resolve(path.dirname(file), spec);
        if (target.startsWith(modulesDir + path.sep)) expect(moduleOf(target), `${file} imports ${spec}`).toBe(moduleOf(file));
        else expect(path.relative(src, target), `${file} imports ${spec}`).toMatch(/^db\/(kernel[.]schema|columns)[.]js$/);
      }
    }
  });

  it('every foreign key points at a table and column its owner defines, with the same type', () => {
    const byName = new Map(tablesOf(everything).map((t) => [getTableConfig(t).name, getTableConfig(t)]));
    let keys = 0;
    for (const [name, config] of byName) {
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        const target = byName.get(getTableConfig(ref.foreignTable).name);
        expect(target, `${name} → ${getTableConfig(ref.foreignTable).name}`).toBeDefined();
        ref.foreignColumns.forEach((col, i) => {
          const owned = target!.columns.find((c) => c.name === col.name);
          expect(owned, `${name} → ${target!.name}.${col.name}`).toBeDefined();
          expect(owned!.getSQLType(), `${name} → ${target!.name}.${col.name}`).toBe(col.getSQLType());
          expect(ref.columns[i]!.getSQLType().replace('serial', 'integer'), `${name}.${ref.columns[i]!.name}`).toBe(col.getSQLType().replace('serial', 'integer'));
        });
        keys++;
      }
    }
    expect(keys).toBeGreaterThan(40);
  });
});
