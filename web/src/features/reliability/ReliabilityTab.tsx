import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Reliability } from "../../../../contracts/reliability";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { formatDate } from "../clients/format";
import { GradeBadge } from "./GradeBadge";
import { useOverride, useRefreshRegistry, useReliability } from "./hooks";
import { RegistryBlock } from "./RegistryBlock";
import { ModelsTable, PaymentBlock } from "./ReliabilityParts";
import { StatementsEditor } from "./StatementsEditor";

function OverrideModal({ r, opened, onClose }: { r: Reliability; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useOverride(r.companyId);
  const [grade, setGrade] = useState<string>(r.override?.grade ?? "");
  const [reason, setReason] = useState("");
  const errors = fieldErrorsOf(save.error);
  return (
    <Modal opened={opened} onClose={onClose} title={t("reliability.override.title")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { grade: grade === "" ? null : (grade as "A" | "B" | "C" | "D"), reason },
            {
              onSuccess: () => {
                notifications.show({ color: "green", message: t("reliability.override.done") });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <NativeSelect
            label={t("reliability.override.grade")}
            value={grade}
            onChange={(e) => setGrade(e.currentTarget.value)}
            data={[
              { value: "", label: `${t("reliability.override.computed")} (${r.computedGrade ?? "—"})` },
              ...(["A", "B", "C", "D"] as const).map((g) => ({
                value: g,
                label: `${g} — ${t(`reliability.gradeNames.${g}`)}`,
              })),
            ]}
          />
          <Textarea
            label={t("reliability.override.reason")}
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={3}
          />
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("reliability.override.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function GradeSection({ r, canOverride }: { r: Reliability; canOverride: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [overriding, setOverriding] = useState(false);
  return (
    <SectionCard
      title={t("reliability.grade")}
      description={t("reliability.computedAt", { date: formatDate(r.computedAt, locale) })}
      actions={
        canOverride && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setOverriding(true)}
          >
            {t("reliability.override.action")}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {r.grade ? (
          <Group gap="md" align="center">
            <GradeBadge grade={r.grade} size="xl" />
            <Stack gap={0}>
              <Title order={3} fz="lg" data-testid="reliability-grade">
                {t("reliability.gradeOf", { grade: r.grade })} — {t(`reliability.gradeNames.${r.grade}`)}
              </Title>
              {r.score !== null && (
                <Text size="sm" c="dimmed">
                  {t("reliability.score", { score: r.score.toLocaleString(locale) })}
                </Text>
              )}
            </Stack>
          </Group>
        ) : (
          <Stack gap={2}>
            <Text fw={600}>{t("reliability.noGrade")}</Text>
            <Text size="sm" c="dimmed">
              {t("reliability.noGradeText")}
            </Text>
          </Stack>
        )}
        {r.stop && <Alert color="red">{t("reliability.stop")}</Alert>}
        {r.override && (
          <Alert color="blue" variant="light">
            {t("reliability.overridden", {
              grade: r.override.grade,
              computed: r.computedGrade ?? "—",
              reason: r.override.reason,
            })}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("reliability.factors")}
          </Text>
          <Table verticalSpacing={6} aria-label={t("reliability.factors")}>
            <Table.Tbody>
              {r.factors.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td w={200} fw={500}>
                    {t(`reliability.factorNames.${f.id}`)}
                  </Table.Td>
                  <Table.Td w={140}>
                    {f.score === null ? (
                      <Text size="xs" c="dimmed">
                        {t("reliability.notCounted")}
                      </Text>
                    ) : (
                      <Progress
                        value={f.score}
                        color={f.score >= 70 ? "green" : f.score >= 40 ? "yellow" : "red"}
                        aria-label={`${f.score}`}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.explanation}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t("reliability.limit.title")}
          </Text>
          <Text size="xl" fw={700} data-testid="credit-limit">
            {Number(r.recommendedCreditLimit).toLocaleString(locale, { maximumFractionDigits: 2 })} ₽
          </Text>
          <Text size="sm" c="dimmed">
            {r.creditLimit.explanation}
          </Text>
        </Stack>
      </Stack>
      {canOverride && overriding && (
        <OverrideModal r={r} opened={overriding} onClose={() => setOverriding(false)} />
      )}
    </SectionCard>
  );
}

/** The company card's "Reliability" tab. */
export function ReliabilityTab({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const me = useCurrentUser();
  const query = useReliability(companyId);
  const refresh = useRefreshRegistry(companyId);
  if (query.isPending) return <Loader aria-label="…" />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const r = query.data;
  const canOverride = canEdit && (me.role === "admin" || me.role === "head");
  return (
    <Stack gap="lg">
      <GradeSection r={r} canOverride={canOverride} />
      <RegistryBlock
        registry={r.registry}
        onRefresh={() => refresh.mutate()}
        refreshing={refresh.isPending}
        canRefresh={canEdit}
      />
      <StatementsEditor companyId={companyId} canEdit={canEdit} />
      <ModelsTable r={r} />
      <PaymentBlock r={r} canEdit={canEdit} />
    </Stack>
  );
}
