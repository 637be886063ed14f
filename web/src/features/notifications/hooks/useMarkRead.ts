import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi } from '../api/notifications';

/** Marks the given notices read (or all of the user's, without ids) and refreshes every list and the bell's count. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => notificationsApi.read(ids),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
