import { useEffect, useMemo, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useEnterprises } from '../hooks/useLookups';
import { useI18n } from '../../../i18n';

interface Props extends Omit<SelectProps<number>, 'options' | 'showSearch'> {
  /** Labels already known for the current value (e.g. ownerName of a project), shown before any search. */
  known?: { id: number; name: string }[];
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Searches enterprises on the server by name or credit code. */
export function EnterpriseSelect({ known, ...props }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useEnterprises({ q: q || undefined, pageSize: 20 });

  const options = useMemo(() => {
    const map = new Map<number, string>();
    for (const k of known ?? []) map.set(k.id, k.name);
    for (const e of data?.items ?? []) map.set(e.id, e.creditCode ? `${e.name}（${e.creditCode}）` : e.name);
    return [...map.entries()].map(([value, label]) => ({ value, label }));
  }, [data, known]);

  return (
    <Select<number>
      allowClear
      placeholder={t('projectForm.searchEnterprise')}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      {...props}
      options={options}
    />
  );
}
