import { Tabs } from "@mantine/core";
import { IconCalendarEvent, IconList, IconSun } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../components/PageHeader";
import { ActivityList } from "../features/activities/ActivityList";
import { CalendarView } from "../features/activities/CalendarView";
import { MyDay } from "../features/activities/MyDay";

const TABS = ["my-day", "list", "calendar"] as const;

export function ActivitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get("tab")) ?? "my-day";
  return (
    <>
      <PageHeader title={t("activities.title")} description={t("activities.subtitle")} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== "my-day" ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="my-day" leftSection={<IconSun size={16} aria-hidden />}>
            {t("activities.tabs.myDay")}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconList size={16} aria-hidden />}>
            {t("activities.tabs.list")}
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            {t("activities.tabs.calendar")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="my-day">
          <MyDay />
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <ActivityList />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarView />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
