import { z } from 'zod';
import { ImportResultSchema } from './projects.js';

/**
 * Excel import of the project ledger: the fields a column can be mapped to, the answer of the
 * inspect step (sheets, detected header, column → field), import jobs with progress, and saved
 * column mappings. The import result itself is `ImportResultSchema` (projects.ts).
 */

export const IMPORT_FIELDS = [
  { key: 'seq', zh: '序号', en: 'No.', required: false },
  { key: 'name', zh: '项目名称', en: 'Project name', required: true },
  { key: 'code', zh: '项目代码', en: 'Project code', required: false },
  { key: 'statsCode', zh: '统计库编码', en: 'Statistics code', required: false },
  { key: 'level', zh: '项目级别', en: 'Level', required: false },
  { key: 'nature', zh: '建设性质', en: 'Construction nature', required: false },
  { key: 'category', zh: '年度类别', en: 'Yearly category', required: false },
  { key: 'planYear', zh: '计划年度', en: 'Plan year', required: false },
  { key: 'field', zh: '领域', en: 'Field', required: false },
  { key: 'chainTags', zh: '产业链', en: 'Industrial chain', required: false },
  { key: 'investmentType', zh: '投资类型', en: 'Investment type', required: false },
  { key: 'region', zh: '所属区域', en: 'Region', required: true },
  { key: 'location', zh: '建设地点', en: 'Location', required: false },
  { key: 'owner', zh: '项目业主', en: 'Owner enterprise', required: false },
  { key: 'ownerCreditCode', zh: '统一社会信用代码', en: 'Owner credit code', required: false },
  { key: 'totalInvestment', zh: '总投资', en: 'Total investment', required: true },
  { key: 'landArea', zh: '用地面积（亩）', en: 'Land area (mu)', required: false },
  { key: 'plannedStart', zh: '计划开工', en: 'Planned start', required: false },
  { key: 'plannedCompletion', zh: '计划竣工', en: 'Planned completion', required: false },
  { key: 'period', zh: '建设起止年限', en: 'Construction period', required: false },
  { key: 'actualStart', zh: '实际开工', en: 'Actual start', required: false },
  { key: 'actualCompletion', zh: '实际竣工', en: 'Actual completion', required: false },
  { key: 'stage', zh: '当前阶段', en: 'Stage', required: false },
  { key: 'leaders', zh: '包保领导', en: 'Leaders', required: false },
  { key: 'responsibleDept', zh: '牵头单位', en: 'Lead unit', required: false },
  { key: 'responsiblePerson', zh: '责任人', en: 'Responsible person', required: false },
  { key: 'responsiblePhone', zh: '联系电话', en: 'Phone', required: false },
  { key: 'liaisonName', zh: '联络员', en: 'Liaison', required: false },
  { key: 'liaisonPhone', zh: '联络员电话', en: 'Liaison phone', required: false },
  { key: 'content', zh: '建设内容', en: 'Construction content', required: false },
] as const;
export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];
export const ImportFieldKeySchema = z.enum(IMPORT_FIELD_KEYS, { message: '未知的导入字段' });

export function importFieldLabel(key: string): string {
  return IMPORT_FIELDS.find((f) => f.key === key)?.zh ?? key;
}

/**
 * A column mapping that overrides recognition: key = the column's header text as in the file
 * (for two-row headers "上级表头/下级表头" or just the lower one) or its letter ("D");
 * value = a field key, or "" to ignore the column.
 */
export const ImportMappingSchema = z.record(z.string().trim().min(1).max(100), z.union([ImportFieldKeySchema, z.literal('')]), {
  message: '列映射应为 { 表头或列号: 字段 } 形式的对象',
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** Query of the import endpoints: `dryRun=true` checks and previews without writing. */
export const ImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { message: 'dryRun 应为 true 或 false' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/**
 * The multipart fields of an import besides `file`: `mapping` (JSON), `sheet`, `headerRow`,
 * `defaultRegionCode`, `createMissing` ("true"), `mappingId` (a saved mapping) and `matches`
 * (JSON): the importer's choice for a name of the file — an id, or null to create it.
 */
export const ImportMatchesSchema = z
  .object({
    departments: z.record(z.string().max(100), z.number().int().positive().nullable()).default({}),
    leaders: z.record(z.string().max(100), z.number().int().positive().nullable()).default({}),
  })
  .strict();
export type ImportMatches = z.infer<typeof ImportMatchesSchema>;

export const ImportColumnSchema = z.object({
  index: z.number(),
  letter: z.string(),
  header: z.string(),
  field: ImportFieldKeySchema.nullable(),
  sample: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumnSchema>;

export const ImportInspectSchema = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number(),
  columns: z.array(ImportColumnSchema),
  fields: z.array(z.object({ key: ImportFieldKeySchema, label: z.string(), required: z.boolean() })),
  /** Whether a column of the file is the region (所属区域). */
  regionColumn: z.boolean(),
  /** The region proposed for rows without one: the user's own, else the county (or city) itself. */
  defaultRegionCode: z.string().nullable(),
  /** Whether the user may let the import create unknown units and leaders. */
  canCreateMissing: z.boolean(),
});
export type ImportInspect = z.infer<typeof ImportInspectSchema>;

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export const IMPORT_JOB_PHASES = ['parsing', 'validating', 'writing', 'done'] as const;

export const ImportJobStartedSchema = z.object({ jobId: z.string() });

export const ImportJobSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  phase: z.enum(IMPORT_JOB_PHASES),
  done: z.number(),
  total: z.number(),
  result: ImportResultSchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  filename: z.string().optional(),
  dryRun: z.boolean().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().nullable().optional(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const SavedImportMappingSchema = z.object({
  id: z.number(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type SavedImportMapping = z.infer<typeof SavedImportMappingSchema>;

export const ImportMappingInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写映射名称').max(100, '名称不能超过100个字符'),
    mapping: ImportMappingSchema,
  })
  .strict();
export type ImportMappingInput = z.infer<typeof ImportMappingInputSchema>;
