import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Code,
  Loader,
  Table,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconKey, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { CreateTokenModal } from "./CreateTokenModal";
import { type ApiTokenItem, useApiTokens, useRevokeApiToken } from "./hooks";

export function ApiTokensSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const locale = currentLocale();
  const when = (iso: string | null, empty: string) =>
    iso ? formatDateTime(iso, locale, me.timeZone) : empty;

  const confirmRevoke = (token: ApiTokenItem) =>
    modals.openConfirmModal({
      title: t("profile.tokens.revokeTitle"),
      children: t("profile.tokens.revokeText", { name: token.name }),
      labels: { confirm: t("profile.tokens.revoke"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: () =>
        revoke.mutate(token.id, {
          onSuccess: () => notifications.show({ color: "green", message: t("profile.tokens.revoked") }),
          onError: (error) =>
            notifications.show({
              color: "red",
              title: t("errors.title"),
              message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
            }),
        }),
    });

  const items = tokens.data?.items ?? [];
  const createButton = (
    <Button
      variant="default"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t("profile.tokens.create")}
    </Button>
  );

  return (
    <SectionCard
      title={t("profile.tokens.title")}
      description={t("profile.tokens.description")}
      actions={items.length > 0 ? createButton : undefined}
    >
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      ) : items.length === 0 && !tokens.isError ? (
        <EmptyState
          icon={<IconKey size={28} />}
          title={t("profile.tokens.emptyTitle")}
          text={t("profile.tokens.emptyText")}
          action={createButton}
        />
      ) : (
        items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table
              verticalSpacing={6}
              fz="sm"
              highlightOnHover
              style={{ whiteSpace: "nowrap" }}
              aria-label={t("profile.tokens.tableLabel")}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("profile.tokens.name")}</Table.Th>
                  <Table.Th>{t("profile.tokens.scope")}</Table.Th>
                  <Table.Th>{t("profile.tokens.prefix")}</Table.Th>
                  <Table.Th>{t("profile.tokens.createdAt")}</Table.Th>
                  <Table.Th>{t("profile.tokens.lastUsed")}</Table.Th>
                  <Table.Th>{t("profile.tokens.expires")}</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td fw={500}>{token.name}</Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        tt="none"
                        fw={500}
                        color={token.scope === "write" ? "orange" : "blue"}
                      >
                        {t(`profile.tokens.scopes.${token.scope}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{when(token.createdAt, t("common.notSet"))}</Table.Td>
                    <Table.Td>{when(token.lastUsedAt, t("profile.tokens.never"))}</Table.Td>
                    <Table.Td>{when(token.expiresAt, t("profile.tokens.unlimited"))}</Table.Td>
                    <Table.Td>
                      <Tooltip label={t("profile.tokens.revoke")} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("profile.tokens.revokeLabel", { name: token.name })}
                          onClick={() => confirmRevoke(token)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </SectionCard>
  );
}
