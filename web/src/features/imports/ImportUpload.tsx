import { Button, Group, Loader, NativeSelect, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconFileUpload } from "@tabler/icons-react";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportEntity } from "../../../../contracts/imports";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const isSupported = (file: File) => /\.(csv|xlsx|txt)$/i.test(file.name);

export type ImportUploadProps = {
  entity: ImportEntity;
  onEntity: (entity: ImportEntity) => void;
  onFile: (file: File) => void;
  uploading: boolean;
};

/** Step 1: drop a file or pick one; the server reads it and suggests the mapping. */
export function ImportUpload({ entity, onEntity, onFile, uploading }: ImportUploadProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [wrong, setWrong] = useState(false);

  const take = (file: File | undefined) => {
    if (!file) return;
    if (!isSupported(file)) return setWrong(true);
    setWrong(false);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <NativeSelect
        label={t("imports.entity")}
        value={entity}
        onChange={(event) => onEntity(ImportEntity.parse(event.currentTarget.value))}
        data={ImportEntity.options.map((value) => ({ value, label: t(`imports.entities.${value}`) }))}
        w={260}
      />
      <Paper
        withBorder
        radius="md"
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          borderStyle: "dashed",
          borderWidth: 2,
          borderColor: over
            ? "var(--mantine-primary-color-filled)"
            : wrong
              ? "var(--mantine-color-error)"
              : undefined,
          background: over ? "var(--mantine-primary-color-light)" : undefined,
          transition: "background 120ms, border-color 120ms",
        }}
      >
        <Stack align="center" gap="sm" py="lg">
          <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
            {uploading ? <Loader size="sm" /> : <IconFileUpload size={28} />}
          </ThemeIcon>
          <Text fw={600}>{uploading ? t("imports.uploading") : t("imports.drop")}</Text>
          <Text size="sm" c={wrong ? "red" : "dimmed"} ta="center" role={wrong ? "alert" : undefined}>
            {wrong ? t("imports.wrongType") : t("imports.dropHint")}
          </Text>
          <Group>
            <Button onClick={() => input.current?.click()} loading={uploading} variant="light">
              {t("imports.choose")}
            </Button>
          </Group>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-label={t("imports.fileInput")}
            style={{ display: "none" }}
            onChange={(event) => {
              take(event.currentTarget.files?.[0]);
              event.currentTarget.value = "";
            }}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
