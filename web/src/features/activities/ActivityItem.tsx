import { Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Activity } from "../../../../contracts/activities";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { useCompleteActivity, useReopenActivity } from "./hooks";

const typeColors = { call: "blue", meeting: "grape", email: "cyan", note: "gray", task: "orange" } as const;

/**
 * One activity in a list: a checkbox completes it in one click (Space/Enter from the keyboard);
 * a meeting asks for its results first. Overdue items are red.
 */
export function ActivityItem({
  activity,
  showCompany = true,
}: {
  activity: Activity;
  showCompany?: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const complete = useCompleteActivity();
  const reopen = useReopenActivity();
  const [results, setResults] = useState(false);
  const done = activity.doneAt !== null;
  const when = activity.doneAt ?? activity.dueAt ?? activity.occurredAt;

  const fail = (error: unknown) =>
    notifications.show({
      color: "red",
      title: t("errors.title"),
      message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
    });

  const toggle = () => {
    if (done) {
      reopen.mutate(
        { id: activity.id, version: activity.version },
        {
          onSuccess: () => notifications.show({ message: t("activities.complete.reopened") }),
          onError: fail,
        },
      );
    } else if (activity.type === "meeting") {
      setResults(true);
    } else {
      complete.mutate(
        { id: activity.id, body: { version: activity.version } },
        {
          onSuccess: () => notifications.show({ color: "green", message: t("activities.complete.done") }),
          onError: fail,
        },
      );
    }
  };

  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      data-testid="activity-item"
      data-overdue={activity.overdue ? "true" : undefined}
      style={activity.overdue ? { borderColor: "var(--mantine-color-red-6)" } : undefined}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox
          mt={2}
          checked={done}
          onChange={toggle}
          disabled={complete.isPending || reopen.isPending}
          aria-label={
            done
              ? t("activities.complete.reopen")
              : t("activities.complete.markDone", { subject: activity.subject })
          }
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge size="sm" variant="light" color={typeColors[activity.type]}>
              {t(`activities.types.${activity.type}`)}
            </Badge>
            <Text
              fw={500}
              td={
                done && (activity.type === "task" || activity.type === "meeting") ? "line-through" : undefined
              }
              c={activity.overdue ? "red" : undefined}
            >
              {activity.subject}
            </Text>
            {activity.overdue && (
              <Badge size="sm" color="red">
                {t("activities.item.overdue")}
              </Badge>
            )}
          </Group>
          <Group gap="md" wrap="wrap">
            <Text size="xs" c={activity.overdue ? "red" : "dimmed"}>
              {formatDateTime(when, locale, me.timeZone)}
            </Text>
            {showCompany && activity.companyId && activity.companyName && (
              <Anchor component={Link} to={`/clients/${activity.companyId}?tab=timeline`} size="xs">
                {activity.companyName}
              </Anchor>
            )}
            {activity.ownerId !== me.id && activity.ownerName && (
              <Text size="xs" c="dimmed">
                {t("activities.item.owner", { name: activity.ownerName })}
              </Text>
            )}
          </Group>
          {activity.body && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {activity.body}
            </Text>
          )}
          {activity.outcome && (
            <Text size="sm">{t("activities.item.result", { outcome: activity.outcome })}</Text>
          )}
          {activity.agreements && (
            <Text size="sm">
              {t("activities.fields.agreements")}: {activity.agreements}
            </Text>
          )}
          {activity.nextStep && (
            <Text size="sm">
              {t("activities.fields.nextStep")}: {activity.nextStep}
            </Text>
          )}
        </Stack>
      </Group>
      <Modal
        opened={results}
        onClose={() => setResults(false)}
        title={t("activities.complete.resultTitle", { subject: activity.subject })}
      >
        <MeetingResultForm activity={activity} onDone={() => setResults(false)} />
      </Modal>
    </Paper>
  );
}

/** Outcome, agreements and the next step of a meeting, saved as it is completed. */
function MeetingResultForm({ activity, onDone }: { activity: Activity; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteActivity();
  const [v, setV] = useState({ outcome: "", agreements: "", nextStep: "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const orNull = (s: string) => s.trim() || null;
    complete.mutate(
      {
        id: activity.id,
        body: {
          version: activity.version,
          outcome: orNull(v.outcome),
          agreements: orNull(v.agreements),
          nextStep: orNull(v.nextStep),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("activities.complete.done") });
          onDone();
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={complete.error} />
        <Textarea
          label={t("activities.fields.outcome")}
          data-autofocus
          autosize
          minRows={2}
          value={v.outcome}
          onChange={(e) => setV({ ...v, outcome: e.currentTarget.value })}
        />
        <Textarea
          label={t("activities.fields.agreements")}
          autosize
          minRows={2}
          value={v.agreements}
          onChange={(e) => setV({ ...v, agreements: e.currentTarget.value })}
        />
        <Textarea
          label={t("activities.fields.nextStep")}
          autosize
          value={v.nextStep}
          onChange={(e) => setV({ ...v, nextStep: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={complete.isPending}>
            {t("activities.complete.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
