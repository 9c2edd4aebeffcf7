import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp, IconChevronLeft, IconFileDescription, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Deal } from "../../../../contracts/deals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { ApiError, fieldErrorsOf } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { Timeline as ActivityTimeline } from "../activities/Timeline";
import { GradeBadge } from "../reliability/GradeBadge";
import { DealFormModal } from "./DealFormModal";
import { STATUS_COLORS } from "./DealsList";
import { formatAmount, formatDay, today } from "./format";
import {
  useAddLog,
  useDeal,
  useDealLog,
  useDealStages,
  useMoveDeal,
  usePipelines,
  useReopenDeal,
} from "./hooks";
import { CloseDealModal, type CloseExtras } from "./MoveModals";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || "—"}
      </Text>
    </Stack>
  );
}

function NegotiationLog({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const log = useDealLog(deal.id);
  const add = useAddLog(deal.id);
  const [on, setOn] = useState(today());
  const [text, setText] = useState("");
  const errors = fieldErrorsOf(add.error);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz={16} mb="sm">
        {t("deals.page.log")}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ on, text: text.trim() }, { onSuccess: () => setText("") });
        }}
      >
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            type="date"
            label={t("deals.page.logDate")}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={errors.on}
          />
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            label={t("deals.page.logText")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
          />
          <Button type="submit" loading={add.isPending}>
            {t("deals.page.addLog")}
          </Button>
        </Group>
      </form>
      {log.data && log.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("deals.page.noLog")}
        </Text>
      )}
      <Stack gap="xs">
        {log.data?.items.map((entry) => (
          <Stack key={entry.id} gap={0}>
            <Text size="xs" c="dimmed">
              {formatDay(entry.on, locale)} · {entry.userName}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {entry.text}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function StageHistory({ deal, names }: { deal: Deal; names: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stages = useDealStages(deal.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz={16} mb="sm">
        {t("deals.page.stages")}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {stages.data?.items.map((c) => (
          <Timeline.Item key={c.id} title={names.get(c.toStage) ?? c.toStage}>
            <Text size="xs" c="dimmed">
              {formatDateTime(c.at, locale)} · {c.userName ?? ""}
              {c.fromStage === null ? ` · ${t("deals.page.created")}` : ""}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** The deal's card: fields, needs, stage controls, negotiation log, stage history, reopen. */
export function DealCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useDeal(id);
  const pipelines = usePipelines();
  const move = useMoveDeal();
  const reopen = useReopenDeal();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<{ stage: string; kind: "won" | "lost" } | null>(null);
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const deal = query.data;
  const pipeline = pipelines.data?.items.find((p) => p.id === deal.pipelineId);
  const names = new Map((pipeline?.stages ?? []).map((s) => [s.key, s.name]));
  const open = deal.status === "open";
  const fail = (error: unknown) =>
    notifications.show({
      color: "red",
      title: t("errors.title"),
      message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
    });
  const doMove = (stage: string, extras: CloseExtras = {}) =>
    move.mutate(
      { id: deal.id, body: { stage, version: deal.version, ...extras } },
      { onSuccess: () => setClosing(null), onError: (e) => !closing && fail(e) },
    );
  const onStage = (stage: string) => {
    const kind = pipeline?.stages.find((s) => s.key === stage)?.kind;
    move.reset();
    if (kind === "lost" || (kind === "won" && !deal.amount)) setClosing({ stage, kind });
    else doMove(stage);
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/deals" size="sm" c="dimmed" style={{ alignSelf: "flex-start" }}>
        <Group gap={2}>
          <IconChevronLeft size={14} aria-hidden />
          {t("deals.page.back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz={22} fw={650}>
              {deal.title}
            </Title>
            <Badge color={STATUS_COLORS[deal.status]} variant="light" tt="none">
              {deal.stageName ?? deal.stage}
            </Badge>
          </Group>
          <Group gap={6}>
            <Anchor component={Link} to={`/clients/${deal.companyId}`} size="sm">
              {deal.companyName}
            </Anchor>
            <GradeBadge grade={deal.companyGrade} />
          </Group>
        </Stack>
        <Group gap="xs" align="flex-end">
          {open && pipeline && (
            <NativeSelect
              label={t("deals.move.stage")}
              value={deal.stage}
              onChange={(e) => onStage(e.currentTarget.value)}
              data={pipeline.stages.map((s) => ({ value: s.key, label: s.name }))}
            />
          )}
          {open && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t("deals.page.edit")}
            </Button>
          )}
          {open && (
            <Button
              component={Link}
              variant="default"
              leftSection={<IconFileDescription size={16} aria-hidden />}
              to={`/proposals/new?companyId=${deal.companyId}&dealId=${deal.id}`}
            >
              {t("deals.page.newProposal")}
            </Button>
          )}
          {!open && (
            <Button
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(
                  { id: deal.id, version: deal.version },
                  {
                    onSuccess: () =>
                      notifications.show({ color: "green", message: t("deals.page.reopened") }),
                    onError: fail,
                  },
                )
              }
            >
              {t("deals.page.reopen")}
            </Button>
          )}
        </Group>
      </Group>
      {!open && (
        <Alert color={deal.status === "won" ? "teal" : "red"} variant="light">
          {t("deals.page.closedNote")}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label={t("deals.page.amount")}>{formatAmount(deal.amount, deal.currency, locale)}</Field>
          <Field label={t("deals.page.probability")}>{`${deal.probability}%`}</Field>
          <Field label={t("deals.page.closeDate")}>{formatDay(deal.expectedCloseDate, locale)}</Field>
          <Field label={t("deals.page.owner")}>{deal.ownerName}</Field>
          <Field label={t("deals.page.contact")}>{deal.contactName}</Field>
          <Field label={t("deals.page.source")}>{deal.source}</Field>
          <Field label={t("deals.page.nextStep")}>
            {deal.nextStep ? `${deal.nextStep} · ${formatDay(deal.nextStepDate, locale)}` : ""}
          </Field>
          {deal.status === "lost" && (
            <>
              <Field label={t("deals.page.lost")}>
                {[deal.lostReason, deal.lostNote].filter(Boolean).join(" — ")}
              </Field>
              <Field label={t("deals.page.competitor")}>{deal.competitorName}</Field>
            </>
          )}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz={16} mb="sm">
          {t("deals.page.needs")}
        </Title>
        {deal.needs && (
          <Text size="sm" mb="sm" style={{ whiteSpace: "pre-wrap" }}>
            {deal.needs}
          </Text>
        )}
        {deal.needRows.length > 0 ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("deals.form.need")}</Table.Th>
                <Table.Th>{t("deals.form.level")}</Table.Th>
                <Table.Th>{t("deals.form.direction")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deal.needRows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: needs are ordered rows without ids
                <Table.Tr key={i}>
                  <Table.Td>{r.need}</Table.Td>
                  <Table.Td>{r.level}</Table.Td>
                  <Table.Td>{r.direction}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          !deal.needs && (
            <Text size="sm" c="dimmed">
              {t("deals.page.noNeeds")}
            </Text>
          )
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NegotiationLog deal={deal} />
        <StageHistory deal={deal} names={names} />
      </SimpleGrid>
      <section aria-label={t("deals.page.timeline")}>
        <ActivityTimeline dealId={deal.id} />
      </section>
      {editing && <DealFormModal opened deal={deal} onClose={() => setEditing(false)} />}
      <CloseDealModal
        key={closing ? closing.stage : "none"}
        deal={closing ? deal : null}
        kind={closing?.kind ?? null}
        error={closing ? move.error : null}
        pending={move.isPending}
        onCancel={() => setClosing(null)}
        onConfirm={(extras) => closing && doMove(closing.stage, extras)}
      />
    </Stack>
  );
}
