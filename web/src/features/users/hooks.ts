import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Role } from "../../../../contracts/common";
import type { User, UserCreate, UserUpdate } from "../../../../contracts/users";
import { api } from "../../lib/api";
import { meKey } from "../auth/hooks";

type UserPage = { items: User[]; nextCursor: string | null };
export type UserFilters = { q: string; role: Role | null };

export const usersKey = ["users"] as const;
const PAGE_SIZE = 50;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<UserPage>(
        "/users",
        { limit: PAGE_SIZE, cursor: pageParam, q: filters.q.trim(), role: filters.role },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keeps the table on screen while a new search runs, instead of flashing a loader per keystroke.
    placeholderData: keepPreviousData,
  });
}

/**
 * Everyone who can be someone's head: heads and admins. Fetched in full (they are few) so the
 * selector and the "Head" column can name a head who is not on the loaded page of the table.
 */
export function usePossibleHeads() {
  return useQuery({
    queryKey: [...usersKey, "heads"],
    queryFn: async () => {
      const [heads, admins] = await Promise.all([
        api.get<UserPage>("/users", { limit: 200, role: "head" }),
        api.get<UserPage>("/users", { limit: 200, role: "admin" }),
      ]);
      const byId = new Map([...heads.items, ...admins.items].map((user) => [user.id, user]));
      return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
    },
    staleTime: 60_000,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, "one", id],
    queryFn: () => api.get<User>(`/users/${encodeURIComponent(id ?? "")}`),
    enabled: id !== null,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>("/users", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) =>
      api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: (user) => {
      queryClient.setQueryData([...usersKey, "one", user.id], user);
      // An admin editing themselves changes the header's name and role too.
      queryClient.setQueryData(meKey, (me: User | null | undefined) => (me?.id === user.id ? user : me));
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}
