import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { LoginBody, SetupBody, SetupStatus, User } from "../../../../contracts/auth";
import { takeChoiceBeforeSignIn } from "../../i18n";
import { api, isApiError } from "../../lib/api";

export const meKey = ["auth", "me"] as const;
export const setupKey = ["setup"] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<User | null> {
  try {
    return await api.get<User>("/auth/me");
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

// Set by an explicit sign-out, cleared by the next sign-in. RequireAuth reads it to tell "you left"
// (plain /login) from "your session expired" (/login?next=… to come back to the same screen).
let signedOutOnPurpose = false;

export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<z.infer<typeof SetupStatus>>("/setup"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Puts the freshly signed-in user into the cache. A language picked on the sign-in page wins over the
 * profile's: it is the newer choice, so it is saved to the profile rather than silently undone.
 */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (user: User) => {
    signedOutOnPurpose = false;
    const choice = takeChoiceBeforeSignIn();
    if (choice && choice !== user.locale) {
      queryClient.setQueryData(meKey, { ...user, locale: choice });
      api
        .patch<User>("/auth/me", { locale: choice })
        .then((saved) => queryClient.setQueryData(meKey, saved))
        .catch(() => undefined);
    } else {
      queryClient.setQueryData(meKey, user);
    }
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<User>("/auth/login", body),
    onSuccess: signedIn,
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<User>("/setup", body),
    onSuccess: (user) => {
      queryClient.setQueryData(setupKey, { needsSetup: false });
      signedIn(user);
    },
    // 409: someone finished setup in another tab; the gate then sends this one to sign-in.
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: setupKey });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/auth/logout"),
    // Sign out locally even if the server call failed: the user asked to leave this device.
    onSettled: () => {
      signedOutOnPurpose = true;
      queryClient.setQueryData(meKey, null);
      // Nothing of the previous user may leak into the next session on this device.
      queryClient.removeQueries({
        predicate: ({ queryKey }) => queryKey[0] !== setupKey[0] && queryKey[0] !== meKey[0],
      });
    },
  });
}
