import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileImport, IconPlayerStop, IconUpload, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Import } from "../../../../contracts/imports";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { formatNumber } from "../clients/format";
import { reportUrl, useCancelImport, useImport, useStartImport } from "./hooks";
import { ImportSteps } from "./ImportSteps";
import { ErrorsTable, PlanTable } from "./ImportTables";

const COUNTS = ["created", "updated", "unchanged", "failed"] as const;
const COUNT_COLORS = { created: "teal", updated: "blue", unchanged: "gray", failed: "red" } as const;

/** /clients/import/:id — progress of a dry run or a real import, then its result. */
export function ImportRun({ id }: { id: string }) {
  const { t } = useTranslation();
  const imp = useImport(id);
  if (imp.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  if (imp.isError) return <ErrorAlert error={imp.error} onRetry={() => void imp.refetch()} />;
  const data = imp.data;
  const running = data.status === "queued" || data.status === "running";
  const step = data.dryRun ? 2 : running ? 3 : 4;
  return (
    <>
      <PageHeader title={t("imports.title")} description={data.fileName} />
      <ImportSteps active={step} />
      <Stack gap="lg">{running ? <ImportProgress data={data} /> : <ImportResult data={data} />}</Stack>
    </>
  );
}

function ImportProgress({ data }: { data: Import }) {
  const { t } = useTranslation();
  const cancel = useCancelImport();
  const locale = currentLocale();
  const percent = data.total ? Math.round((data.processed / data.total) * 100) : 0;
  const title =
    data.status === "queued"
      ? t("imports.queued")
      : data.dryRun
        ? t("imports.checking")
        : t("imports.running");
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="md" fw={600}>
            {title}
          </Title>
          {!data.dryRun && (
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconPlayerStop size={14} aria-hidden />}
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(data.id, {
                  onSuccess: () => notifications.show({ message: t("imports.cancelled") }),
                })
              }
            >
              {t("imports.cancel")}
            </Button>
          )}
        </Group>
        <Progress
          value={data.total ? percent : 100}
          striped={!data.total}
          animated
          size="lg"
          aria-label={t("imports.progressLabel")}
          aria-valuenow={data.total ? percent : undefined}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {data.total
            ? t("imports.progress", {
                processed: formatNumber(data.processed, locale),
                total: formatNumber(data.total, locale),
              })
            : t("imports.progressUnknown", { processed: formatNumber(data.processed, locale) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("imports.reloadSafe")}
        </Text>
      </Stack>
    </Paper>
  );
}

function Counts({ data }: { data: Import }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {COUNTS.map((key) => (
        <Paper
          key={key}
          withBorder
          radius="md"
          p="md"
          aria-label={data.dryRun ? t(`imports.counts.${key}`) : t(`imports.doneCounts.${key}`)}
          role="group"
        >
          <Text size="xs" c="dimmed" fw={500}>
            {data.dryRun ? t(`imports.counts.${key}`) : t(`imports.doneCounts.${key}`)}
          </Text>
          <Text fz={26} fw={650} c={data[key] > 0 ? COUNT_COLORS[key] : undefined} data-count={key}>
            {formatNumber(data[key], locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function ImportResult({ data }: { data: Import }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const uploadId = params.get("upload");
  const start = useStartImport();

  const runForReal = () => {
    if (!uploadId) return;
    start.mutate(
      { uploadId, entity: data.entity, mapping: data.mapping, dryRun: false },
      { onSuccess: (created) => navigate(`/clients/import/${created.id}`) },
    );
  };

  const title =
    data.status === "failed"
      ? t("imports.failedTitle")
      : data.status === "cancelled"
        ? t("imports.cancelledTitle")
        : data.dryRun
          ? t("imports.dryDoneTitle")
          : t("imports.doneTitle");

  return (
    <>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} fz="md" fw={600}>
            {title}
          </Title>
          {data.status === "failed" && data.error && (
            <Alert color="red" variant="light" role="alert">
              {data.error}
            </Alert>
          )}
          <Counts data={data} />
          {start.isError && <ErrorAlert error={start.error} />}
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Button
                component={Link}
                to="/clients/import"
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t("imports.another")}
              </Button>
              {data.dryRun ? (
                <Button
                  component="a"
                  href={reportUrl(data.id, "plan")}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t("imports.downloadPlan")}
                </Button>
              ) : (
                data.failed > 0 && (
                  <Button
                    component="a"
                    href={reportUrl(data.id, "errors")}
                    download
                    variant="default"
                    color="red"
                    leftSection={<IconDownload size={16} aria-hidden />}
                  >
                    {t("imports.downloadErrors")}
                  </Button>
                )
              )}
            </Group>
            {data.dryRun && data.status === "done" ? (
              <Stack gap={4} align="flex-end">
                <Button
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  onClick={runForReal}
                  disabled={!uploadId || data.created + data.updated === 0}
                  loading={start.isPending}
                >
                  {t("imports.run")}
                </Button>
                <Text size="xs" c="dimmed">
                  {uploadId ? t("imports.runHint") : t("imports.runAgainDisabled")}
                </Text>
              </Stack>
            ) : (
              !data.dryRun && (
                <Button component={Link} to="/clients" leftSection={<IconUsers size={16} aria-hidden />}>
                  {t("imports.openClients")}
                </Button>
              )
            )}
          </Group>
        </Stack>
      </Paper>
      {data.dryRun && data.status === "done" ? (
        <PlanTable data={data} />
      ) : (
        data.errors.length > 0 && <ErrorsTable data={data} />
      )}
    </>
  );
}
