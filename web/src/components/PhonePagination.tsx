import { Flex, Pagination } from 'antd';

/** The pager under a server-paged list of cards on a phone: shown only when there is more than one page. */
export function PhonePagination({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  if (total <= pageSize) return null;
  return (
    <Flex justify="center" style={{ marginTop: 8 }}>
      <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onChange} />
    </Flex>
  );
}
