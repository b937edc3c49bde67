import type { TablePaginationConfig } from 'antd';
import type { useI18n } from '../i18n.tsx';

interface Paged {
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The pagination of every list page: driven by the page's filters, so changing page re-queries the server. */
export function listPagination<F extends Paged>(
  filters: F,
  total: number | undefined,
  setFilters: (update: (f: F) => F) => void,
  t: ReturnType<typeof useI18n>['t'],
): TablePaginationConfig {
  return {
    current: filters.page,
    pageSize: filters.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t('state.total', { total: n }),
    onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
  };
}
