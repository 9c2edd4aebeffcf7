import { Button, Center, Group, Loader, NativeSelect, Stack } from "@mantine/core";
import { IconList } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityType } from "../../../../contracts/activities";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ActivityItem } from "./ActivityItem";
import { type ActivityFilters, useActivities } from "./hooks";

const types: ActivityType[] = ["call", "meeting", "email", "note", "task"];

/** Every visible activity, newest first, filtered by type and status. */
export function ActivityList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ActivityFilters>({ type: "", status: "open" });
  const list = useActivities(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t("activities.list.typeFilter")}
          value={filters.type}
          onChange={(e) => setFilters({ ...filters, type: e.currentTarget.value as ActivityType | "" })}
          data={[
            { value: "", label: t("activities.timeline.all") },
            ...types.map((x) => ({ value: x, label: t(`activities.types.${x}`) })),
          ]}
        />
        <NativeSelect
          label={t("activities.fields.status")}
          value={filters.status}
          onChange={(e) =>
            setFilters({ ...filters, status: e.currentTarget.value as ActivityFilters["status"] })
          }
          data={(["", "open", "overdue", "done"] as const).map((s) => ({
            value: s,
            label: t(`activities.status.${s || "all"}`),
          }))}
        />
      </Group>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      {list.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconList size={28} />}
          title={t("activities.tabs.list")}
          text={t("activities.list.empty")}
        />
      ) : (
        <Stack gap="xs">
          {items.map((a) => (
            <ActivityItem key={a.id} activity={a} />
          ))}
          {list.hasNextPage && (
            <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t("activities.list.more")}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
