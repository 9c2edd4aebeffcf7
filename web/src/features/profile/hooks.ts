import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from "../../../../contracts/api-tokens";
import type { PasswordChange, ProfileUpdate, User } from "../../../../contracts/auth";
import { api } from "../../lib/api";
import { meKey } from "../auth/hooks";

export type ApiTokenItem = z.infer<typeof ApiToken>;
export type ApiTokenNew = z.input<typeof ApiTokenCreate>;
export type ApiTokenWithSecret = z.infer<typeof ApiTokenCreated>;

export const apiTokensKey = ["api-tokens"] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdate) => api.patch<User>("/auth/me", body),
    onSuccess: (user) => queryClient.setQueryData(meKey, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => api.post<{ ok: true }>("/auth/password", body),
  });
}

/** A person has a handful of tokens, so one page of the maximum size is the whole list. */
export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensKey,
    queryFn: () =>
      api.get<{ items: ApiTokenItem[]; nextCursor: string | null }>("/api-tokens", { limit: 200 }),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenNew) => api.post<ApiTokenWithSecret>("/api-tokens", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
