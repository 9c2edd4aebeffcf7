import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRoute } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../../contracts/companies";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { EnrolModal } from "./EnrolModal";
import { EnrolmentsTable } from "./EnrolmentsTable";
import { useCompanyTarget, useSaveCompanyTarget } from "./hooks";

/** On the company card: "last contact N days ago", the contact target (own or default) and the schemes. */
export function CompanyContactPanel({ company }: { company: Company }) {
  const { t } = useTranslation();
  const target = useCompanyTarget(company.id);
  const save = useSaveCompanyTarget(company.id);
  const [override, setOverride] = useState<number | string>("");
  const [enrolling, setEnrolling] = useState(false);
  const data = target.data;

  useEffect(() => {
    if (data) setOverride(data.overrideDays ?? "");
  }, [data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(override === "" ? null : Number(override), {
      onSuccess: () => notifications.show({ color: "green", message: t("cadences.card.targetSaved") }),
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("cadences.card.title")}>
      <Group justify="space-between" align="flex-start" gap="lg">
        <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
          <Title order={2} fz="md" fw={600}>
            {t("cadences.card.title")}
          </Title>
          {data && (
            <>
              <Text size="sm" data-testid="last-contact">
                {t("cadences.card.lastContact")}:{" "}
                <b>
                  {data.lastContactAt
                    ? t("cadences.card.daysAgo", { count: data.daysSinceContact })
                    : t("cadences.card.never", { days: data.daysSinceContact })}
                </b>
              </Text>
              <Text size="sm">
                {t("cadences.card.target")}:{" "}
                <b>
                  {data.days
                    ? t("cadences.card.targetValue", { days: data.days })
                    : t("cadences.card.noTarget")}
                </b>{" "}
                {data.days ? (
                  <Text span c="dimmed" size="sm">
                    ({t(`cadences.card.source.${data.source}`)})
                  </Text>
                ) : null}
              </Text>
              {data.days &&
                (data.overdueDays > 0 ? (
                  <Badge color="red" variant="light">
                    {t("cadences.card.overdue", { days: data.overdueDays, working: data.overdueWorkingDays })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t("cadences.card.onTrack")}
                  </Badge>
                ))}
            </>
          )}
          <ErrorAlert error={target.error} />
        </Stack>
        <form noValidate onSubmit={submit}>
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t("cadences.card.override")}
              description={t("cadences.card.overrideHint")}
              min={1}
              max={730}
              allowDecimal={false}
              w={200}
              value={override}
              onChange={setOverride}
              error={fieldErrorsOf(save.error).days}
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              {t("cadences.card.saveTarget")}
            </Button>
          </Group>
        </form>
      </Group>
      <Group justify="space-between" mt="md" mb="xs">
        <Text fw={600} size="sm">
          {t("cadences.card.schemes")}
        </Text>
        <Button
          size="xs"
          leftSection={<IconRoute size={14} aria-hidden />}
          onClick={() => setEnrolling(true)}
        >
          {t("cadences.enrol.button")}
        </Button>
      </Group>
      <EnrolmentsTable scope={{ companyId: company.id }} empty={t("cadences.card.noEnrolments")} />
      {enrolling && (
        <EnrolModal opened target={{ companyIds: [company.id] }} onClose={() => setEnrolling(false)} />
      )}
    </Paper>
  );
}
