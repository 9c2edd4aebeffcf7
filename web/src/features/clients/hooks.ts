import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { AuditEntry } from "../../../../contracts/audit";
import type {
  Company,
  CompanyCreate,
  CompanyUpdate,
  DuplicateCandidate,
  DuplicateCheck,
  MergeRequest,
  TransferRequest,
} from "../../../../contracts/companies";
import type { SavedView, SavedViewBody } from "../../../../contracts/views";
import { api, type Page, type Query } from "../../lib/api";

export const companiesKey = ["companies"] as const;
const viewsKey = ["views", "companies"] as const;
/** A screenful and a half: enough to scroll, small enough to stay fast on a million rows. */
const PAGE_SIZE = 50;

const path = (id: string, rest = "") => `/companies/${encodeURIComponent(id)}${rest}`;

export function useCompanies(query: Query) {
  return useInfiniteQuery({
    queryKey: [...companiesKey, "list", query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Company>>("/companies", { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The table stays on screen while a new filter loads instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({
    queryKey: [...companiesKey, "one", id],
    queryFn: ({ signal }) => api.get<Company>(path(id), undefined, signal),
  });
}

export function fetchCompany(id: string) {
  return api.get<Company>(path(id));
}

export function useCompanyHistory(id: string) {
  return useInfiniteQuery({
    queryKey: [...companiesKey, "history", id],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(path(id, "/history"), { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCompanyDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...companiesKey, "duplicates", id],
    queryFn: ({ signal }) =>
      api.get<{ items: DuplicateCandidate[] }>(path(id, "/duplicates"), undefined, signal),
    enabled,
  });
}

export function checkDuplicates(body: DuplicateCheck) {
  return api.post<{ items: DuplicateCandidate[] }>("/companies/duplicates/check", body);
}

/** After any write the lists, the card and its history may all have changed. */
function useRefreshCompanies() {
  const queryClient = useQueryClient();
  return (company?: Company) => {
    if (company) queryClient.setQueryData([...companiesKey, "one", company.id], company);
    return queryClient.invalidateQueries({ queryKey: companiesKey });
  };
}

export function useCreateCompany() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: (body: CompanyCreate) => api.post<Company>("/companies", body),
    onSuccess: (company) => refresh(company),
  });
}

export function useUpdateCompany() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CompanyUpdate }) => api.patch<Company>(path(id), body),
    onSuccess: (company) => refresh(company),
  });
}

type ListData = { pages: Page<Company>[]; pageParams: unknown[] };

/**
 * A deleted (or restored) company leaves the lists it was in at once, before they are re-read,
 * so the list the user returns to never shows it for a moment.
 */
function useDropFromLists() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.setQueriesData<ListData>({ queryKey: [...companiesKey, "list"] }, (data) =>
      data
        ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })) }
        : data,
    );
}

export function useDeleteCompany() {
  const refresh = useRefreshCompanies();
  const drop = useDropFromLists();
  return useMutation({
    mutationFn: (id: string) => api.delete<Company>(path(id)),
    onSuccess: (company) => {
      drop(company.id);
      return refresh(company);
    },
  });
}

export function useRestoreCompany() {
  const refresh = useRefreshCompanies();
  const drop = useDropFromLists();
  return useMutation({
    mutationFn: (id: string) => api.post<Company>(path(id, "/restore")),
    onSuccess: (company) => {
      drop(company.id);
      return refresh(company);
    },
  });
}

export function useTransferCompanies() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: (body: TransferRequest) => api.post<{ transferred: number }>("/companies/transfer", body),
    onSuccess: () => refresh(),
  });
}

export function useMergeCompanies() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: (body: MergeRequest) => api.post<Company>("/companies/merge", body),
    onSuccess: (company) => refresh(company),
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>("/views", { entity: "companies" }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SavedViewBody, "entity">) =>
      api.post<SavedView>("/views", { ...body, entity: "companies" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/views/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}
