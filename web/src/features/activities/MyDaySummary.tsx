import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/SectionCard";
import { ActivityItem } from "./ActivityItem";
import { useMyDay } from "./hooks";

/** The home page's glance at the day: counts and the first few items, overdue first. */
export function MyDaySummary() {
  const { t } = useTranslation();
  const day = useMyDay();
  if (!day.data) return null;
  const { today, overdue } = day.data;
  const first = [...overdue, ...today.filter((a) => !a.doneAt)].slice(0, 5);
  return (
    <SectionCard
      title={t("activities.tabs.myDay")}
      description={t("activities.myDay.summary", { today: today.length, overdue: overdue.length })}
      actions={
        <Anchor component={Link} to="/activities" size="sm">
          {t("activities.myDay.open")}
        </Anchor>
      }
    >
      {first.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("activities.myDay.emptyToday")}
        </Text>
      ) : (
        <Stack gap="xs">
          {first.map((a) => (
            <ActivityItem key={a.id} activity={a} />
          ))}
        </Stack>
      )}
      <Group />
    </SectionCard>
  );
}
