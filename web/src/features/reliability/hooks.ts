import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Financials,
  FinancialYear,
  OverrideBody,
  PaymentHistoryList,
  RegistrySettings,
  RegistrySettingsPut,
  RegistryTestResult,
  Reliability,
  ReliabilitySettings,
} from "../../../../contracts/reliability";
import { api } from "../../lib/api";

const key = (companyId: string) => ["reliability", companyId] as const;
const enc = encodeURIComponent;

export function useReliability(companyId: string) {
  return useQuery({
    queryKey: [...key(companyId), "card"],
    queryFn: ({ signal }) => api.get<Reliability>(`/reliability/${enc(companyId)}`, undefined, signal),
  });
}

export function useFinancials(companyId: string) {
  return useQuery({
    queryKey: [...key(companyId), "financials"],
    queryFn: ({ signal }) =>
      api.get<Financials>(`/companies/${enc(companyId)}/financials`, undefined, signal),
  });
}

/** Every change here changes the grade: the whole company's reliability is refetched. */
function useInvalidate(companyId: string) {
  const qc = useQueryClient();
  // The card header and the lists show the grade too.
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: key(companyId) }),
      qc.invalidateQueries({ queryKey: ["companies"] }),
    ]);
}

export function useSaveYear(companyId: string) {
  const done = useInvalidate(companyId);
  return useMutation({
    mutationFn: (v: { year: number; lines: Record<string, string> }) =>
      api.put<FinancialYear>(`/companies/${enc(companyId)}/financials/${v.year}`, { lines: v.lines }),
    onSuccess: done,
  });
}

export function useDeleteYear(companyId: string) {
  const done = useInvalidate(companyId);
  return useMutation({
    mutationFn: (year: number) => api.delete(`/companies/${enc(companyId)}/financials/${year}`),
    onSuccess: done,
  });
}

export function useRefreshRegistry(companyId: string) {
  const done = useInvalidate(companyId);
  return useMutation({
    mutationFn: () => api.post<Reliability>(`/reliability/${enc(companyId)}/refresh`, {}),
    onSuccess: done,
  });
}

export function useOverride(companyId: string) {
  const done = useInvalidate(companyId);
  return useMutation({
    mutationFn: (body: OverrideBody) =>
      api.post<Reliability>(`/reliability/${enc(companyId)}/override`, body),
    onSuccess: done,
  });
}

export function useImportHistory(companyId: string) {
  const done = useInvalidate(companyId);
  return useMutation({
    mutationFn: (csv: string) =>
      api.put<z.infer<typeof PaymentHistoryList>>(`/reliability/${enc(companyId)}/payment-history`, { csv }),
    onSuccess: done,
  });
}

export function useRegistrySettings() {
  return useQuery({
    queryKey: ["settings", "registry"],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof RegistrySettings>>("/settings/registry", undefined, signal),
  });
}

export function useSaveRegistrySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrySettingsPut) =>
      api.put<z.infer<typeof RegistrySettings>>("/settings/registry", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["settings", "registry"] }),
  });
}

export function useTestRegistry() {
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof RegistryTestResult>>("/settings/registry/test", {}),
  });
}

export function useReliabilitySettings() {
  return useQuery({
    queryKey: ["settings", "reliability"],
    queryFn: ({ signal }) => api.get<ReliabilitySettings>("/settings/reliability", undefined, signal),
  });
}

export function useSaveReliabilitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReliabilitySettings) => api.put<ReliabilitySettings>("/settings/reliability", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["settings", "reliability"] }),
  });
}
