import { Alert, Box, Group, NativeSelect, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { useCurrentUser } from "../auth/currentUser";
import { type DayState, dayState, toggled } from "./helpers";
import { useProductionYear, useSetProductionDay } from "./hooks";

const pad = (n: number) => String(n).padStart(2, "0");
const weekdayOf = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m, d)).getUTCDay() + 6) % 7; // Mon = 0

const COLORS: Record<DayState, string | undefined> = {
  working: undefined,
  off: "var(--mantine-color-gray-light)",
  holiday: "var(--mantine-color-red-light)",
  workday: "var(--mantine-color-blue-light)",
  short: "var(--mantine-color-yellow-light)",
};

/** The admin's year grid of the production calendar: twelve months, a click toggles a day. */
export function ProductionCalendarSettings() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const data = useProductionYear(year);
  const set = useSetProductionDay(year);
  const mayEdit = me.role === "admin";
  const kinds = new Map((data.data?.days ?? []).map((d) => [d.day, d.kind]));
  const monthName = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    month: "long",
    timeZone: "UTC",
  });
  const weekdayName = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    weekday: "short",
    timeZone: "UTC",
  });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    weekdayName.format(new Date(Date.UTC(2024, 0, 1 + i))),
  );

  const toggle = (date: string, weekend: boolean) =>
    set.mutate(
      { date, body: { kind: toggled(weekend, kinds.get(date)) } },
      { onSuccess: () => notifications.show({ color: "green", message: t("cadences.settings.saved") }) },
    );

  return (
    <SectionCard
      title={t("cadences.settings.calendarTitle", { year })}
      description={mayEdit ? t("cadences.settings.hint") : t("cadences.settings.onlyAdmin")}
      actions={
        <NativeSelect
          label={t("cadences.settings.year")}
          value={String(year)}
          data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={data.error ?? set.error} />
        {data.data && (
          <Group gap="lg">
            <Text size="sm">{t("cadences.settings.source", { source: data.data.source })}</Text>
            <Text size="sm" fw={600} data-testid="working-days">
              {t("cadences.settings.workingDays", { n: data.data.workingDays })}
            </Text>
          </Group>
        )}
        {data.data?.provisional && <Alert color="yellow">{t("cadences.settings.provisional")}</Alert>}
        <Group gap="md">
          {(Object.keys(COLORS) as DayState[]).map((s) => (
            <Group key={s} gap={4}>
              <Box
                w={14}
                h={14}
                style={{
                  background: COLORS[s] ?? "transparent",
                  border: "1px solid var(--mantine-color-default-border)",
                }}
              />
              <Text size="xs">{t(`cadences.settings.legend.${s}`)}</Text>
            </Group>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md">
          {Array.from({ length: 12 }, (_, m) => {
            const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
            const lead = weekdayOf(year, m, 1);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed; the index is the month.
              <Box key={m} role="group" aria-label={monthName.format(new Date(Date.UTC(year, m, 1)))}>
                <Text fw={600} size="sm" tt="capitalize" mb={4}>
                  {monthName.format(new Date(Date.UTC(year, m, 1)))}
                </Text>
                <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
                  {weekdays.map((w) => (
                    <Text key={w} size="xs" c="dimmed" ta="center">
                      {w}
                    </Text>
                  ))}
                  {Array.from({ length: lead }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity.
                    <span key={`lead-${i}`} />
                  ))}
                  {Array.from({ length: days }, (_, i) => {
                    const date = `${year}-${pad(m + 1)}-${pad(i + 1)}`;
                    const weekend = weekdayOf(year, m, i + 1) >= 5;
                    const state = dayState(weekend, kinds.get(date));
                    return (
                      <UnstyledButton
                        key={date}
                        disabled={!mayEdit || set.isPending}
                        onClick={() => toggle(date, weekend)}
                        aria-label={t("cadences.settings.dayLabel", {
                          date,
                          state: t(`cadences.settings.legend.${state}`),
                        })}
                        data-date={date}
                        data-state={state}
                        style={{
                          background: COLORS[state],
                          borderRadius: 4,
                          textAlign: "center",
                          fontSize: 12,
                          padding: "2px 0",
                          fontWeight: state === "holiday" ? 700 : 400,
                        }}
                      >
                        {i + 1}
                      </UnstyledButton>
                    );
                  })}
                </SimpleGrid>
              </Box>
            );
          })}
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}
