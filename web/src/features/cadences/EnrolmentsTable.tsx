import { Anchor, Badge, Button, Center, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CadenceEnrolment } from "../../../../contracts/cadences";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { useEnrolments, useStopEnrolment } from "./hooks";

const STATUS_COLORS = { active: "blue", completed: "teal", stopped: "gray" } as const;

/** Enrolments of a scheme (names the client) or of a company (names the scheme), with a stop button. */
export function EnrolmentsTable({
  scope,
  empty,
}: {
  scope: { cadenceId?: string; companyId?: string };
  empty: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const timeZone = useCurrentUser().timeZone;
  const list = useEnrolments(scope);
  const stop = useStopEnrolment();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!list.isPending && items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );

  const onStop = (e: CadenceEnrolment) =>
    stop.mutate(e.id, {
      onSuccess: () => notifications.show({ message: t("cadences.enrolments.stopped") }),
      onError: (error) =>
        notifications.show({
          color: "red",
          message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
        }),
    });

  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {scope.cadenceId ? t("cadences.enrolments.client") : t("cadences.columns.name")}
            </Table.Th>
            <Table.Th>{t("cadences.enrolments.status")}</Table.Th>
            <Table.Th>{t("cadences.enrolments.progress")}</Table.Th>
            <Table.Th>{t("cadences.enrolments.task")}</Table.Th>
            <Table.Th>{t("cadences.enrolments.next")}</Table.Th>
            <Table.Th>{t("cadences.enrolments.started")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                {scope.cadenceId ? (
                  <Anchor component={Link} to={`/clients/${e.companyId}`}>
                    {e.companyName}
                    {e.contactName ? ` — ${e.contactName}` : ""}
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={`/cadences/${e.cadenceId}`}>
                    {e.cadenceName}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[e.status]}>
                  {t(`cadences.enrolmentStatus.${e.status}`)}
                  {e.stopReason ? `: ${t(`cadences.stopReason.${e.stopReason}`)}` : ""}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t("cadences.enrolments.progressValue", { done: e.stepsDone, total: e.stepsTotal })}
              </Table.Td>
              <Table.Td>
                {e.currentTask ? (
                  <>
                    <Text size="sm">
                      {t(`cadences.stepType.${e.currentTask.type as "call"}`)}: {e.currentTask.subject}
                    </Text>
                    {e.currentTask.dueAt && (
                      <Text size="xs" c="dimmed">
                        {t("cadences.enrolments.due", {
                          date: formatDateTime(e.currentTask.dueAt, locale, timeZone),
                        })}
                      </Text>
                    )}
                  </>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>{e.nextDueOn ?? "—"}</Table.Td>
              <Table.Td>{e.startedOn}</Table.Td>
              <Table.Td>
                {e.status === "active" && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => onStop(e)}
                    loading={stop.isPending && stop.variables === e.id}
                  >
                    {t("cadences.enrolments.stop")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Center py="sm">
          <Button
            variant="default"
            size="xs"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </Center>
      )}
    </>
  );
}
