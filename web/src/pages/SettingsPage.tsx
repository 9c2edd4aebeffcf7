import { Tabs } from "@mantine/core";
import { IconAlarm, IconCalendarCog, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import type { Role } from "../../../contracts/common";
import { PageHeader } from "../components/PageHeader";
import { useCurrentUser } from "../features/auth/currentUser";
import { UsersSection } from "../features/users/UsersSection";

/** Who sees the Users section: admins manage it, heads view their team. */
const USERS_VIEWERS: readonly Role[] = ["admin", "head"];

/**
 * Settings sections. The production calendar and the contact targets are readable by everyone
 * (they explain schedules and "Needs attention"); only an admin changes them.
 */
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
      <Tabs value={section} onChange={(value) => value && navigate(`/settings/${value}`)} mb="lg">
        <Tabs.List aria-label={t("settings.sectionsLabel")}>
          {canSeeUsers && (
            <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden />}>
              {t("settings.tabs.users")}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="calendar" leftSection={<IconCalendarCog size={16} aria-hidden />}>
            {t("cadences.settings.calendarTab")}
          </Tabs.Tab>
          <Tabs.Tab value="contact-targets" leftSection={<IconAlarm size={16} aria-hidden />}>
            {t("cadences.settings.targetsTab")}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}

/** /settings opens the first section the user may see. */
export function SettingsIndex() {
  const me = useCurrentUser();
  return <Navigate to={USERS_VIEWERS.includes(me.role) ? "/settings/users" : "/settings/calendar"} replace />;
}

export function SettingsUsersPage() {
  const me = useCurrentUser();
  return USERS_VIEWERS.includes(me.role) ? <UsersSection /> : <Navigate to="/settings" replace />;
}
