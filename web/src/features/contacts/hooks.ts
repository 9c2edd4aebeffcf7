import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Contact, ContactCreate, ContactUpdate } from "../../../../contracts/contacts";
import { api } from "../../lib/api";

type Page = { items: Contact[]; nextCursor: string | null };

export const contactsKey = ["contacts"] as const;

export function useCompanyContacts(companyId: string) {
  return useInfiniteQuery({
    queryKey: [...contactsKey, "company", companyId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page>(
        `/companies/${encodeURIComponent(companyId)}/contacts`,
        { limit: 100, cursor: pageParam, sort: "lastName" },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A contact change shows in the company's history too. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactsKey }),
      queryClient.invalidateQueries({ queryKey: ["companies", "history"] }),
    ]);
}

export function useCreateContact() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ContactCreate) => api.post<Contact>("/contacts", body),
    onSuccess: refresh,
  });
}

export function useUpdateContact() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ContactUpdate }) =>
      api.patch<Contact>(`/contacts/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteContact() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete<Contact>(`/contacts/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}
