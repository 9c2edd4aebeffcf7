import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact } from "../../../../contracts/contacts";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ApiError } from "../../lib/api";
import { ContactFormModal } from "./ContactFormModal";
import { useCompanyContacts, useDeleteContact } from "./hooks";

const CONSENT_COLORS = { granted: "teal", withdrawn: "red", unknown: "gray" } as const;

/** The people of a company: list, add, edit, delete. */
export function ContactsTab({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const contacts = useCompanyContacts(companyId);
  const remove = useDeleteContact();
  const [editing, setEditing] = useState<{ opened: boolean; contact: Contact | null }>({
    opened: false,
    contact: null,
  });
  const items = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  const confirmRemove = (contact: Contact) =>
    modals.openConfirmModal({
      title: t("contacts.removeTitle"),
      children: <Text size="sm">{t("contacts.removeText", { name: contact.fullName })}</Text>,
      labels: { confirm: t("company.card.delete"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: () =>
        remove.mutate(contact.id, {
          onSuccess: () => notifications.show({ message: t("contacts.removed") }),
          onError: (error) =>
            notifications.show({
              color: "red",
              title: t("errors.title"),
              message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
            }),
        }),
    });

  const addButton = canEdit && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setEditing({ opened: true, contact: null })}
    >
      {t("contacts.add")}
    </Button>
  );

  let body: React.ReactNode;
  if (contacts.isPending)
    body = (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  else if (contacts.isError)
    body = <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />;
  else if (!items.length)
    body = (
      <EmptyState
        icon={<IconUsers size={28} />}
        title={t("contacts.emptyTitle")}
        text={t("contacts.emptyText")}
        action={addButton}
      />
    );
  else
    body = (
      <Stack gap="sm">
        <Group justify="flex-end">{addButton}</Group>
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" highlightOnHover aria-label={t("contacts.tableLabel")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("contacts.name")}</Table.Th>
                  <Table.Th>{t("contacts.position")}</Table.Th>
                  <Table.Th>{t("contacts.phones")}</Table.Th>
                  <Table.Th>{t("contacts.emails")}</Table.Th>
                  <Table.Th>{t("contacts.consent")}</Table.Th>
                  {canEdit && (
                    <Table.Th w={84}>
                      <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((contact) => (
                  <Table.Tr key={contact.id} style={{ verticalAlign: "top" }}>
                    <Table.Td fw={500}>{contact.fullName}</Table.Td>
                    <Table.Td>
                      {contact.position ?? (
                        <Text span c="dimmed">
                          {t("common.notSet")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {contact.phones.map((p) => (
                          <Anchor key={p} href={`tel:${p.replace(/[^\d+]/g, "")}`} size="sm">
                            {p}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {contact.emails.map((e) => (
                          <Anchor key={e} href={`mailto:${e}`} size="sm">
                            {e}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        tt="none"
                        color={CONSENT_COLORS[contact.consent.status]}
                        title={contact.consent.source ?? undefined}
                      >
                        {t(`contacts.consentStatus.${contact.consent.status}`)}
                      </Badge>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label={t("common.edit")} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t("contacts.edit", { name: contact.fullName })}
                              onClick={() => setEditing({ opened: true, contact })}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t("company.card.delete")} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t("contacts.remove", { name: contact.fullName })}
                              onClick={() => confirmRemove(contact)}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {contacts.hasNextPage && (
          <Center>
            <Button
              variant="default"
              loading={contacts.isFetchingNextPage}
              onClick={() => void contacts.fetchNextPage()}
            >
              {t("common.loadMore")}
            </Button>
          </Center>
        )}
      </Stack>
    );

  return (
    <>
      {body}
      {canEdit && (
        <ContactFormModal
          opened={editing.opened}
          companyId={companyId}
          contact={editing.contact}
          onClose={() => setEditing((e) => ({ ...e, opened: false }))}
        />
      )}
    </>
  );
}
