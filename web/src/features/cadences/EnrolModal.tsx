import { Alert, Button, Group, Modal, NativeSelect, Progress, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useCadences, useEnrol, useEnrolJob } from "./hooks";

export type EnrolTarget = { companyIds: string[] } | { filter: Record<string, string> };

/** Enrols one company, the selected rows or the whole filtered list in a scheme; a big list shows progress. */
export function EnrolModal({
  opened,
  target,
  onClose,
}: {
  opened: boolean;
  target: EnrolTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const schemes = useCadences({ active: "true" });
  const enrol = useEnrol();
  const [cadenceId, setCadenceId] = useState("");
  const [startOn, setStartOn] = useState("");
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useEnrolJob(jobId);
  const options = schemes.data?.items ?? [];

  useEffect(() => {
    if (!cadenceId && options[0]) setCadenceId(options[0].id);
  }, [cadenceId, options]);
  useEffect(() => {
    if (job.data?.state === "done")
      notifications.show({ color: "green", message: t("cadences.enrol.jobDone", job.data) });
  }, [job.data, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enrol.mutate(
      { cadenceId, body: { ...target, ...(startOn ? { startOn } : {}) } },
      {
        onSuccess: (r) => {
          if (r.jobId) {
            setJobId(r.jobId);
            notifications.show({ message: t("cadences.enrol.jobStarted", { matched: r.matched }) });
            return;
          }
          notifications.show({ color: "green", message: t("cadences.enrol.done", r) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("cadences.enrol.title")}>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            {"companyIds" in target
              ? t("cadences.enrol.target", { count: target.companyIds.length })
              : t("cadences.enrol.targetFilter")}
          </Text>
          {schemes.isSuccess && options.length === 0 ? (
            <Alert color="yellow">{t("cadences.enrol.noSchemes")}</Alert>
          ) : (
            <NativeSelect
              label={t("cadences.enrol.scheme")}
              data-autofocus
              value={cadenceId}
              data={options.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(e) => setCadenceId(e.currentTarget.value)}
            />
          )}
          <TextInput
            type="date"
            label={t("cadences.enrol.startOn")}
            description={t("cadences.enrol.startHint")}
            value={startOn}
            onChange={(e) => setStartOn(e.currentTarget.value)}
          />
          <ErrorAlert error={enrol.error} />
          {job.data && (
            <Stack gap={4}>
              <Text size="sm" aria-live="polite">
                {job.data.state === "done"
                  ? t("cadences.enrol.jobDone", job.data)
                  : t("cadences.enrol.jobProgress", {
                      processed: job.data.processed,
                      total: job.data.total ?? "?",
                    })}
              </Text>
              <Progress
                value={job.data.total ? (job.data.processed / job.data.total) * 100 : 0}
                aria-label={t("cadences.enrol.jobProgress", {
                  processed: job.data.processed,
                  total: job.data.total ?? "?",
                })}
              />
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={enrol.isPending} disabled={!cadenceId || !!jobId}>
              {t("cadences.enrol.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
