import { Alert, Button, FileInput, Group, Modal, Progress, Stack, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProductImportResult } from "../../../../contracts/catalogue";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ApiError } from "../../lib/api";
import { catalogueKey, uploadCatalogue } from "./hooks";

type Outcome = { kind: "checked" | "done"; result: ProductImportResult } | null;

/** rows.<row>.<field> → row and field, as the server names the problems of a file. */
function rowErrors(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return error.errors.flatMap((e) => {
    const m = /^rows\.(\d+)\.(.+)$/.exec(e.path);
    return m ? [{ row: Number(m[1]), field: m[2]!, message: e.message }] : [];
  });
}

export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setOutcome(null);
    try {
      const result = await uploadCatalogue(file, dryRun);
      setOutcome({ kind: dryRun ? "checked" : "done", result });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: catalogueKey });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const errors = rowErrors(failure);

  return (
    <Modal opened={opened} onClose={onClose} title={t("catalogue.importing.title")} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("catalogue.importing.hint")}
        </Text>
        <FileInput
          label={t("catalogue.importing.file")}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
            setFailure(null);
          }}
          clearable
        />
        {busy && (
          <Stack gap={4}>
            <Text size="sm">{t("catalogue.importing.running")}</Text>
            <Progress value={100} animated aria-label={t("catalogue.importing.running")} />
          </Stack>
        )}
        {outcome && (
          <Alert color="green" role="status">
            {t(
              outcome.kind === "done" ? "catalogue.importing.done" : "catalogue.importing.checked",
              outcome.result,
            )}
          </Alert>
        )}
        {failure !== null && errors.length === 0 && <ErrorAlert error={failure} />}
        {errors.length > 0 && (
          <Stack gap={4}>
            <Alert color="red" role="alert" title={t("catalogue.importing.failed")}>
              {(failure as ApiError).detail}
            </Alert>
            <Table striped fz="sm" aria-label={t("catalogue.importing.failed")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("catalogue.importing.row")}</Table.Th>
                  <Table.Th>{t("catalogue.importing.field")}</Table.Th>
                  <Table.Th>{t("catalogue.importing.reason")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.slice(0, 100).map((e) => (
                  <Table.Tr key={`${e.row}-${e.field}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void run(true)} disabled={!file} loading={busy}>
            {t("catalogue.importing.check")}
          </Button>
          <Button onClick={() => void run(false)} disabled={!file} loading={busy}>
            {t("catalogue.importing.run")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
