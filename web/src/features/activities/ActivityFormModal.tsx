import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityCreate, ActivityType } from "../../../../contracts/activities";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { usePeople } from "../clients/people";
import { useCreateActivity } from "./hooks";
import { fromLocalInput, toLocalInput } from "./time";

export type ActivityTarget = { companyId?: string; contactId?: string; dealId?: string };

const planned = (type: ActivityType) => type === "task" || type === "meeting";

/** One form for every type: what a type does not use is not shown. */
export function ActivityFormModal({
  type,
  target,
  onClose,
}: {
  type: ActivityType | null;
  target: ActivityTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={type !== null}
      onClose={onClose}
      size="lg"
      title={type ? t("activities.form.createTitle", { type: t(`activities.types.${type}`) }) : ""}
    >
      {type && <ActivityForm key={type} type={type} target={target} onDone={onClose} />}
    </Modal>
  );
}

function ActivityForm({
  type,
  target,
  onDone,
}: {
  type: ActivityType;
  target: ActivityTarget;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { people } = usePeople();
  const create = useCreateActivity();
  const hourAhead = new Date(Date.now() + 3_600_000);
  hourAhead.setMinutes(0, 0, 0);
  const [v, setV] = useState({
    subject: "",
    body: "",
    dueAt: planned(type) ? toLocalInput(hourAhead.toISOString(), me.timeZone) : "",
    endAt: "",
    remindAt: "",
    ownerId: me.id,
    direction: type === "call" || type === "email" ? "out" : "",
    done: !planned(type),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) =>
    setV((s) => ({ ...s, [key]: value }));
  const owners = [me, ...people.filter((p) => p.id !== me.id && p.active)];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ActivityCreate = {
      type,
      subject: v.subject,
      body: v.body.trim() || null,
      dueAt: fromLocalInput(v.dueAt, me.timeZone),
      endAt: type === "meeting" ? fromLocalInput(v.endAt, me.timeZone) : null,
      remindAt: planned(type) ? fromLocalInput(v.remindAt, me.timeZone) : null,
      ownerId: v.ownerId,
      direction: v.direction === "in" || v.direction === "out" ? v.direction : null,
      doneAt: !planned(type) && v.done ? new Date().toISOString() : null,
      companyId: target.companyId ?? null,
      contactId: target.contactId ?? null,
      dealId: target.dealId ?? null,
    };
    setErrors({});
    setFailure(null);
    create.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("activities.form.created") });
        onDone();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        if (!Object.keys(fields).length) setFailure(error);
        else setFailure(error);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={failure} />
        <TextInput
          label={t("activities.fields.subject")}
          required
          data-autofocus
          value={v.subject}
          onChange={(e) => set("subject", e.currentTarget.value)}
          error={errors.subject}
        />
        <Textarea
          label={t("activities.fields.body")}
          autosize
          minRows={2}
          value={v.body}
          onChange={(e) => set("body", e.currentTarget.value)}
          error={errors.body}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t("activities.fields.dueAt")}
            required={planned(type)}
            value={v.dueAt}
            onChange={(e) => set("dueAt", e.currentTarget.value)}
            error={errors.dueAt}
          />
          {type === "meeting" && (
            <TextInput
              type="datetime-local"
              label={t("activities.fields.endAt")}
              value={v.endAt}
              onChange={(e) => set("endAt", e.currentTarget.value)}
              error={errors.endAt}
            />
          )}
          {planned(type) && (
            <TextInput
              type="datetime-local"
              label={t("activities.fields.remindAt")}
              value={v.remindAt}
              onChange={(e) => set("remindAt", e.currentTarget.value)}
              error={errors.remindAt}
            />
          )}
          <NativeSelect
            label={t("activities.fields.owner")}
            value={v.ownerId}
            onChange={(e) => set("ownerId", e.currentTarget.value)}
            error={errors.ownerId}
            data={owners.map((p) => ({ value: p.id, label: p.fullName }))}
          />
          {(type === "call" || type === "email") && (
            <NativeSelect
              label={t("activities.fields.direction")}
              value={v.direction}
              onChange={(e) => set("direction", e.currentTarget.value)}
              data={[
                { value: "out", label: t("activities.fields.directionOut") },
                { value: "in", label: t("activities.fields.directionIn") },
              ]}
            />
          )}
        </SimpleGrid>
        {!planned(type) && (
          <Checkbox
            label={t("activities.fields.done")}
            checked={v.done}
            onChange={(e) => set("done", e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("activities.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
