import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  Competitor,
  Deal,
  DealBoard,
  DealCreate,
  DealLogEntry,
  DealMove,
  DealUpdate,
  Forecast,
  LostReason,
  Pipeline,
  Stage,
  StageChange,
} from "../../../../contracts/deals";
import { api, type Page, type Query } from "../../lib/api";

export const dealsKey = ["deals"] as const;

export function usePipelines() {
  return useQuery({
    queryKey: ["pipelines"],
    queryFn: ({ signal }) => api.get<{ items: Pipeline[] }>("/pipelines", undefined, signal),
    staleTime: 60_000,
  });
}

export function useLostReasons(all = false) {
  return useQuery({
    queryKey: ["lost-reasons", all],
    queryFn: ({ signal }) => api.get<{ items: LostReason[] }>("/lost-reasons", { all }, signal),
  });
}

export function useCompetitors() {
  return useQuery({
    queryKey: ["competitors"],
    queryFn: ({ signal }) => api.get<Page<Competitor>>("/competitors", { limit: 200 }, signal),
  });
}

export type BoardFilter = { pipelineId?: string; ownerId?: string; from?: string; to?: string };

export function useBoard(filter: BoardFilter) {
  return useQuery({
    queryKey: [...dealsKey, "board", filter],
    queryFn: ({ signal }) => api.get<DealBoard>("/deals/board", { ...filter, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The next cards of one board column. */
export function fetchColumnMore(filter: BoardFilter, stage: string, cursor: string) {
  return api.get<DealBoard>("/deals/board", { ...filter, limit: 20, stage, cursor });
}

export function useDealList(query: Query) {
  return useInfiniteQuery({
    queryKey: [...dealsKey, "list", query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Deal>>("/deals", { ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: [...dealsKey, "one", id],
    queryFn: ({ signal }) => api.get<Deal>(`/deals/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useDealLog(id: string) {
  return useQuery({
    queryKey: [...dealsKey, "log", id],
    queryFn: ({ signal }) =>
      api.get<{ items: DealLogEntry[] }>(`/deals/${encodeURIComponent(id)}/log`, undefined, signal),
  });
}

export function useDealStages(id: string) {
  return useQuery({
    queryKey: [...dealsKey, "stages", id],
    queryFn: ({ signal }) =>
      api.get<{ items: StageChange[] }>(`/deals/${encodeURIComponent(id)}/stages`, undefined, signal),
  });
}

export function useForecast(query: {
  from: string;
  to: string;
  ownerId?: string;
  pipelineId?: string;
  currency?: string;
}) {
  return useQuery({
    queryKey: [...dealsKey, "forecast", query],
    queryFn: ({ signal }) => api.get<Forecast>("/deals/forecast", query, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dealsKey }),
      queryClient.invalidateQueries({ queryKey: ["companies", "history"] }),
    ]);
}

export function useCreateDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DealCreate) => api.post<Deal>("/deals", body),
    onSuccess: refresh,
  });
}

export function useUpdateDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DealUpdate }) =>
      api.patch<Deal>(`/deals/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useMoveDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DealMove }) =>
      api.post<Deal>(`/deals/${encodeURIComponent(id)}/move`, body),
    onSettled: refresh,
  });
}

export function useReopenDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Deal>(`/deals/${encodeURIComponent(id)}/reopen`, { version }),
    onSuccess: refresh,
  });
}

export function useAddLog(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { on: string; text: string }) =>
      api.post<DealLogEntry>(`/deals/${encodeURIComponent(id)}/log`, body),
    onSuccess: refresh,
  });
}

export function useSavePipeline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { name?: string; stages?: Stage[]; version: number } }) =>
      api.patch<Pipeline>(`/pipelines/${encodeURIComponent(id)}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["pipelines"] }),
        queryClient.invalidateQueries({ queryKey: dealsKey }),
      ]),
  });
}

export function useSettingsMutation<B>(
  path: (body: B) => { method: "post" | "patch" | "delete"; url: string; body?: unknown },
  key: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: B) => {
      const call = path(input);
      if (call.method === "delete") return api.delete<unknown>(call.url);
      return call.method === "post"
        ? api.post<unknown>(call.url, call.body)
        : api.patch<unknown>(call.url, call.body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
  });
}
