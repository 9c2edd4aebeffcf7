import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { IconChecklist, IconFileDescription, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ProposalStatus } from "../../../../contracts/proposals";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { money, statusColor } from "./format";
import { useProposals } from "./hooks";

/** Current revisions of the proposals the user may see, newest first, filtered by status. */
export function ProposalsTable({ companyId, status }: { companyId?: string; status?: string }) {
  const { t } = useTranslation();
  const list = useProposals({ companyId, status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isSuccess && !items.length)
    return (
      <EmptyState
        icon={<IconFileDescription size={28} />}
        title={t("proposals.emptyTitle")}
        text={companyId ? t("proposals.companyEmpty") : t("proposals.emptyText")}
        action={
          <Button component={Link} to={`/proposals/new${companyId ? `?companyId=${companyId}` : ""}`}>
            {t("proposals.create")}
          </Button>
        }
      />
    );
  return (
    <Stack gap="sm">
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("proposals.columns.number")}</Table.Th>
            {!companyId && <Table.Th>{t("proposals.columns.client")}</Table.Th>}
            <Table.Th>{t("proposals.columns.date")}</Table.Th>
            <Table.Th>{t("proposals.columns.status")}</Table.Th>
            <Table.Th ta="right">{t("proposals.columns.amount")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/proposals/${p.id}`}>
                  {p.number}
                  {p.revision > 1 ? ` (${p.revision})` : ""}
                </Anchor>
              </Table.Td>
              {!companyId && <Table.Td>{p.companyName}</Table.Td>}
              <Table.Td>{p.issueDate}</Table.Td>
              <Table.Td>
                <Badge color={statusColor[p.status]} variant="light">
                  {t(`proposals.status.${p.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace">
                  {money(p.totals.gross)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t("proposals.loadMore")}
        </Button>
      )}
    </Stack>
  );
}

export function ProposalsList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  return (
    <>
      <PageHeader
        title={t("proposals.title")}
        actions={
          <Group gap="xs">
            <Button
              component={Link}
              to="/approvals"
              variant="default"
              leftSection={<IconChecklist size={16} aria-hidden />}
            >
              {t("proposals.approvalsLink")}
            </Button>
            <Button component={Link} to="/proposals/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t("proposals.create")}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <NativeSelect
          label={t("proposals.statusFilter")}
          maw={280}
          value={status}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.value) next.set("status", e.currentTarget.value);
            else next.delete("status");
            setParams(next, { replace: true });
          }}
          data={[
            { value: "", label: t("proposals.allStatuses") },
            ...ProposalStatus.options.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
          ]}
        />
        <ProposalsTable status={status || undefined} />
      </Stack>
    </>
  );
}
