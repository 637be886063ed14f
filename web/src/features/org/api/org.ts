import type { Department, DepartmentInput, Enterprise, EnterpriseInput, Person, PersonAccountInput, PersonInput, PersonPatch, Region, RegionInput, User, UserCreate, UserPatch } from '@tiaodu/contracts';
import { api } from '../../../api/client';

export interface Leader {
  id: number;
  name: string;
  title: string | null;
}

export interface PeopleQuery {
  role?: 'leader' | 'contact';
  kind?: string;
  q?: string;
  departmentId?: number;
  hasAccount?: 'true' | 'false';
}

export interface Settings {
  mapTileUrl: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export const orgApi = {
  settings: () => api<Settings>('/api/settings'),
  regions: () => api<Region[]>('/api/regions'),
  createRegion: (input: RegionInput) => api<Region>('/api/regions', { method: 'POST', body: input }),
  updateRegion: (code: string, input: Partial<Omit<RegionInput, 'code'>>) => api<Region>(`/api/regions/${encodeURIComponent(code)}`, { method: 'PATCH', body: input }),
  deleteRegion: (code: string) => api<{ ok: boolean }>(`/api/regions/${encodeURIComponent(code)}`, { method: 'DELETE' }),

  departments: () => api<Department[]>('/api/departments'),
  createDepartment: (input: DepartmentInput) => api<Department>('/api/departments', { method: 'POST', body: input }),
  updateDepartment: (id: number, input: Partial<DepartmentInput>) => api<Department>(`/api/departments/${id}`, { method: 'PATCH', body: input }),
  deleteDepartment: (id: number) => api<{ ok: boolean }>(`/api/departments/${id}`, { method: 'DELETE' }),

  enterprises: (q: { q?: string; page?: number; pageSize?: number }) => api<Paged<Enterprise>>('/api/enterprises', { query: q }),
  createEnterprise: (input: EnterpriseInput) => api<Enterprise>('/api/enterprises', { method: 'POST', body: input }),
  updateEnterprise: (id: number, input: Partial<EnterpriseInput>) => api<Enterprise>(`/api/enterprises/${id}`, { method: 'PATCH', body: input }),

  leaders: () => api<Leader[]>('/api/leaders'),

  people: (q: PeopleQuery = {}) => api<Person[]>('/api/people', { query: { ...q } }),
  createPerson: (input: PersonInput) => api<Person>('/api/people', { method: 'POST', body: input }),
  updatePerson: (id: number, input: PersonPatch) => api<Person>(`/api/people/${id}`, { method: 'PATCH', body: input }),
  giveAccount: (id: number, input: PersonAccountInput) => api<Person>(`/api/people/${id}/account`, { method: 'POST', body: input }),

  users: (q: { q?: string; role?: string; page?: number; pageSize?: number }) => api<Paged<User>>('/api/users', { query: q }),
  createUser: (input: UserCreate) => api<User>('/api/users', { method: 'POST', body: input }),
  updateUser: (id: number, input: UserPatch) => api<User>(`/api/users/${id}`, { method: 'PATCH', body: input }),
};
