import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TaskUnitRef } from '@tiaodu/contracts';
import { orgApi } from '../../org/api/org';
import { useTaskUnits } from '../hooks/useTasks';

/** Picks a person (领导与人员) by name, as the ledger's leader pickers do; leaders first when `leaders`. */
export function PersonSelect({ value, onChange, leaders, testId, placeholder }: { value?: number | null; onChange?: (v: number | null) => void; leaders?: boolean; testId?: string; placeholder?: string }) {
  const [q, setQ] = useState('');
  const people = useQuery({ queryKey: ['tasks', 'people', leaders ? 'leader' : 'all', q], queryFn: () => orgApi.people({ role: leaders ? 'leader' : undefined, q: q || undefined }), staleTime: 30_000 });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={people.isFetching}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
      onChange={(v) => onChange?.(v ?? null)}
      data-testid={testId}
    />
  );
}

const refKey = (u: { unitType: string; unitId: string }) => `${u.unitType}:${u.unitId}`;
const fromKey = (k: string): TaskUnitRef => {
  const [unitType, unitId] = k.split(':') as ['region' | 'department', string];
  return { unitType, unitId };
};

/** Picks one unit (a region or a department) from GET /api/indicators/units. */
export function UnitSelect({ value, onChange, testId, placeholder }: { value?: TaskUnitRef | null; onChange?: (v: TaskUnitRef | null) => void; testId?: string; placeholder?: string }) {
  const units = useTaskUnits();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={units.isLoading}
      value={value ? refKey(value) : undefined}
      placeholder={placeholder}
      options={units.data.map((u) => ({ value: refKey(u), label: u.parentName ? `${u.unitName}（${u.parentName}）` : u.unitName }))}
      onChange={(v) => onChange?.(v ? fromKey(v) : null)}
      data-testid={testId}
    />
  );
}

/** Picks several units. */
export function UnitsSelect({ value, onChange, testId }: { value?: TaskUnitRef[]; onChange?: (v: TaskUnitRef[]) => void; testId?: string }) {
  const units = useTaskUnits();
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={units.isLoading}
      value={(value ?? []).map(refKey)}
      options={units.data.map((u) => ({ value: refKey(u), label: u.unitName }))}
      onChange={(v) => onChange?.(v.map(fromKey))}
      data-testid={testId}
    />
  );
}
