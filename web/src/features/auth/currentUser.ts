import { createContext, useContext } from "react";
import type { User } from "../../../../contracts/auth";

/**
 * The signed-in user, provided by RequireAuth. A context rather than each component reading the
 * query: when the session ends, RequireAuth re-renders first and unmounts the screens, instead of
 * every screen seeing "no user" on its own and failing mid-render.
 */
export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser() used outside RequireAuth");
  return user;
}
