import { Paper, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ImportEntity, ImportPreview, ImportMapping as Mapping } from "../../../../contracts/imports";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useStartImport, useUploadPreview } from "./hooks";
import { ImportMapping } from "./ImportMapping";
import { ImportSteps } from "./ImportSteps";
import { ImportUpload } from "./ImportUpload";
import { RecentImports } from "./RecentImports";

/**
 * /clients/import: upload → map columns → dry run. The dry run is a server job with its own id;
 * from there on the URL (/clients/import/:id) carries the state, so a reload loses nothing.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useUploadPreview();
  const start = useStartImport();
  const [entity, setEntity] = useState<ImportEntity>("companies");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});

  const onFile = (file: File) =>
    upload.mutate(
      { file, entity },
      {
        onSuccess: (result) => {
          setPreview(result);
          setMapping(Object.fromEntries(result.header.map((h) => [h, result.suggestedMapping[h] ?? null])));
        },
      },
    );

  const onDryRun = () => {
    if (!preview) return;
    start.mutate(
      { uploadId: preview.uploadId, entity, mapping, dryRun: true },
      {
        onSuccess: (created) =>
          navigate(`/clients/import/${created.id}?upload=${encodeURIComponent(preview.uploadId)}`),
      },
    );
  };

  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.subtitle")} />
      <ImportSteps active={preview ? 1 : 0} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            {upload.isError && <ErrorAlert error={upload.error} />}
            {start.isError && <ErrorAlert error={start.error} />}
            {preview ? (
              <ImportMapping
                preview={preview}
                entity={entity}
                mapping={mapping}
                onChange={setMapping}
                onBack={() => {
                  setPreview(null);
                  upload.reset();
                  start.reset();
                }}
                onDryRun={onDryRun}
                starting={start.isPending}
              />
            ) : (
              <ImportUpload
                entity={entity}
                onEntity={setEntity}
                onFile={onFile}
                uploading={upload.isPending}
              />
            )}
          </Stack>
        </Paper>
        {!preview && <RecentImports />}
      </Stack>
    </>
  );
}
