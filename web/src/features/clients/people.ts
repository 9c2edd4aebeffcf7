import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Role } from "../../../../contracts/common";
import type { User } from "../../../../contracts/users";
import { api } from "../../lib/api";

type UserPage = { items: User[]; nextCursor: string | null };

/** A workspace has tens or hundreds of people, not millions: a few pages cover it. */
const MAX_PAGES = 10;

async function fetchPeople(signal: AbortSignal): Promise<User[]> {
  const all: User[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.get<UserPage>("/users", { limit: 200, cursor }, signal);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all.sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));
}

/**
 * The people the signed-in user may see (an admin everyone, a head their team, a manager
 * themselves), fetched once and shared: owner columns, owner filters and the history's "who"
 * all resolve names from this one list instead of asking per row.
 */
export function usePeople() {
  const query = useQuery({
    queryKey: ["users", "directory"],
    queryFn: ({ signal }) => fetchPeople(signal),
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((u) => [u.id, u])), [query.data]);
  return { people: query.data ?? [], byId, isPending: query.isPending };
}

/** Who may hand clients over to someone else (the permission table: admin all, head team). */
export function mayTransfer(role: Role): boolean {
  return role === "admin" || role === "head";
}

/** Who sees deleted companies and brings them back. */
export function mayRestore(role: Role): boolean {
  return role === "admin";
}
