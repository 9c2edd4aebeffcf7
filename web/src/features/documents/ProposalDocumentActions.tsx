import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypeDocx, IconFileTypePdf, IconSend } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { MakeInvoiceButton } from "../invoices/MakeInvoiceButton";
import { proposalDocxUrl, proposalPdfUrl, useSendPreview, useSendProposal } from "./hooks";

/**
 * The proposal card's document buttons: PDF, DOCX and "Send" with its dialog. The proposal card
 * places this component; it needs only the proposal's id.
 */
export function ProposalDocumentActions({
  proposalId,
  status,
  canSend = true,
}: {
  proposalId: string;
  /** An accepted proposal also offers to make an invoice. */
  status: string;
  canSend?: boolean;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Group gap="xs" role="group" aria-label={t("documents.actions.label")}>
      <Button
        component="a"
        href={proposalPdfUrl(proposalId)}
        variant="light"
        leftSection={<IconFileTypePdf size={16} />}
      >
        {t("documents.actions.pdf")}
      </Button>
      <Button
        component="a"
        href={proposalDocxUrl(proposalId)}
        variant="light"
        leftSection={<IconFileTypeDocx size={16} />}
      >
        {t("documents.actions.docx")}
      </Button>
      {canSend && (
        <Button leftSection={<IconSend size={16} />} onClick={() => setOpened(true)}>
          {t("documents.actions.send")}
        </Button>
      )}
      {status === "accepted" && <MakeInvoiceButton proposalId={proposalId} />}
      <SendDialog proposalId={proposalId} opened={opened} onClose={() => setOpened(false)} />
    </Group>
  );
}

function SendDialog({
  proposalId,
  opened,
  onClose,
}: {
  proposalId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const preview = useSendPreview(proposalId, opened);
  const send = useSendProposal(proposalId);
  const [to, setTo] = useState("");
  const [subject, setSubject] = useState("");
  const [text, setText] = useState("");

  useEffect(() => {
    if (preview.data) {
      setTo(preview.data.to.join(", "));
      setSubject(preview.data.subject);
      setText(preview.data.text);
    }
  }, [preview.data]);

  const errors = fieldErrorsOf(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const recipients = to
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    send.mutate(
      { to: recipients, subject, text },
      {
        onSuccess: (sent) => {
          notifications.show({
            color: "green",
            message: t("documents.send.sent", { to: sent.to.join(", ") }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("documents.send.title")} size="lg">
      {preview.error && <ErrorAlert error={preview.error} />}
      {!preview.data && !preview.error && <Text size="sm">{t("documents.send.loading")}</Text>}
      {preview.data && (
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label={t("documents.send.to")}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.to ?? errors["to.0"]}
              data-autofocus
              required
            />
            <TextInput
              label={t("documents.send.subject")}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={errors.subject}
            />
            <Textarea
              label={t("documents.send.text")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={6}
              error={errors.text}
            />
            <Text size="sm" c="dimmed">
              {t("documents.send.attachment", { file: preview.data.fileName })}
            </Text>
            {send.error && Object.keys(errors).length === 0 && <ErrorAlert error={send.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("documents.send.cancel")}
              </Button>
              <Button type="submit" loading={send.isPending} leftSection={<IconSend size={16} />}>
                {t("documents.send.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
