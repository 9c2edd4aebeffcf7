import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Competitor, Pipeline, Stage } from "../../../../contracts/deals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { runMutation } from "../../lib/mutation";
import { useCompetitors, useLostReasons, usePipelines, useSavePipeline, useSettingsMutation } from "./hooks";

const KINDS = ["open", "won", "lost"] as const;

/** A key for a new stage: latin, unique within the pipeline. */
function newKey(stages: Stage[]): string {
  for (let i = stages.length + 1; ; i++) if (!stages.some((s) => s.key === `stage${i}`)) return `stage${i}`;
}

function PipelineEditor({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const [stages, setStages] = useState<Stage[]>(pipeline.stages);
  const save = useSavePipeline();
  const patch = (i: number, change: Partial<Stage>) =>
    setStages((list) => list.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const swap = (i: number, j: number) =>
    setStages((list) => {
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        runMutation(
          save,
          { id: pipeline.id, body: { name, stages, version: pipeline.version } },
          { onSuccess: () => notifications.show({ color: "green", message: t("deals.settings.saved") }) },
        );
      }}
    >
      <Stack>
        <TextInput
          label={t("deals.filters.pipeline")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("deals.settings.stageName")}</Table.Th>
              <Table.Th>{t("deals.settings.probability")}</Table.Th>
              <Table.Th>{t("deals.settings.kind")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage, i) => (
              <Table.Tr key={stage.key}>
                <Table.Td>
                  <TextInput
                    aria-label={`${t("deals.settings.stageName")} ${i + 1}`}
                    value={stage.name}
                    onChange={(e) => patch(i, { name: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t("deals.settings.probability")} ${i + 1}`}
                    min={0}
                    max={100}
                    w={90}
                    value={stage.probability}
                    onChange={(v) => patch(i, { probability: typeof v === "number" ? v : 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`${t("deals.settings.kind")} ${i + 1}`}
                    value={stage.kind}
                    onChange={(e) => patch(i, { kind: e.currentTarget.value as Stage["kind"] })}
                    data={KINDS.map((k) => ({ value: k, label: t(`deals.settings.kinds.${k}`) }))}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t("deals.settings.up")}
                      disabled={i === 0}
                      onClick={() => swap(i, i - 1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t("deals.settings.down")}
                      disabled={i === stages.length - 1}
                      onClick={() => swap(i, i + 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("deals.settings.remove")}
                      onClick={() => setStages((list) => list.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {save.error !== null && <ErrorAlert error={save.error} />}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              setStages((list) => {
                // A new open stage goes before the closing ones.
                const at = list.findIndex((s) => s.kind !== "open");
                const stage: Stage = { key: newKey(list), name: "", probability: 50, kind: "open" };
                return at < 0 ? [...list, stage] : [...list.slice(0, at), stage, ...list.slice(at)];
              })
            }
          >
            {t("deals.settings.addStage")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("deals.settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LostReasons() {
  const { t } = useTranslation();
  const reasons = useLostReasons(true);
  const [name, setName] = useState("");
  const mutate = useSettingsMutation<{
    add?: string;
    retire?: string;
    restore?: { id: string; version: number };
  }>(
    (b) =>
      b.add
        ? { method: "post", url: "/lost-reasons", body: { name: b.add } }
        : b.retire
          ? { method: "delete", url: `/lost-reasons/${b.retire}` }
          : {
              method: "patch",
              url: `/lost-reasons/${b.restore!.id}`,
              body: { active: true, version: b.restore!.version },
            },
    "lost-reasons",
  );
  return (
    <Stack>
      {reasons.data?.items.map((r) => (
        <Group key={r.id} justify="space-between">
          <Text size="sm" c={r.active ? undefined : "dimmed"} td={r.active ? undefined : "line-through"}>
            {r.name}
          </Text>
          {r.active ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => mutate.mutate({ retire: r.id })}>
              {t("deals.settings.retire")}
            </Button>
          ) : (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => mutate.mutate({ restore: { id: r.id, version: r.version } })}
            >
              {t("deals.settings.restore")}
            </Button>
          )}
        </Group>
      ))}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) mutate.mutate({ add: name.trim() }, { onSuccess: () => setName("") });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t("deals.settings.reasonName")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={mutate.isPending}>
            {t("deals.settings.addReason")}
          </Button>
        </Group>
      </form>
      {mutate.error !== null && <ErrorAlert error={mutate.error} />}
    </Stack>
  );
}

function Competitors() {
  const { t } = useTranslation();
  const list = useCompetitors();
  const [form, setForm] = useState({ name: "", inn: "", notes: "" });
  const mutate = useSettingsMutation<{ add?: typeof form; remove?: Competitor }>(
    (b) =>
      b.add
        ? {
            method: "post",
            url: "/competitors",
            body: { name: b.add.name, inn: b.add.inn || null, notes: b.add.notes || null },
          }
        : { method: "delete", url: `/competitors/${b.remove!.id}` },
    "competitors",
  );
  const errors = fieldErrorsOf(mutate.error);
  return (
    <Stack>
      {list.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("deals.settings.noCompetitors")}
        </Text>
      )}
      {list.data?.items.map((c) => (
        <Group key={c.id} justify="space-between">
          <Text size="sm">
            {c.name}
            {c.inn ? ` · ${c.inn}` : ""}
            {c.notes ? ` — ${c.notes}` : ""}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`${t("deals.settings.remove")}: ${c.name}`}
            onClick={() => mutate.mutate({ remove: c })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutate.mutate({ add: form }, { onSuccess: () => setForm({ name: "", inn: "", notes: "" }) });
        }}
      >
        <Group align="flex-start">
          <TextInput
            label={t("deals.settings.competitorName")}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
          />
          <TextInput
            label={t("deals.settings.inn")}
            value={form.inn}
            onChange={(e) => setForm({ ...form, inn: e.currentTarget.value })}
            error={errors.inn}
          />
          <TextInput
            label={t("deals.settings.notes")}
            value={form.notes}
            onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
          />
          <Button type="submit" mt={24} loading={mutate.isPending}>
            {t("deals.settings.addCompetitor")}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** Settings → Pipelines (admin): stages of each pipeline, lost reasons, competitors. */
export function PipelineSettings() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  if (pipelines.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (pipelines.isError) return <ErrorAlert error={pipelines.error} onRetry={() => pipelines.refetch()} />;
  return (
    <Stack gap="lg">
      {pipelines.data.items.map((p) => (
        <Paper key={`${p.id}:${p.version}`} withBorder p="md" radius="md">
          <Title order={2} fz={16} mb="md">
            {t("deals.settings.pipelines")}
          </Title>
          <PipelineEditor pipeline={p} />
        </Paper>
      ))}
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz={16} mb="md">
          {t("deals.settings.lostReasons")}
        </Title>
        <LostReasons />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz={16} mb="md">
          {t("deals.settings.competitors")}
        </Title>
        <Competitors />
      </Paper>
    </Stack>
  );
}
