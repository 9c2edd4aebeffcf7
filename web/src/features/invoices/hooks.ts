import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  Invoice,
  InvoiceCreate,
  InvoiceStatus,
  Payment,
  PaymentCreate,
} from "../../../../contracts/invoices";
import { api, buildUrl } from "../../lib/api";

type InvoicePage = { items: Invoice[]; nextCursor: string | null };
type Status = (typeof InvoiceStatus.options)[number];

export const invoicesKey = ["invoices"] as const;
export const invoicePdfUrl = (id: string) => buildUrl(`/invoices/${id}/pdf`);

export function useInvoices(status: Status | null) {
  return useInfiniteQuery({
    queryKey: [...invoicesKey, "list", status],
    queryFn: ({ pageParam, signal }) =>
      api.get<InvoicePage>("/invoices", { limit: 50, cursor: pageParam, status }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: [...invoicesKey, "one", id],
    queryFn: () => api.get<Invoice>(`/invoices/${id}`),
  });
}

export function usePayments(id: string) {
  return useQuery({
    queryKey: [...invoicesKey, "payments", id],
    queryFn: () => api.get<{ items: Payment[] }>(`/invoices/${id}/payments`),
  });
}

export function useAddPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentCreate) =>
      api.post<{ invoice: Invoice; payment: Payment }>(`/invoices/${id}/payments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: invoicesKey }),
  });
}

export function useDeletePayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (paymentId: string) =>
      api.delete<{ invoice: Invoice; payment: Payment }>(`/invoices/${id}/payments/${paymentId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: invoicesKey }),
  });
}

/** «Выставить счёт» from an accepted proposal. */
export function useMakeInvoice(proposalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceCreate) => api.post<Invoice>(`/proposals/${proposalId}/invoice`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: invoicesKey }),
  });
}
