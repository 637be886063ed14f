/**
 * The default library of milestone templates (标准节点库), created when the table is empty.
 *
 * Durations are working days and are the platform's defaults, to be adjusted per county:
 * they follow the statutory or customary processing times of the approvals
 * (e.g. 环评报告表 审批 ≤ 30 working days, 施工许可 ≤ 7 working days after a complete
 * file, 施工图审查 ≈ 15–20 working days), plus time for preparing the file.
 *
 *   立项 10 · 用地预审与选址 20 · 土地出让 30 · 规划许可 15 · 环评 20 · 能评 15 ·
 *   施工图审查 20 · 施工许可 7 · 开工 5 · 主体完工 120 · 竣工验收 20 · 投产 15
 *
 * Total 297 working days, about 14 months. A shorter template for projects already past the
 * approvals (已开工项目) covers 开工 → 投产.
 */
export interface DefaultTemplate {
  name: string;
  nodes: { name: string; durationDays: number }[];
}

export const DEFAULT_NODES = [
  { name: '立项', durationDays: 10 },
  { name: '用地预审与选址', durationDays: 20 },
  { name: '土地出让', durationDays: 30 },
  { name: '规划许可', durationDays: 15 },
  { name: '环评', durationDays: 20 },
  { name: '能评', durationDays: 15 },
  { name: '施工图审查', durationDays: 20 },
  { name: '施工许可', durationDays: 7 },
  { name: '开工', durationDays: 5 },
  { name: '主体完工', durationDays: 120 },
  { name: '竣工验收', durationDays: 20 },
  { name: '投产', durationDays: 15 },
];

export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  { name: '标准建设项目（立项至投产）', nodes: DEFAULT_NODES },
  { name: '已开工项目（开工至投产）', nodes: DEFAULT_NODES.slice(8) },
];
