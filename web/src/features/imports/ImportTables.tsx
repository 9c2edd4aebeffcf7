import { Badge, Center, Loader, Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Import } from "../../../../contracts/imports";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useImportPlan } from "./hooks";
import { fieldLabel } from "./labels";
import type { Outcome } from "./plan";

const OUTCOME_COLORS: Record<Outcome, string> = {
  create: "teal",
  update: "blue",
  unchanged: "gray",
  reject: "red",
};

/** The dry run, row by row: what each row of the file would become, and why a row is rejected. */
export function PlanTable({ data }: { data: Import }) {
  const { t } = useTranslation();
  const plan = useImportPlan(data.id, true);
  if (plan.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="plan-title">
      <Title order={2} fz="md" fw={600} id="plan-title">
        {t("imports.planTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("imports.planText")}
        {plan.data.truncated && ` ${t("imports.planTruncated", { count: plan.data.rows.length })}`}
      </Text>
      <Table.ScrollContainer minWidth={760} type="native" maxHeight={520}>
        <Table stickyHeader verticalSpacing={6} striped aria-label={t("imports.planLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t("imports.row")}</Table.Th>
              <Table.Th w={140}>{t("imports.outcome")}</Table.Th>
              <Table.Th>{t("imports.nameCol")}</Table.Th>
              <Table.Th w={180}>{t("imports.field")}</Table.Th>
              <Table.Th>{t("imports.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.data.rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several notes.
              <Table.Tr key={`${row.row}-${index}`}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    tt="none"
                    color={row.outcome ? OUTCOME_COLORS[row.outcome] : "gray"}
                  >
                    {row.outcome ? t(`imports.outcomes.${row.outcome}`) : row.action}
                  </Badge>
                </Table.Td>
                <Table.Td>{[row.name, row.inn].filter(Boolean).join(" · ")}</Table.Td>
                <Table.Td>{row.field ? fieldLabel(data.entity, row.field) : ""}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The rejected rows of a finished import (the first 100; the report has them all). */
export function ErrorsTable({ data }: { data: Import }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="errors-title">
      <Title order={2} fz="md" fw={600} id="errors-title" mb="sm">
        {t("imports.errorsTitle")}
      </Title>
      {data.errors.length < data.failed && (
        <Text size="sm" c="dimmed" mb="sm">
          {t("imports.errorsTruncated", { count: data.errors.length })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640} type="native" maxHeight={520}>
        <Table stickyHeader verticalSpacing={6} striped aria-label={t("imports.errorsTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t("imports.row")}</Table.Th>
              <Table.Th w={200}>{t("imports.field")}</Table.Th>
              <Table.Th>{t("imports.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several errors.
              <Table.Tr key={`${error.row}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.path ? fieldLabel(data.entity, error.path) : ""}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
