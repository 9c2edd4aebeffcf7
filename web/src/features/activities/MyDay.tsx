import { Center, Grid, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../../../contracts/activities";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { ActivityItem } from "./ActivityItem";
import { AddActivityButtons } from "./AddActivityButtons";
import { useMyDay } from "./hooks";
import { formatDay } from "./time";

function Column({
  title,
  items,
  empty,
  testId,
}: {
  title: string;
  items: Activity[];
  empty: string;
  testId: string;
}) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} fz="sm" fw={600}>
        {title} · {items.length}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        items.map((a) => <ActivityItem key={a.id} activity={a} />)
      )}
    </Stack>
  );
}

/** Today's tasks and meetings in the user's time zone, and what is overdue (in red). */
export function MyDay() {
  const { t } = useTranslation();
  const day = useMyDay();
  const locale = currentLocale();
  if (day.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  if (day.error) return <ErrorAlert error={day.error} onRetry={() => day.refetch()} />;
  const d = day.data;
  return (
    <SectionCard
      title={t("activities.myDay.title", {
        date: formatDay(d.date, locale, { weekday: "long", day: "numeric", month: "long" }),
      })}
      description={t("activities.myDay.keyboard")}
    >
      <Stack gap="md">
        <AddActivityButtons target={{}} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Column
              title={t("activities.myDay.today")}
              items={d.today}
              empty={t("activities.myDay.emptyToday")}
              testId="my-day-today"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Column
              title={t("activities.myDay.overdue")}
              items={d.overdue}
              empty={t("activities.myDay.emptyOverdue")}
              testId="my-day-overdue"
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </SectionCard>
  );
}
