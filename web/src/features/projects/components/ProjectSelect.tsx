import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { projectKeys, projectsApi } from '../api/projects';

interface Props {
  value?: number;
  onChange: (id: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}

/** Picks one project of the user's scope by name or code (server-side search, 20 at a time). */
export function ProjectSelect({ value, onChange, placeholder, style, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = { q: search || undefined, page: 1, pageSize: 20 };
  const list = useQuery({ queryKey: ['projects', 'pick', q], queryFn: ({ signal }) => projectsApi.list(q, signal) });
  const items = list.data?.items ?? [];
  // a project chosen elsewhere (a link, the URL) that the current search does not list
  const picked = useQuery({ queryKey: projectKeys.detail(value ?? 0), queryFn: () => projectsApi.get(value!), enabled: !!value && !items.some((p) => p.id === value) });
  const all = picked.data && !items.some((p) => p.id === picked.data.id) ? [picked.data, ...items] : items;
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      placeholder={placeholder}
      style={style}
      loading={list.isFetching}
      options={all.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName ?? p.regionCode}）` }))}
      onChange={(v) => onChange(v ?? undefined)}
      notFoundContent={list.isFetching ? '…' : undefined}
      data-testid={testId}
    />
  );
}
