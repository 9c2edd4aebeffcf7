import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text } from "@mantine/core";
import { IconArrowLeft, IconChecklist, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ImportEntity, ImportPreview, ImportMapping as Mapping } from "../../../../contracts/imports";
import { fieldLabel } from "./labels";

export type ImportMappingProps = {
  preview: ImportPreview;
  entity: ImportEntity;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onBack: () => void;
  onDryRun: () => void;
  starting: boolean;
};

/** A file's columns must map to a name: without one no row can become a record. */
export function missingRequired(entity: ImportEntity, mapping: Mapping): boolean {
  const targets = new Set(Object.values(mapping));
  return entity === "companies" ? !targets.has("name") : !targets.has("lastName") && !targets.has("fullName");
}

/** Step 2: each column of the file → a field of Accord (auto-suggested), with sample values. */
export function ImportMapping({
  preview,
  entity,
  mapping,
  onChange,
  onBack,
  onDryRun,
  starting,
}: ImportMappingProps) {
  const { t } = useTranslation();
  const missing = missingRequired(entity, mapping);
  const options = [
    { value: "", label: `— ${t("imports.skip")} —` },
    ...preview.fields.map((field) => ({ value: field, label: fieldLabel(entity, field) })),
  ];
  const detected =
    preview.format === "xlsx"
      ? t("imports.detectedXlsx")
      : t("imports.detected", {
          format: "CSV",
          encoding: preview.encoding ?? "—",
          delimiter: preview.delimiter === "\t" ? "Tab" : (preview.delimiter ?? "—"),
        });

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600}>{t("imports.mappingTitle")}</Text>
        <Text size="sm" c="dimmed">
          {t("imports.mappingText")}
        </Text>
        <Text size="xs" c="dimmed">
          {preview.fileName} · {detected}
        </Text>
      </Stack>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t("imports.column")}</Table.Th>
                <Table.Th>{t("imports.sample")}</Table.Th>
                <Table.Th w={280}>{t("imports.target")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.header.map((column, index) => {
                const samples = preview.rows
                  .map((row) => row[index] ?? "")
                  .filter((v) => v.trim())
                  .slice(0, 3);
                return (
                  <Table.Tr key={column}>
                    <Table.Td fw={500}>{column}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                        {samples.join(" · ") || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t("imports.targetFor", { column })}
                        size="xs"
                        value={mapping[column] ?? ""}
                        onChange={(event) =>
                          onChange({ ...mapping, [column]: event.currentTarget.value || null })
                        }
                        data={options}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {missing && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} role="status">
          {entity === "companies" ? t("imports.nameRequired") : t("imports.lastNameRequired")}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t("imports.back")}
        </Button>
        <Group gap="sm">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t("imports.dryRunHint")}
          </Text>
          <Button
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={onDryRun}
            disabled={missing}
            loading={starting}
          >
            {t("imports.dryRun")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
