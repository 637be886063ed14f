import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { projectsApi } from '../api/projects';

/** The middle of the projects the user can see: where a new project is most likely to be. */
export function useProjectCentroid() {
  const { data } = useQuery({ queryKey: ['projects', 'centroid'], queryFn: () => projectsApi.list({ pageSize: 200, sort: '-updatedAt' }), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const pts = (data?.items ?? []).filter((p) => p.lng != null && p.lat != null);
    if (!pts.length) return null;
    const lng = pts.reduce((s, p) => s + (p.lng ?? 0), 0) / pts.length;
    const lat = pts.reduce((s, p) => s + (p.lat ?? 0), 0) / pts.length;
    return { lng, lat };
  }, [data]);
}
