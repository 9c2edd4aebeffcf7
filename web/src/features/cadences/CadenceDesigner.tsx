import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconChevronLeft, IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Cadence, CadenceStepInput, CadenceStepType } from "../../../../contracts/cadences";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { fieldErrorsOf } from "../../lib/api";
import { runMutation } from "../../lib/mutation";
import { CadenceEnrolments } from "./CadenceEnrolments";
import { move } from "./helpers";
import { useDeleteCadence, useSaveCadence } from "./hooks";

const TYPES: CadenceStepType[] = ["call", "email", "meeting", "task"];
type Step = CadenceStepInput & { key: number };
let keySerial = 0;
const blank = (): Step => ({ key: ++keySerial, type: "call", delayWorkingDays: 0, subject: "", script: "" });

/** The scheme designer: name, ordered steps with pauses and scripts; for a saved scheme also its clients. */
export function CadenceDesigner({ cadence }: { cadence?: Cadence }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCadence();
  const remove = useDeleteCadence();
  const [name, setName] = useState(cadence?.name ?? "");
  const [description, setDescription] = useState(cadence?.description ?? "");
  const [active, setActive] = useState(cadence?.active ?? true);
  const [steps, setSteps] = useState<Step[]>(
    cadence?.steps.map((s) => ({ ...s, key: ++keySerial, script: s.script ?? "" })) ?? [blank()],
  );
  const errors = fieldErrorsOf(save.error);

  const patch = (i: number, change: Partial<Step>) =>
    setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const shift = (i: number, by: -1 | 1) => {
    setSteps((list) => move(list, i, by));
    // Keep the focus on the moved step so a keyboard user can go on moving it.
    requestAnimationFrame(() => document.getElementById(`step-subject-${i + by}`)?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      description: description || null,
      active,
      steps: steps.map(({ key: _key, ...s }) => ({ ...s, script: s.script || null })),
    };
    runMutation(
      save,
      { id: cadence?.id, body: cadence ? { ...body, version: cadence.version } : body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "green", message: t("cadences.designer.saved") });
          navigate(`/cadences/${saved.id}`, { replace: true });
        },
      },
    );
  };

  const onDelete = () =>
    cadence &&
    remove.mutate(cadence.id, {
      onSuccess: () => {
        notifications.show({ message: t("cadences.designer.deleted") });
        navigate("/cadences");
      },
    });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cadences" size="sm" c="dimmed">
        <Group gap={2}>
          <IconChevronLeft size={14} aria-hidden />
          {t("cadences.title")}
        </Group>
      </Anchor>
      <PageHeader
        title={
          cadence
            ? t("cadences.designer.editTitle", { name: cadence.name })
            : t("cadences.designer.createTitle")
        }
        description={t("cadences.designer.scheduleNote")}
      />
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={save.error && !Object.keys(errors).length ? save.error : null} />
          <TextInput
            label={t("cadences.designer.name")}
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t("cadences.designer.description")}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Checkbox
            label={t("cadences.designer.active")}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Title order={2} fz="md" fw={600}>
            {t("cadences.designer.steps")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("cadences.designer.keyboardHint")}
          </Text>
          {errors.steps && (
            <Text size="sm" c="red">
              {errors.steps}
            </Text>
          )}
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {steps.map((s, i) => (
              <Paper
                key={s.key}
                withBorder
                radius="md"
                p="md"
                component="li"
                aria-label={t("cadences.designer.step", { n: i + 1 })}
              >
                <Group justify="space-between" mb="xs">
                  <Text fw={600}>{t("cadences.designer.step", { n: i + 1 })}</Text>
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t("cadences.designer.moveUp", { n: i + 1 })}
                      disabled={i === 0}
                      onClick={() => shift(i, -1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t("cadences.designer.moveDown", { n: i + 1 })}
                      disabled={i === steps.length - 1}
                      onClick={() => shift(i, 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("cadences.designer.removeStep", { n: i + 1 })}
                      disabled={steps.length === 1}
                      onClick={() => setSteps((list) => list.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <Group grow align="flex-start">
                  <NativeSelect
                    label={t("cadences.designer.type")}
                    value={s.type}
                    data={TYPES.map((type) => ({ value: type, label: t(`cadences.stepType.${type}`) }))}
                    onChange={(e) => patch(i, { type: e.currentTarget.value as CadenceStepType })}
                  />
                  <NumberInput
                    label={t("cadences.designer.delay")}
                    description={t("cadences.designer.delayHint")}
                    min={0}
                    max={250}
                    allowDecimal={false}
                    value={s.delayWorkingDays}
                    onChange={(v) =>
                      patch(i, { delayWorkingDays: typeof v === "number" ? v : Number(v) || 0 })
                    }
                    error={errors[`steps.${i}.delayWorkingDays`]}
                  />
                </Group>
                <TextInput
                  mt="xs"
                  id={`step-subject-${i}`}
                  label={t("cadences.designer.subject")}
                  required
                  value={s.subject}
                  onChange={(e) => patch(i, { subject: e.currentTarget.value })}
                  onKeyDown={(e) => {
                    if (e.altKey && e.key === "ArrowUp") {
                      e.preventDefault();
                      shift(i, -1);
                    }
                    if (e.altKey && e.key === "ArrowDown") {
                      e.preventDefault();
                      shift(i, 1);
                    }
                  }}
                  error={errors[`steps.${i}.subject`]}
                />
                <Textarea
                  mt="xs"
                  label={t("cadences.designer.script")}
                  autosize
                  minRows={2}
                  value={s.script ?? ""}
                  onChange={(e) => patch(i, { script: e.currentTarget.value })}
                />
              </Paper>
            ))}
          </Stack>
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setSteps((list) => [...list, blank()])}
            >
              {t("cadences.designer.addStep")}
            </Button>
            <Group>
              {cadence && (
                <Button variant="subtle" color="red" onClick={onDelete} loading={remove.isPending}>
                  {t("cadences.designer.delete")}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t("cadences.designer.save")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {cadence && <CadenceEnrolments cadence={cadence} />}
    </Stack>
  );
}
