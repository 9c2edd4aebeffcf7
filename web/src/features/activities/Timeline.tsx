import { Button, Center, Chip, Group, Loader, Stack } from "@mantine/core";
import { IconTimeline } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityType } from "../../../../contracts/activities";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ActivityItem } from "./ActivityItem";
import { AddActivityButtons } from "./AddActivityButtons";
import { useActivities } from "./hooks";

export type TimelineProps = { companyId?: string; contactId?: string; dealId?: string };

const types: ActivityType[] = ["call", "meeting", "email", "note", "task"];

/**
 * Everything done and planned on a company, contact or deal, newest first, with type filters and
 * buttons to add a call, meeting, e-mail, note or task. Used on the company and deal cards.
 */
export function Timeline(target: TimelineProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<string>("");
  const list = useActivities({ ...target, type: type as ActivityType | "" });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <AddActivityButtons target={target} />
      <Chip.Group multiple={false} value={type} onChange={(value) => setType(value)}>
        <Group gap="xs" role="radiogroup" aria-label={t("activities.timeline.filter")}>
          <Chip value="" size="xs">
            {t("activities.timeline.all")}
          </Chip>
          {types.map((x) => (
            <Chip key={x} value={x} size="xs">
              {t(`activities.types.${x}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      {list.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconTimeline size={28} />}
          title={t("activities.timeline.title")}
          text={t("activities.timeline.empty")}
        />
      ) : (
        <Stack gap="xs" data-testid="timeline">
          {items.map((a) => (
            <ActivityItem key={a.id} activity={a} showCompany={!target.companyId} />
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
