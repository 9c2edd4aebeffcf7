import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { IconArrowRight, IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../contracts/audit";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { formatDateTime, shortName } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { actionLabel, changesOf, entityLabel, type Resolve } from "./historyFormat";
import { useCompanyHistory } from "./hooks";
import { usePeople } from "./people";

const ACTION_COLORS: Record<string, string> = {
  create: "teal",
  update: "blue",
  delete: "red",
  restore: "grape",
  merge: "orange",
  move: "orange",
  transfer: "cyan",
};

/** Every change of the card and its contacts: who, when, what, from → to. */
export function HistoryTab({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const history = useCompanyHistory(companyId);
  // Names come from the one shared people list, not from a request per row.
  const { byId } = usePeople();
  const locale = currentLocale();
  const userName = (id: string | null) =>
    id === null
      ? t("company.history.system")
      : (byId.get(id)?.fullName ?? (id === me.id ? me.fullName : t("company.history.unknownUser")));
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  // Companies merged into this one are named in the merge entries; their contacts' moves refer to them.
  const merged = new Map(
    entries.flatMap((e) => {
      const to = e.changes?.mergedFrom?.to;
      return Array.isArray(to) ? to.map((c: { id: string; name: string }) => [c.id, c.name] as const) : [];
    }),
  );
  const resolve: Resolve = {
    userName: (id) => userName(id),
    companyName: (id) =>
      id === companyId ? companyName : (merged.get(id) ?? t("company.history.otherCompany")),
    locale,
    timeZone: me.timeZone,
  };

  if (history.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!entries.length)
    return (
      <EmptyState
        icon={<IconHistory size={28} />}
        title={t("company.history.empty")}
        text={t("company.history.emptyText")}
      />
    );

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="sm" aria-label={t("company.history.tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t("company.history.when")}</Table.Th>
                <Table.Th w={180}>{t("company.history.who")}</Table.Th>
                <Table.Th w={220}>{t("company.history.what")}</Table.Th>
                <Table.Th>{t("company.history.changes")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <HistoryRow
                  key={entry.id}
                  entry={entry}
                  resolve={resolve}
                  who={shortName(userName(entry.userId))}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {history.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

function HistoryRow({ entry, resolve, who }: { entry: AuditEntry; resolve: Resolve; who: string }) {
  const changes = changesOf(entry, resolve);
  return (
    <Table.Tr style={{ verticalAlign: "top" }}>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(entry.at, resolve.locale, resolve.timeZone)}
      </Table.Td>
      <Table.Td>{who}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" variant="light" tt="none" color={ACTION_COLORS[entry.action] ?? "gray"}>
            {actionLabel(entry.action)}
          </Badge>
          {entry.entity !== "company" && (
            <Text size="xs" c="dimmed">
              {entityLabel(entry.entity)}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {changes.map((change) => (
            <Text key={change.field} size="sm" component="div">
              <Text span c="dimmed" size="sm">
                {change.label}:{" "}
              </Text>
              {entry.action !== "create" && (
                <>
                  <Text span size="sm" td="line-through" c="dimmed">
                    {change.from}
                  </Text>
                  <IconArrowRight
                    size={12}
                    aria-label="→"
                    style={{ margin: "0 6px", verticalAlign: "middle" }}
                  />
                </>
              )}
              <Text span size="sm" fw={500}>
                {change.to}
              </Text>
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
