import { Badge, Button, FileInput, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileTypeDocx, IconTrash, IconUpload } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentTemplate } from "../../../../contracts/document-templates";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import {
  defaultTemplateUrl,
  templateFileUrl,
  useDeleteTemplate,
  useTemplates,
  useUploadTemplate,
} from "./hooks";

/** Settings → Document templates: upload a Word template, download the default one, delete. */
export function TemplatesSection() {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const uploadTemplate = useUploadTemplate();
  const remove = useDeleteTemplate();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<DocumentTemplate["kind"]>("proposal");
  const errors = fieldErrorsOf(uploadTemplate.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    uploadTemplate.mutate(
      { file, name, kind },
      {
        onSuccess: () => {
          setFile(null);
          setName("");
          notifications.show({ color: "green", message: t("documents.templates.uploaded") });
        },
      },
    );
  };
  const items = templates.data?.items ?? [];

  return (
    <Stack gap="lg">
      <SectionCard
        title={t("documents.templates.title")}
        description={t("documents.templates.description")}
        actions={
          <Button
            component="a"
            href={defaultTemplateUrl()}
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t("documents.templates.downloadDefault")}
          </Button>
        }
      >
        <form noValidate onSubmit={submit}>
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label={t("documents.templates.file")}
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              value={file}
              onChange={setFile}
              error={errors.file}
              leftSection={<IconFileTypeDocx size={16} />}
              style={{ flex: 2, minWidth: 220 }}
              clearable
            />
            <TextInput
              label={t("documents.templates.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 160 }}
            />
            <NativeSelect
              label={t("documents.templates.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as DocumentTemplate["kind"])}
              data={[
                { value: "proposal", label: t("documents.templates.kindProposal") },
                { value: "invoice", label: t("documents.templates.kindInvoice") },
              ]}
            />
            <Button
              type="submit"
              disabled={!file}
              loading={uploadTemplate.isPending}
              leftSection={<IconUpload size={16} />}
            >
              {t("documents.templates.upload")}
            </Button>
          </Group>
          {uploadTemplate.error && !errors.file && <ErrorAlert error={uploadTemplate.error} />}
        </form>
      </SectionCard>
      {templates.error && <ErrorAlert error={templates.error} onRetry={() => templates.refetch()} />}
      {templates.data && items.length === 0 && (
        <EmptyState
          icon={<IconFileTypeDocx size={28} />}
          title={t("documents.templates.emptyTitle")}
          text={t("documents.templates.emptyText")}
        />
      )}
      {items.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("documents.templates.columns.name")}</Table.Th>
              <Table.Th>{t("documents.templates.columns.kind")}</Table.Th>
              <Table.Th>{t("documents.templates.columns.file")}</Table.Th>
              <Table.Th>{t("documents.templates.columns.created")}</Table.Th>
              <Table.Th>{t("documents.templates.columns.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((tpl) => (
              <Table.Tr key={tpl.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{tpl.name}</Text>
                    {tpl.active && <Badge size="sm">{t("documents.templates.active")}</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t("documents.templates.placeholders")}: {tpl.placeholders.join(", ")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {tpl.kind === "proposal"
                    ? t("documents.templates.kindProposal")
                    : t("documents.templates.kindInvoice")}
                </Table.Td>
                <Table.Td>{tpl.fileName}</Table.Td>
                <Table.Td>{new Date(tpl.createdAt).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button component="a" href={templateFileUrl(tpl.id)} size="xs" variant="subtle">
                      {t("documents.templates.download")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      loading={remove.isPending && remove.variables === tpl.id}
                      onClick={() =>
                        remove.mutate(tpl.id, {
                          onSuccess: () => notifications.show({ message: t("documents.templates.deleted") }),
                        })
                      }
                    >
                      {t("documents.templates.delete")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
