/** Saved column mappings of the import wizard, shared by everyone who imports. */
import { toIso } from '../../../core/clock.js';
import { ImportMappingInputSchema, type ImportMappingInput, type SavedImportMapping } from '@tiaodu/contracts';
import type { Ctx } from '../../../core/context.js';
import { writeAudit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import * as repo from './import.repository.js';

const KIND = 'projects';

const view = (r: { id: number; name: string; mapping: unknown; createdAt: string }): SavedImportMapping => ({
  id: r.id,
  name: r.name,
  mapping: (r.mapping ?? {}) as Record<string, string>,
  createdAt: toIso(r.createdAt),
});

export async function listImportMappings(ctx: Ctx): Promise<SavedImportMapping[]> {
  return (await repo.listMappings(ctx.db, KIND)).map(view);
}

/** Saves a mapping under a name; saving again under the same name replaces it. */
export async function saveImportMapping(ctx: Ctx, input: ImportMappingInput): Promise<SavedImportMapping> {
  const v = ImportMappingInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const cur = await repo.findMappingByName(tx, KIND, v.name);
    const row = cur
      ? await repo.updateMapping(tx, cur.id, { mapping: v.mapping, createdBy: ctx.user.id || null, createdAt: now })
      : await repo.insertMapping(tx, { kind: KIND, name: v.name, mapping: v.mapping, createdBy: ctx.user.id || null, createdAt: now });
    await writeAudit(tx, ctx, {
      action: 'import_mapping.save',
      entityType: 'import_mapping',
      entityId: row.id,
      summary: `保存导入列映射「${v.name}」`,
      before: cur ? { mapping: cur.mapping } : undefined,
      after: { name: v.name, mapping: v.mapping },
    });
    return view(row);
  });
}

/** A saved mapping by id (the import's `mappingId`), or a 400 naming the field. */
export async function savedMapping(ctx: Ctx, id: number): Promise<Record<string, string>> {
  const row = (await repo.listMappings(ctx.db, KIND)).find((m) => m.id === id);
  if (!row) throw new AppError('VALIDATION', `已保存的列映射（编号${id}）不存在`, [{ path: 'mappingId', message: '列映射不存在' }]);
  return (row.mapping ?? {}) as Record<string, string>;
}
