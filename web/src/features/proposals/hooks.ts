import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Approval } from "../../../../contracts/approvals";
import type {
  ProductOption,
  Proposal,
  ProposalComparison,
  ProposalCreate,
  ProposalLineInput,
  ProposalQuote,
  ProposalSummary,
  ProposalUpdate,
} from "../../../../contracts/proposals";
import { api, type Page, type Query } from "../../lib/api";

export const proposalsKey = ["proposals"] as const;
const approvalsKey = ["approvals"] as const;
const one = (id: string, rest = "") => `/proposals/${encodeURIComponent(id)}${rest}`;

export function useProposals(query: Query) {
  return useInfiniteQuery({
    queryKey: [...proposalsKey, "list", query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ProposalSummary>>("/proposals", { ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...proposalsKey, "one", id],
    queryFn: ({ signal }) => api.get<Proposal>(one(id), undefined, signal),
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: [...proposalsKey, "revisions", id],
    queryFn: ({ signal }) => api.get<Page<ProposalSummary>>(one(id, "/revisions"), undefined, signal),
  });
}

export function useCompare(id: string, withId: string) {
  return useQuery({
    queryKey: [...proposalsKey, "compare", id, withId],
    queryFn: ({ signal }) => api.get<ProposalComparison>(one(id, "/compare"), { with: withId }, signal),
  });
}

/** Prices and totals of the lines being edited, from the same pricing the server saves with. */
export function useQuote(companyId: string | null, lines: ProposalLineInput[]) {
  return useQuery({
    queryKey: [...proposalsKey, "quote", companyId, lines],
    queryFn: () => api.post<ProposalQuote>("/proposals/quote", { companyId, lines }),
    enabled: companyId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useProductOptions(q: string, companyId: string | null) {
  return useQuery({
    queryKey: [...proposalsKey, "products", q, companyId],
    queryFn: ({ signal }) =>
      api.get<{ items: ProductOption[] }>("/proposals/product-options", { q, companyId, limit: 20 }, signal),
    enabled: companyId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDefaults(companyId: string | null) {
  return useQuery({
    queryKey: [...proposalsKey, "defaults", companyId],
    queryFn: () =>
      api.get<{ paymentTerms: string | null; deliveryTerms: string | null; signatory: string | null }>(
        "/proposals/defaults",
        { companyId },
      ),
    enabled: companyId !== null,
  });
}

export function useSaveProposal(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalCreate | ProposalUpdate) =>
      id ? api.patch<Proposal>(one(id), body) : api.post<Proposal>("/proposals", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: proposalsKey }),
  });
}

export type ProposalAction = "submit" | "mark-sent" | "accept" | "reject" | "revise";

export function useProposalAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: string; action: ProposalAction; version?: number }) =>
      api.post<Proposal>(one(id, `/${action}`), action === "revise" ? undefined : { version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: proposalsKey });
      void qc.invalidateQueries({ queryKey: approvalsKey });
    },
  });
}

export function useApprovals(box: "inbox" | "mine" | "all", status?: string) {
  return useQuery({
    queryKey: [...approvalsKey, box, status],
    queryFn: ({ signal }) => api.get<Page<Approval>>("/approvals", { box, status, limit: 100 }, signal),
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      comment,
    }: {
      id: string;
      decision: "approve" | "reject";
      comment: string;
    }) =>
      api.post<Approval>(`/approvals/${encodeURIComponent(id)}/${decision}`, {
        comment: comment || undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: approvalsKey });
      void qc.invalidateQueries({ queryKey: proposalsKey });
    },
  });
}
