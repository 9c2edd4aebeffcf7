import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconMoodSmile } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AttentionItem } from "../../../../contracts/attention";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { useCurrentUser } from "../auth/currentUser";
import { usePeople } from "../clients/people";
import { compareMoney, formatRubles } from "./helpers";
import { useAttention } from "./hooks";

type SortKey = "overdue" | "value" | "lastContact" | "name";
const SORTS: SortKey[] = ["overdue", "value", "lastContact", "name"];

function sorter(key: SortKey): (a: AttentionItem, b: AttentionItem) => number {
  switch (key) {
    case "overdue":
      return (a, b) => a.overdueDays - b.overdueDays || compareMoney(a.openDealsAmount, b.openDealsAmount);
    case "value":
      return (a, b) => compareMoney(a.openDealsAmount, b.openDealsAmount) || a.overdueDays - b.overdueDays;
    case "lastContact":
      return (a, b) => a.daysSinceContact - b.daysSinceContact;
    case "name":
      return (a, b) => b.name.localeCompare(a.name, "ru");
  }
}

/** "Needs attention": overdue clients, most overdue and most valuable first; re-sortable on screen. */
export function AttentionList() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const { people } = usePeople();
  const [ownerId, setOwnerId] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "overdue", desc: true });
  const list = useAttention(ownerId);
  const items = useMemo(() => {
    const all = list.data?.pages.flatMap((p) => p.items) ?? [];
    const by = sorter(sort.key);
    return [...all].sort((a, b) => (sort.desc ? by(b, a) : by(a, b)));
  }, [list.data, sort]);

  const header = (key: SortKey, label: string, align: "left" | "right" = "left") => (
    <Table.Th ta={align} aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : "none"}>
      <UnstyledButton
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : true }))}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          {sort.key === key &&
            (sort.desc ? <IconArrowDown size={14} aria-hidden /> : <IconArrowUp size={14} aria-hidden />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <>
      <PageHeader title={t("cadences.attention.title")} description={t("cadences.attention.subtitle")} />
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          {me.role !== "manager" && (
            <NativeSelect
              label={t("cadences.attention.ownerFilter")}
              value={ownerId}
              data={[
                { value: "", label: t("cadences.attention.everyone") },
                ...people.map((p) => ({ value: p.id, label: p.fullName })),
              ]}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
            />
          )}
          <NativeSelect
            label={t("cadences.attention.sortBy")}
            value={sort.key}
            data={SORTS.map((key) => ({ value: key, label: t(`cadences.attention.sort.${key}`) }))}
            onChange={(e) => setSort({ key: e.currentTarget.value as SortKey, desc: true })}
          />
        </Group>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconMoodSmile size={28} />}
            title={t("cadences.attention.title")}
            text={t("cadences.attention.empty")}
          />
        ) : (
          <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {header("name", t("cadences.attention.client"))}
                  <Table.Th>{t("cadences.attention.owner")}</Table.Th>
                  {header("lastContact", t("cadences.attention.lastContact"))}
                  <Table.Th ta="right">{t("cadences.attention.target")}</Table.Th>
                  {header("overdue", t("cadences.attention.overdue"), "right")}
                  {header("value", t("cadences.attention.value"), "right")}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/clients/${c.id}`} fw={500}>
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.ownerName ?? "—"}</Table.Td>
                    <Table.Td>
                      {c.lastContactAt
                        ? t("cadences.attention.daysAgo", { days: c.daysSinceContact })
                        : t("cadences.attention.never")}
                    </Table.Td>
                    <Table.Td ta="right">{c.targetDays}</Table.Td>
                    <Table.Td ta="right">
                      <Text fw={600} c="red" span>
                        {c.overdueDays}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("cadences.attention.overdueWorking", { n: c.overdueWorkingDays })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatRubles(c.openDealsAmount, locale)}</Table.Td>
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
          </Paper>
        )}
      </Stack>
    </>
  );
}
