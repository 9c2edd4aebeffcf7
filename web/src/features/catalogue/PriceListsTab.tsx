import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconReceipt } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PriceList } from "../../../../contracts/pricing";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { useCatalogueWrite, usePriceLists } from "./hooks";
import { PricesEditor } from "./PricesEditor";
import { SegmentsSection } from "./SegmentsSection";

export function PriceListsTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.role === "admin" || me.role === "head";
  const lists = usePriceLists();
  const [editing, setEditing] = useState<{ list: PriceList | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = lists.data?.find((l) => l.id === openId) ?? null;

  return (
    <Stack gap="md">
      {canEdit && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ list: null })}>
            {t("catalogue.prices.add")}
          </Button>
        </Group>
      )}
      {lists.isError && <ErrorAlert error={lists.error} onRetry={() => void lists.refetch()} />}
      {lists.data && lists.data.length === 0 ? (
        <EmptyState
          icon={<IconReceipt size={28} />}
          title={t("catalogue.prices.emptyTitle")}
          text={t("catalogue.prices.emptyText")}
        />
      ) : (
        <Table striped fz="sm" aria-label={t("catalogue.prices.tableLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("catalogue.prices.name")}</Table.Th>
              <Table.Th>{t("catalogue.prices.vatIncluded")}</Table.Th>
              <Table.Th>{t("catalogue.prices.validFrom")}</Table.Th>
              <Table.Th>{t("catalogue.prices.validTo")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(lists.data ?? []).map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td fw={500}>
                  {l.name}
                  {l.isDefault && (
                    <Badge ml="xs" size="xs">
                      {t("catalogue.prices.isDefault")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {l.vatIncluded ? t("catalogue.prices.vatIncludedShort") : t("catalogue.prices.vatExcluded")}
                </Table.Td>
                <Table.Td>{l.validFrom ?? t("common.notSet")}</Table.Td>
                <Table.Td>{l.validTo ?? t("common.notSet")}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setOpenId(l.id)}
                    aria-label={`${t("catalogue.prices.open")}: ${l.name}`}
                  >
                    {t("catalogue.prices.open")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <PricesEditor key={open.id} list={open} canEdit={canEdit} />}
      <SegmentsSection lists={lists.data ?? []} canEdit={canEdit} />
      {canEdit && editing && (
        <PriceListModal list={editing.list} onClose={() => setEditing(null)} onSaved={setOpenId} />
      )}
    </Stack>
  );
}

function PriceListModal(props: {
  list: PriceList | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const l = props.list;
  const [v, setV] = useState({
    name: l?.name ?? "",
    vatIncluded: l?.vatIncluded ?? true,
    validFrom: l?.validFrom ?? "",
    validTo: l?.validTo ?? "",
    isDefault: l?.isDefault ?? false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCatalogueWrite((body: Record<string, unknown>) =>
    api.post<PriceList>("/price-lists", body),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...v, name: v.name.trim(), validFrom: v.validFrom || null, validTo: v.validTo || null },
      {
        onSuccess: (list) => {
          notifications.show({ color: "green", message: t("common.saved") });
          props.onSaved(list.id);
          props.onClose();
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          setErrors(fields);
          setFailure(Object.keys(fields).length ? null : error);
        },
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title={l ? l.name : t("catalogue.prices.createTitle")}>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          {failure !== null && <ErrorAlert error={failure} />}
          <TextInput
            label={t("catalogue.prices.name")}
            required
            data-autofocus
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
            error={errors.name}
          />
          <Checkbox
            label={t("catalogue.prices.vatIncluded")}
            checked={v.vatIncluded}
            onChange={(e) => setV({ ...v, vatIncluded: e.currentTarget.checked })}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t("catalogue.prices.validFrom")}
              value={v.validFrom}
              onChange={(e) => setV({ ...v, validFrom: e.currentTarget.value })}
              error={errors.validFrom}
            />
            <TextInput
              type="date"
              label={t("catalogue.prices.validTo")}
              value={v.validTo}
              onChange={(e) => setV({ ...v, validTo: e.currentTarget.value })}
              error={errors.validTo}
            />
          </Group>
          <Checkbox
            label={t("catalogue.prices.isDefault")}
            checked={v.isDefault}
            onChange={(e) => setV({ ...v, isDefault: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={2} fz="md" fw={600} mt="md">
      {children}
    </Title>
  );
}

export const Hint = ({ children }: { children: string }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);
