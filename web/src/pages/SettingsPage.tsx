import { Button, Tabs } from "@mantine/core";
import { IconLock, IconTargetArrow, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import type { Role } from "../../../contracts/common";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { useCurrentUser } from "../features/auth/currentUser";
import { PipelineSettings } from "../features/deals/PipelineSettings";
import { UsersSection } from "../features/users/UsersSection";

/** Who sees the Users section: admins manage it, heads view their team. */
const USERS_VIEWERS: readonly Role[] = ["admin", "head"];

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const section = pathname.split("/")[2] ?? null;
  const canSeeUsers = USERS_VIEWERS.includes(me.role);

  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.subtitle")} />
      {canSeeUsers ? (
        <>
          <Tabs value={section} onChange={(value) => value && navigate(`/settings/${value}`)} mb="lg">
            <Tabs.List aria-label={t("settings.sectionsLabel")}>
              <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden />}>
                {t("settings.tabs.users")}
              </Tabs.Tab>
              {me.role === "admin" && (
                <Tabs.Tab value="pipelines" leftSection={<IconTargetArrow size={16} aria-hidden />}>
                  {t("deals.settings.tab")}
                </Tabs.Tab>
              )}
            </Tabs.List>
          </Tabs>
          <Outlet />
        </>
      ) : (
        <EmptyState
          icon={<IconLock size={28} />}
          title={t("settings.noAccess.title")}
          text={t("settings.noAccess.text")}
          action={
            <Button component={Link} to="/profile" variant="light">
              {t("sections.home.openProfile")}
            </Button>
          }
        />
      )}
    </>
  );
}

/** /settings opens the first section the user may see. */
export function SettingsIndex() {
  const me = useCurrentUser();
  return USERS_VIEWERS.includes(me.role) ? <Navigate to="/settings/users" replace /> : null;
}

export function SettingsUsersPage() {
  const me = useCurrentUser();
  return USERS_VIEWERS.includes(me.role) ? <UsersSection /> : <Navigate to="/settings" replace />;
}

/** Pipelines, stages, lost reasons and competitors: an admin's settings. */
export function SettingsPipelinesPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <PipelineSettings /> : <Navigate to="/settings" replace />;
}
