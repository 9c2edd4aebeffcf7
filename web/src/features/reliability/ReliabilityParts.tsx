import { Alert, Button, FileButton, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Reliability } from "../../../../contracts/reliability";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { useImportHistory } from "./hooks";

const ZONE_COLOR = { safe: "green", grey: "orange", distress: "red" } as const;

/** Every model on its own row: value, thresholds, zone, verdict and the plain explanation. */
export function ModelsTable({ r }: { r: Reliability }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zones = new Set(r.models.map((m) => m.zone).filter(Boolean));
  return (
    <SectionCard
      title={t("reliability.models.title")}
      description={r.modelsYear ? t("reliability.models.year", { year: r.modelsYear }) : undefined}
    >
      {r.models.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reliability.models.none")}
        </Text>
      ) : (
        <Stack gap="sm">
          {zones.size > 1 && (
            <Alert color="yellow" variant="light">
              {t("reliability.models.disagree")}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label={t("reliability.models.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reliability.models.name")}</Table.Th>
                  <Table.Th ta="right">{t("reliability.models.value")}</Table.Th>
                  <Table.Th w={190}>{t("reliability.models.zone")}</Table.Th>
                  <Table.Th>{t("reliability.models.explain")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.models.map((m) => (
                  <Table.Tr key={m.name} data-model={m.name}>
                    <Table.Td fw={500}>{m.name}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                      {m.value === null ? "—" : m.value.toLocaleString(locale, { maximumFractionDigits: 4 })}
                    </Table.Td>
                    <Table.Td>
                      {m.zone ? (
                        <Text size="sm" fw={600} c={`${ZONE_COLOR[m.zone]}.8`}>
                          {m.verdict}
                        </Text>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{m.explanation}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </SectionCard>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Stack>
  );
}

/** Overdue invoices, days late, DSO and the share paid on time; CSV import when there are no invoices. */
export function PaymentBlock({ r, canEdit }: { r: Reliability; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const p = r.payment;
  const upload = useImportHistory(r.companyId);
  const onFile = async (file: File | null) => {
    if (!file) return;
    const csv = await file.text();
    upload.mutate(csv, {
      onSuccess: (res) =>
        notifications.show({
          color: "green",
          message: t("reliability.payment.imported", { count: res.items.length }),
        }),
    });
  };
  const num = (v: number | null) =>
    v === null ? "—" : v.toLocaleString(locale, { maximumFractionDigits: 1 });
  return (
    <SectionCard
      title={t("reliability.payment.title")}
      description={
        p.source === "invoices"
          ? t("reliability.payment.sourceInvoices")
          : p.source === "history"
            ? t("reliability.payment.sourceHistory")
            : undefined
      }
      actions={
        canEdit &&
        p.source !== "invoices" && (
          <FileButton onChange={onFile} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
              >
                {t("reliability.payment.import")}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={upload.error} />
        {p.source === "none" ? (
          <Text size="sm" c="dimmed">
            {t("reliability.payment.none")}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Stat label={t("reliability.payment.overdue")} value={String(p.overdue)} />
            <Stat
              label={t("reliability.payment.overdueAmount")}
              value={`${Number(p.overdueAmount).toLocaleString(locale, { maximumFractionDigits: 2 })} ₽`}
            />
            <Stat label={t("reliability.payment.daysLate")} value={num(p.averageDaysLate)} />
            <Stat label={t("reliability.payment.dso")} value={num(p.dso)} />
            <Stat
              label={t("reliability.payment.onTime")}
              value={p.onTimeShare === null ? "—" : `${Math.round(p.onTimeShare * 100)}%`}
            />
          </SimpleGrid>
        )}
      </Stack>
    </SectionCard>
  );
}
