import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { useMakeInvoice } from "./hooks";

/** On an accepted proposal's card: makes the «счёт на оплату» and opens it. */
export function MakeInvoiceButton({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const make = useMakeInvoice(proposalId);
  const [opened, setOpened] = useState(false);
  const [dueDate, setDueDate] = useState("");
  const [basis, setBasis] = useState("");
  const errors = fieldErrorsOf(make.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    make.mutate(
      { ...(dueDate ? { dueDate } : {}), ...(basis.trim() ? { basis: basis.trim() } : {}) },
      { onSuccess: (invoice) => navigate(`/invoices/${invoice.id}`) },
    );
  };

  return (
    <>
      <Button variant="light" leftSection={<IconReceipt size={16} />} onClick={() => setOpened(true)}>
        {t("documents.invoices.make.button")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("documents.invoices.make.title")}>
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              type="date"
              label={t("documents.invoices.make.dueDate")}
              description={t("documents.invoices.make.dueDateHint")}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
              data-autofocus
            />
            <TextInput
              label={t("documents.invoices.make.basis")}
              description={t("documents.invoices.make.basisHint")}
              value={basis}
              onChange={(e) => setBasis(e.currentTarget.value)}
              error={errors.basis}
            />
            {make.error && !errors.dueDate && !errors.basis && <ErrorAlert error={make.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t("documents.send.cancel")}
              </Button>
              <Button type="submit" loading={make.isPending}>
                {t("documents.invoices.make.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
