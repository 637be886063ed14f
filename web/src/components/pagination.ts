import type { TablePaginationConfig } from 'antd';
import type { I18n } from '../i18n/I18nProvider';

/**
 * The pagination every server-paged table uses: total shown as "共 N 条", size changer, and
 * back to page 1 when the page size changes. Without `onChange` the table's own onChange
 * handles paging (tables that also sort on the server).
 */
export function serverPagination(
  t: I18n['t'],
  p: { page: number; pageSize: number; total: number; pageSizeOptions?: number[]; onChange?: (page: number, pageSize: number) => void },
): TablePaginationConfig {
  return {
    current: p.page,
    pageSize: p.pageSize,
    total: p.total,
    showSizeChanger: true,
    pageSizeOptions: p.pageSizeOptions,
    showTotal: (n) => t('common.total', { n }),
    onChange: p.onChange && ((page, size) => p.onChange!(size !== p.pageSize ? 1 : page, size)),
  };
}
