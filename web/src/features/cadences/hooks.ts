import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttentionItem, CompanyContactTarget, ContactTargets } from "../../../../contracts/attention";
import type {
  Cadence,
  CadenceCreate,
  CadenceEnrolJob,
  CadenceEnrolment,
  CadenceEnrolResult,
  CadenceStats,
  CadenceUpdate,
} from "../../../../contracts/cadences";
import type { ProductionCalendarYear, ProductionDayUpdate } from "../../../../contracts/calendar";
import { api, type Page, type Query } from "../../lib/api";

const cadencesKey = ["cadences"] as const;
const enrolmentsKey = ["cadence-enrolments"] as const;
const attentionKey = ["attention"] as const;

export function useCadences(query: Query = {}) {
  return useQuery({
    queryKey: [...cadencesKey, "list", query],
    queryFn: ({ signal }) => api.get<Page<Cadence>>("/cadences", { limit: 200, ...query }, signal),
  });
}

export function useCadence(id: string | undefined) {
  return useQuery({
    queryKey: [...cadencesKey, "one", id],
    queryFn: ({ signal }) => api.get<Cadence>(`/cadences/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCadenceStats(id: string) {
  return useQuery({
    queryKey: [...cadencesKey, "stats", id],
    queryFn: ({ signal }) => api.get<CadenceStats>(`/cadences/${id}/stats`, undefined, signal),
  });
}

export function useSaveCadence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: CadenceCreate | CadenceUpdate }) =>
      v.id ? api.patch<Cadence>(`/cadences/${v.id}`, v.body) : api.post<Cadence>("/cadences", v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: cadencesKey }),
  });
}

export function useDeleteCadence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Cadence>(`/cadences/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: cadencesKey }),
  });
}

export function useEnrolments(scope: { cadenceId?: string; companyId?: string }) {
  return useInfiniteQuery({
    queryKey: [...enrolmentsKey, scope],
    queryFn: ({ pageParam, signal }) =>
      scope.cadenceId
        ? api.get<Page<CadenceEnrolment>>(
            `/cadences/${scope.cadenceId}/enrolments`,
            { limit: 50, cursor: pageParam },
            signal,
          )
        : api.get<Page<CadenceEnrolment>>(
            "/cadence-enrolments",
            { companyId: scope.companyId, limit: 50, cursor: pageParam },
            signal,
          ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEnrol() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { cadenceId: string; body: Record<string, unknown> }) =>
      api.post<CadenceEnrolResult>(`/cadences/${v.cadenceId}/enrol`, v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: enrolmentsKey });
      void qc.invalidateQueries({ queryKey: cadencesKey });
    },
  });
}

export function useEnrolJob(id: string | null) {
  return useQuery({
    queryKey: ["cadence-enrol-job", id],
    queryFn: ({ signal }) => api.get<CadenceEnrolJob>(`/cadence-enrol-jobs/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ["done", "failed"].includes(q.state.data.state) ? false : 1000),
  });
}

export function useStopEnrolment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CadenceEnrolment>(`/cadence-enrolments/${id}/stop`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: enrolmentsKey });
      void qc.invalidateQueries({ queryKey: cadencesKey });
    },
  });
}

export function useAttention(ownerId: string) {
  return useInfiniteQuery({
    queryKey: [...attentionKey, ownerId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AttentionItem>>(
        "/attention",
        { ownerId: ownerId || undefined, limit: 100, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCompanyTarget(companyId: string) {
  return useQuery({
    queryKey: [...attentionKey, "company", companyId],
    queryFn: ({ signal }) =>
      api.get<CompanyContactTarget>(`/companies/${companyId}/contact-target`, undefined, signal),
  });
}

export function useSaveCompanyTarget(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (days: number | null) =>
      api.put<CompanyContactTarget>(`/companies/${companyId}/contact-target`, { days }),
    onSuccess: () => qc.invalidateQueries({ queryKey: attentionKey }),
  });
}

export function useTargets() {
  return useQuery({
    queryKey: [...attentionKey, "targets"],
    queryFn: ({ signal }) => api.get<ContactTargets>("/attention/targets", undefined, signal),
  });
}

export function useSaveTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactTargets) => api.put<ContactTargets>("/attention/targets", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: attentionKey }),
  });
}

export function useProductionYear(year: number) {
  return useQuery({
    queryKey: ["production-calendar", year],
    queryFn: ({ signal }) => api.get<ProductionCalendarYear>("/calendar/production", { year }, signal),
  });
}

export function useSetProductionDay(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { date: string; body: ProductionDayUpdate }) =>
      api.put<ProductionCalendarYear>(`/calendar/production/${v.date}`, v.body),
    onSuccess: (data) => qc.setQueryData(["production-calendar", year], data),
  });
}
