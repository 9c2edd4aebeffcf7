import { Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FullPageLoader } from "../../components/FullPageLoader";
import { CurrentUserContext } from "./currentUser";
import { useMe, useSetupStatus, wasSignedOutOnPurpose } from "./hooks";

function BootError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" p="md">
      <Stack w={480}>
        <ErrorAlert error={error} title={t("errors.bootTitle")} onRetry={retry} />
      </Stack>
    </Center>
  );
}

/** Sends a fresh installation to /setup and keeps everyone else away from it. */
export function SetupGate() {
  const { pathname } = useLocation();
  const setup = useSetupStatus();
  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <BootError error={setup.error} retry={() => void setup.refetch()} />;
  if (setup.data.needsSetup && pathname !== "/setup") return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && pathname === "/setup") return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Renders its routes only for a signed-in user; remembers where they were going. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <BootError error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const target =
      next === "/" || wasSignedOutOnPurpose() ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <CurrentUserContext.Provider value={me.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/** The sign-in page is pointless for someone already signed in. */
export function RedirectIfSignedIn() {
  const me = useMe();
  const next = safeNext(new URLSearchParams(useLocation().search).get("next"));
  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to={next} replace />;
  return <Outlet />;
}

/** Only same-site paths: `?next=https://evil.example` must not turn sign-in into an open redirect. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}
