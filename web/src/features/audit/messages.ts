import type { Messages } from '../../i18n/messages';

/** Texts of the audit log (审计日志). */
export const auditMessages = {
  'nav.audit': ['审计日志', 'Audit log'],
  'audit.title': ['审计日志', 'Audit log'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Who'],
  'audit.action': ['操作', 'Action'],
  'audit.entity': ['对象', 'Entity'],
  'audit.summary': ['摘要', 'Summary'],
  'audit.ip': ['IP 地址', 'IP address'],
  'audit.before': ['修改前', 'Before'],
  'audit.after': ['修改后', 'After'],
  'audit.hash': ['哈希', 'Hash'],
  'audit.dateRange': ['日期范围', 'Dates'],
  'audit.searchPlaceholder': ['摘要或操作人', 'Summary or actor'],
  'audit.entityId': ['对象编号', 'Entity id'],
  'audit.verify': ['校验哈希链', 'Verify hash chain'],
  'audit.verifyOk': ['哈希链完整：已校验 {n} 条记录，未发现篡改。', 'Hash chain intact: {n} events checked, no tampering found.'],
  'audit.verifyBroken': ['哈希链在第 {id} 号记录处断开，日志可能被篡改！（已校验 {n} 条）', 'The hash chain breaks at event #{id}; the log may have been tampered with! ({n} checked)'],
  'audit.entity.project': ['项目', 'Project'],
  'audit.entity.region': ['区域', 'Region'],
  'audit.entity.department': ['部门', 'Department'],
  'audit.entity.enterprise': ['企业', 'Enterprise'],
  'audit.entity.user': ['用户', 'User'],
  'audit.entity.import_mapping': ['导入映射', 'Import mapping'],
  'audit.system': ['系统', 'System'],
  'audit.noChanges': ['无数据', 'No data'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    audit: typeof auditMessages;
  }
}
