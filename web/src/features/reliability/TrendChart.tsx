import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { normaliseAmount } from "../../../../core/reliability/statements";

const SERIES = [
  { code: "2110", color: "blue.6" },
  { code: "1300", color: "teal.6" },
  { code: "2400", color: "orange.6" },
] as const;

/** Revenue, equity and net profit over the saved years: the trend a table of numbers hides. */
export function TrendChart({ years }: { years: { year: number; lines: Record<string, string> }[] }) {
  const { t } = useTranslation();
  if (years.length < 2) return null;
  const value = (lines: Record<string, string>, code: string) => {
    const v = lines[code] === undefined ? null : normaliseAmount(lines[code]);
    return v === null ? null : Number(v);
  };
  const data = years.map((y) => ({
    year: String(y.year),
    ...Object.fromEntries(
      SERIES.map((s) => [t(`reliability.statements.lines.${s.code}`), value(y.lines, s.code)]),
    ),
  }));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("reliability.statements.trend")}
      </Text>
      <LineChart
        h={220}
        data={data}
        dataKey="year"
        withLegend
        connectNulls
        series={SERIES.map((s) => ({ name: t(`reliability.statements.lines.${s.code}`), color: s.color }))}
        valueFormatter={(v) => v.toLocaleString("ru-RU")}
        aria-label={t("reliability.statements.trend")}
      />
    </Stack>
  );
}
