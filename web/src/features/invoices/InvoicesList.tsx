import { Badge, Button, Center, Group, Loader, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InvoiceStatus } from "../../../../contracts/invoices";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { money, ruDate, statusColor } from "./format";
import { useInvoices } from "./hooks";

type Status = (typeof InvoiceStatus.options)[number];

/** Invoices the user may see, newest first, with a status filter and "show more". */
export function InvoicesList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const invoices = useInvoices(status);
  const items = useMemo(() => invoices.data?.pages.flatMap((p) => p.items) ?? [], [invoices.data]);

  return (
    <Stack gap="md">
      <Group>
        <NativeSelect
          label={t("documents.invoices.filterStatus")}
          value={status ?? ""}
          onChange={(e) => setStatus((e.currentTarget.value || null) as Status | null)}
          data={[
            { value: "", label: t("documents.invoices.allStatuses") },
            ...InvoiceStatus.options.map((s) => ({ value: s, label: t(`documents.invoices.status.${s}`) })),
          ]}
        />
      </Group>
      {invoices.error && <ErrorAlert error={invoices.error} onRetry={() => invoices.refetch()} />}
      {invoices.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {invoices.data && items.length === 0 && (
        <EmptyState
          icon={<IconReceipt size={28} />}
          title={t("documents.invoices.emptyTitle")}
          text={t("documents.invoices.emptyText")}
        />
      )}
      {items.length > 0 && (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("documents.invoices.columns.number")}</Table.Th>
              <Table.Th>{t("documents.invoices.columns.company")}</Table.Th>
              <Table.Th>{t("documents.invoices.columns.issueDate")}</Table.Th>
              <Table.Th>{t("documents.invoices.columns.dueDate")}</Table.Th>
              <Table.Th ta="right">{t("documents.invoices.columns.gross")}</Table.Th>
              <Table.Th ta="right">{t("documents.invoices.columns.paid")}</Table.Th>
              <Table.Th>{t("documents.invoices.columns.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>
                  <Text component={Link} to={`/invoices/${inv.id}`} size="sm" c="blue">
                    {inv.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text component={Link} to={`/clients/${inv.companyId}`} size="sm">
                    {inv.companyName}
                  </Text>
                </Table.Td>
                <Table.Td>{ruDate(inv.issueDate, i18n.language)}</Table.Td>
                <Table.Td>{ruDate(inv.dueDate, i18n.language)}</Table.Td>
                <Table.Td ta="right">{money(inv.gross, i18n.language)}</Table.Td>
                <Table.Td ta="right">{money(inv.paid, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[inv.status]} variant="light">
                    {t(`documents.invoices.status.${inv.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {invoices.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => invoices.fetchNextPage()}
          loading={invoices.isFetchingNextPage}
        >
          {t("documents.invoices.more")}
        </Button>
      )}
    </Stack>
  );
}
