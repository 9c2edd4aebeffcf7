import "@mantine/charts/styles.css";
import { BarChart, FunnelChart } from "@mantine/charts";
import {
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Forecast } from "../../../../contracts/deals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { useCurrentUser } from "../auth/currentUser";
import { usePeople } from "../clients/people";
import { formatAmount, roubles } from "./format";
import { useForecast } from "./hooks";

const yearStart = () => `${new Date().getUTCFullYear()}-01-01`;
const yearEnd = () => `${new Date().getUTCFullYear()}-12-31`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz={16} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t("deals.reports.empty")}
    </Text>
  );
}

function Charts({ f }: { f: Forecast }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Chart axis values: numbers with grouped digits, in the report's currency (chosen above the charts).
  const grouped = (value: number) => new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB").format(value);
  const money = (s: string) => formatAmount(s, f.currency, locale);
  const amount = t("deals.reports.amount");
  const weighted = t("deals.reports.weighted");
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Section title={t("deals.reports.byMonth")}>
        {f.byMonth.length ? (
          <BarChart
            h={260}
            data={f.byMonth.map((m) => ({
              month: m.month,
              [amount]: roubles(m.amount),
              [weighted]: roubles(m.weighted),
            }))}
            dataKey="month"
            valueFormatter={grouped}
            withLegend
            series={[
              { name: amount, color: "gray.5" },
              { name: weighted, color: "blue.6" },
            ]}
          />
        ) : (
          <Empty />
        )}
      </Section>
      <Section title={t("deals.reports.byOwner")}>
        {f.byOwner.length ? (
          <BarChart
            h={260}
            orientation="vertical"
            data={f.byOwner.map((o) => ({
              owner: o.ownerName,
              [weighted]: roubles(o.weighted),
              [amount]: roubles(o.amount),
            }))}
            dataKey="owner"
            valueFormatter={grouped}
            withLegend
            yAxisProps={{ width: 140 }}
            series={[
              { name: weighted, color: "blue.6" },
              { name: amount, color: "gray.5" },
            ]}
          />
        ) : (
          <Empty />
        )}
      </Section>
      <Section title={t("deals.reports.closed")}>
        <Group gap="xl" mb="sm">
          <Text size="sm" c="teal">
            {t("deals.reports.won", { count: f.won.count, sum: money(f.won.amount) })}
          </Text>
          <Text size="sm" c="red">
            {t("deals.reports.lost", { count: f.lost.count, sum: money(f.lost.amount) })}
          </Text>
        </Group>
        {f.closedByMonth.length ? (
          <BarChart
            h={220}
            data={f.closedByMonth.map((m) => ({
              month: m.month,
              [t("deals.reports.wonAmount")]: roubles(m.wonAmount),
              [t("deals.reports.lostAmount")]: roubles(m.lostAmount),
            }))}
            dataKey="month"
            valueFormatter={grouped}
            withLegend
            series={[
              { name: t("deals.reports.wonAmount"), color: "teal.6" },
              { name: t("deals.reports.lostAmount"), color: "red.6" },
            ]}
          />
        ) : (
          <Empty />
        )}
      </Section>
      <Section title={t("deals.reports.conversion")}>
        {f.conversion[0]?.reached ? (
          <Group align="flex-start" wrap="nowrap">
            <FunnelChart
              size={220}
              withTooltip
              data={f.conversion.map((c, i) => ({
                name: c.name,
                value: c.reached,
                color: `blue.${Math.max(2, 9 - i)}`,
              }))}
            />
            <Table aria-label={t("deals.reports.conversion")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("deals.list.stage")}</Table.Th>
                  <Table.Th ta="right">{t("deals.reports.reached")}</Table.Th>
                  <Table.Th ta="right">{t("deals.reports.rate")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.conversion.map((c) => (
                  <Table.Tr key={c.stage}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td ta="right">{c.reached}</Table.Td>
                    <Table.Td ta="right">
                      {c.rate === null ? "—" : `${Math.round(c.rate * 1000) / 10}%`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        ) : (
          <Empty />
        )}
      </Section>
      <Section title={t("deals.reports.cycle")}>
        {f.cycle.averageDays === null ? (
          <Text size="sm" c="dimmed">
            {t("deals.reports.noCycle")}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text fz={32} fw={700}>
              {t("deals.reports.cycleDays", { days: f.cycle.averageDays })}
            </Text>
            <Text size="sm" c="dimmed">
              {t("deals.reports.cycleCount", { count: f.cycle.count })}
            </Text>
          </Stack>
        )}
      </Section>
    </SimpleGrid>
  );
}

/** Reports: the sales forecast for a period (a head sees the team, an admin all, a manager own). */
export function ForecastReport() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { people } = usePeople();
  const [from, setFrom] = useState(yearStart());
  const [to, setTo] = useState(yearEnd());
  const [ownerId, setOwnerId] = useState("");
  const [currency, setCurrency] = useState("");
  const valid = /^\d{4}-\d\d-\d\d$/.test(from) && /^\d{4}-\d\d-\d\d$/.test(to);
  const forecast = useForecast({ from, to, ownerId: ownerId || undefined, currency: currency || undefined });
  // Offered once the deals are in more than one currency: sums are never added across them.
  const currencies = forecast.data?.currencies ?? [];
  return (
    <>
      <PageHeader title={t("deals.reports.title")} description={t("deals.reports.subtitle")} />
      <Stack>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t("deals.reports.from")}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("deals.reports.to")}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          {me.role !== "manager" && (
            <NativeSelect
              label={t("deals.filters.owner")}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              data={[
                { value: "", label: t("deals.filters.anyOwner") },
                ...people.map((p) => ({ value: p.id, label: p.fullName })),
              ]}
            />
          )}
          {(currencies.length > 1 || currency) && (
            <NativeSelect
              label={t("deals.reports.currency")}
              value={currency || forecast.data?.currency || ""}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              data={[...new Set([...currencies, ...(currency ? [currency] : [])])]}
            />
          )}
        </Group>
        {!valid ? null : forecast.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : forecast.isError ? (
          <ErrorAlert error={forecast.error} onRetry={() => forecast.refetch()} />
        ) : (
          <Charts f={forecast.data} />
        )}
      </Stack>
    </>
  );
}
