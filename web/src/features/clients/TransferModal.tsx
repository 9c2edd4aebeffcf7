import { Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { useTransferCompanies } from "./hooks";
import { usePeople } from "./people";

export type TransferModalProps = {
  opened: boolean;
  ids: string[];
  /** The current owner when one company is transferred: not offered as the new one. */
  currentOwnerId?: string;
  onClose: () => void;
  onDone?: () => void;
};

/** Hands one or many companies (with their contacts) to another owner; each is audited. */
export function TransferModal({ opened, ids, currentOwnerId, onClose, onDone }: TransferModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("clients.transferModal.title")}>
      <TransferForm
        key={ids.join()}
        ids={ids}
        currentOwnerId={currentOwnerId}
        onClose={onClose}
        onDone={onDone}
      />
    </Modal>
  );
}

function TransferForm({ ids, currentOwnerId, onClose, onDone }: Omit<TransferModalProps, "opened">) {
  const { t } = useTranslation();
  const { people } = usePeople();
  const transfer = useTransferCompanies();
  const [ownerId, setOwnerId] = useState("");
  const [error, setError] = useState<string | undefined>();
  const candidates = people.filter((p) => p.active && p.role !== "department" && p.id !== currentOwnerId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ownerId) return setError(t("company.validation.required"));
    transfer.mutate(
      { ids, ownerId },
      {
        onSuccess: ({ transferred }) => {
          notifications.show({
            color: "green",
            message: t("clients.transferModal.done", { count: transferred }),
          });
          onDone?.();
          onClose();
        },
        onError: (failure) => setError(fieldErrorsOf(failure).ownerId),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("clients.transferModal.text", { count: ids.length })}</Text>
        <NativeSelect
          label={t("clients.transferModal.owner")}
          value={ownerId}
          onChange={(event) => {
            setOwnerId(event.currentTarget.value);
            setError(undefined);
          }}
          data={[
            { value: "", label: t("clients.transferModal.choose") },
            ...candidates.map((p) => ({ value: p.id, label: `${p.fullName} — ${t(`roles.${p.role}`)}` })),
          ]}
          error={error}
          required
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {t("clients.transferModal.audited")}
        </Text>
        {transfer.isError && !fieldErrorsOf(transfer.error).ownerId && <ErrorAlert error={transfer.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={transfer.isPending}>
            {t("clients.transferModal.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
