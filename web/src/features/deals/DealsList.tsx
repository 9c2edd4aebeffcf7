import { Anchor, Badge, Button, Center, Loader, Table } from "@mantine/core";
import { IconTargetArrow } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import type { Query } from "../../lib/api";
import { formatAmount, formatDay } from "./format";
import { useDealList } from "./hooks";

export const STATUS_COLORS = { open: "blue", won: "teal", lost: "red" } as const;

/** Deals as a table, newest first, page by page (keyset). */
export function DealsList({ query, showCompany = true }: { query: Query; showCompany?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useDealList(query);
  if (list.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length)
    return (
      <EmptyState
        icon={<IconTargetArrow size={28} />}
        title={t("deals.emptyTitle")}
        text={showCompany ? t("deals.emptyText") : t("deals.company.empty")}
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover aria-label={t("deals.list.label")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("deals.list.title")}</Table.Th>
              {showCompany && <Table.Th>{t("deals.list.company")}</Table.Th>}
              <Table.Th>{t("deals.list.stage")}</Table.Th>
              <Table.Th ta="right">{t("deals.list.amount")}</Table.Th>
              <Table.Th>{t("deals.list.closeDate")}</Table.Th>
              <Table.Th>{t("deals.list.owner")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((deal) => (
              <Table.Tr key={deal.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/deals/${deal.id}`} size="sm">
                    {deal.title}
                  </Anchor>
                </Table.Td>
                {showCompany && (
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${deal.companyId}`} size="sm" c="dimmed">
                      {deal.companyName}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[deal.status]} tt="none">
                    {deal.stageName ?? deal.stage}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatAmount(deal.amount, deal.currency, locale)}</Table.Td>
                <Table.Td>{formatDay(deal.expectedCloseDate, locale)}</Table.Td>
                <Table.Td>{deal.ownerName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("deals.list.more")}
          </Button>
        </Center>
      )}
    </>
  );
}
