import { Tabs } from "@mantine/core";
import {
  IconAlarm,
  IconBuildingBank,
  IconCalendarCog,
  IconFileTypeDocx,
  IconGauge,
  IconMail,
  IconShieldCheck,
  IconTargetArrow,
  IconUsers,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import type { Role } from "../../../contracts/common";
import { PageHeader } from "../components/PageHeader";
import { useCurrentUser } from "../features/auth/currentUser";
import { LimitsSection } from "../features/catalogue/LimitsSection";
import { OrganisationsSection } from "../features/catalogue/OrganisationsSection";
import { PipelineSettings } from "../features/deals/PipelineSettings";
import { MailSettingsSection } from "../features/documents/MailSettingsSection";
import { TemplatesSection } from "../features/documents/TemplatesSection";
import { ReliabilitySettingsSection } from "../features/reliability/ReliabilitySettings";
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
          {me.role === "admin" && (
            <>
              <Tabs.Tab value="mail" leftSection={<IconMail size={16} aria-hidden />}>
                {t("documents.mail.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="templates" leftSection={<IconFileTypeDocx size={16} aria-hidden />}>
                {t("documents.templates.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="organisations" leftSection={<IconBuildingBank size={16} aria-hidden />}>
                {t("catalogue.organisations.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="limits" leftSection={<IconGauge size={16} aria-hidden />}>
                {t("catalogue.limits.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="reliability" leftSection={<IconShieldCheck size={16} aria-hidden />}>
                {t("reliability.settings.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="pipelines" leftSection={<IconTargetArrow size={16} aria-hidden />}>
                {t("deals.settings.tab")}
              </Tabs.Tab>
            </>
          )}
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

/** Mail and document templates are the admin's: others are sent back to the settings index. */
export function SettingsMailPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <MailSettingsSection /> : <Navigate to="/settings" replace />;
}

export function SettingsTemplatesPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <TemplatesSection /> : <Navigate to="/settings" replace />;
}
/** Admin sections of the catalogue part: our organisations and authority limits. */
export function SettingsOrganisationsPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <OrganisationsSection /> : <Navigate to="/settings" replace />;
}

export function SettingsLimitsPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <LimitsSection /> : <Navigate to="/settings" replace />;
}

/** Registry connection and grade rule: the admin's. */
export function SettingsReliabilityPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <ReliabilitySettingsSection /> : <Navigate to="/settings" replace />;
}

/** Pipelines, stages, lost reasons and competitors: an admin's settings. */
export function SettingsPipelinesPage() {
  const me = useCurrentUser();
  return me.role === "admin" ? <PipelineSettings /> : <Navigate to="/settings" replace />;
}
