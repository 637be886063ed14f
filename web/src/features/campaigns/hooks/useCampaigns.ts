import { useQuery } from '@tanstack/react-query';
import { campaignKeys, campaignsApi } from '../api/campaigns';

export function useCampaigns() {
  return useQuery({ queryKey: campaignKeys.list, queryFn: campaignsApi.list });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => campaignsApi.get(id), enabled: id > 0 });
}
