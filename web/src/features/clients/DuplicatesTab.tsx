import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconCopyCheck, IconGitMerge } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Company } from "../../../../contracts/companies";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { formatPercent } from "./format";
import { useCompanyDuplicates, useMergeCompanies } from "./hooks";

/** Likely duplicates of this company, each mergeable into it (contacts, activities and history move). */
export function DuplicatesTab({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useTranslation();
  const duplicates = useCompanyDuplicates(company.id, true);
  const merge = useMergeCompanies();
  const locale = currentLocale();

  const confirmMerge = (source: Company) =>
    modals.openConfirmModal({
      title: t("company.dupTab.mergeTitle"),
      children: (
        <Text size="sm">{t("company.dupTab.mergeText", { source: source.name, target: company.name })}</Text>
      ),
      labels: { confirm: t("company.dupTab.merge"), cancel: t("common.cancel") },
      confirmProps: { color: "orange" },
      onConfirm: () =>
        merge.mutate(
          { targetId: company.id, sourceIds: [source.id] },
          {
            onSuccess: () => notifications.show({ color: "green", message: t("company.dupTab.merged") }),
            onError: (error) =>
              notifications.show({
                color: "red",
                title: t("errors.title"),
                message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
              }),
          },
        ),
    });

  if (duplicates.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  if (duplicates.isError)
    return <ErrorAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />;
  const items = duplicates.data.items;
  if (!items.length)
    return (
      <EmptyState
        icon={<IconCopyCheck size={28} />}
        title={t("company.dupTab.empty")}
        text={t("company.dupTab.emptyText")}
      />
    );

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("company.dupTab.text")}
      </Text>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table verticalSpacing="sm" aria-label={t("company.dupTab.tableLabel")}>
          <Table.Tbody>
            {items.map((candidate, index) => (
              <Table.Tr key={candidate.visible ? candidate.company.id : `hidden-${index}`}>
                <Table.Td>
                  <Stack gap={2}>
                    {candidate.visible ? (
                      <Anchor component={Link} to={`/clients/${candidate.company.id}`} fw={500} size="sm">
                        {candidate.company.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {candidate.name}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {candidate.visible
                        ? [candidate.company.inn, candidate.company.city].filter(Boolean).join(" · ")
                        : [t("company.duplicates.hidden"), candidate.ownerName].filter(Boolean).join(" · ")}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {candidate.reasons.map((reason) => (
                      <Badge key={reason} size="sm" variant="light" color="orange" tt="none">
                        {t(`company.duplicates.reasons.${reason}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed" fz="sm" style={{ whiteSpace: "nowrap" }}>
                  {t("company.duplicates.score", { percent: formatPercent(candidate.score, locale) })}
                </Table.Td>
                <Table.Td ta="right">
                  {candidate.visible && canEdit && (
                    <Button
                      size="xs"
                      variant="light"
                      color="orange"
                      leftSection={<IconGitMerge size={14} aria-hidden />}
                      aria-label={t("company.dupTab.mergeLabel", { name: candidate.company.name })}
                      onClick={() => confirmMerge(candidate.company)}
                      loading={merge.isPending && merge.variables?.sourceIds[0] === candidate.company.id}
                    >
                      {t("company.dupTab.merge")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
