import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Anchor, Badge, Button, Center, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus, IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/currentUser";
import { useCadences } from "./hooks";

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");

/** Every scheme with its numbers; a chart compares enrolled, in progress and converted at a glance. */
export function CadencesList() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useCadences();
  const items = list.data?.items ?? [];
  const mayDesign = me.role !== "department";

  return (
    <>
      <PageHeader
        title={t("cadences.title")}
        description={t("cadences.subtitle")}
        actions={
          mayDesign && (
            <Button component={Link} to="/cadences/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t("cadences.newScheme")}
            </Button>
          )
        }
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconRoute size={28} />}
          title={t("cadences.emptyTitle")}
          text={t("cadences.emptyText")}
          action={
            mayDesign && (
              <Button component={Link} to="/cadences/new">
                {t("cadences.newScheme")}
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="md" fw={600} mb="sm">
              {t("cadences.chartTitle")}
            </Title>
            <BarChart
              h={Math.max(160, items.length * 44)}
              data={items.map((c) => ({
                name: c.name,
                enrolled: c.stats?.enrolled ?? 0,
                inProgress: c.stats?.inProgress ?? 0,
                converted: c.stats?.converted ?? 0,
              }))}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 180 }}
              withLegend
              series={[
                { name: "enrolled", label: t("cadences.chart.enrolled"), color: "blue.6" },
                { name: "inProgress", label: t("cadences.chart.inProgress"), color: "yellow.6" },
                { name: "converted", label: t("cadences.chart.converted"), color: "teal.6" },
              ]}
            />
          </Paper>
          <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("cadences.columns.name")}</Table.Th>
                  <Table.Th>{t("cadences.columns.status")}</Table.Th>
                  <Table.Th>{t("cadences.columns.steps")}</Table.Th>
                  <Table.Th>{t("cadences.columns.owner")}</Table.Th>
                  <Table.Th ta="right">{t("cadences.columns.enrolled")}</Table.Th>
                  <Table.Th ta="right">{t("cadences.columns.inProgress")}</Table.Th>
                  <Table.Th ta="right">{t("cadences.columns.converted")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cadences/${c.id}`} fw={500}>
                        {c.name}
                      </Anchor>
                      {c.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.active ? "teal" : "gray"}>
                        {c.active ? t("cadences.active") : t("cadences.inactive")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.steps.map((s) => t(`cadences.stepType.${s.type}`)).join(" → ")}</Table.Td>
                    <Table.Td>{c.ownerName ?? "—"}</Table.Td>
                    <Table.Td ta="right">{c.stats?.enrolled ?? 0}</Table.Td>
                    <Table.Td ta="right">{c.stats?.inProgress ?? 0}</Table.Td>
                    <Table.Td ta="right">
                      {c.stats?.converted ?? 0} ({percent(c.stats?.converted ?? 0, c.stats?.enrolled ?? 0)})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  );
}
