import { Box, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type DataItem = { label: string; value: ReactNode; wide?: boolean };

/** Label–value pairs as a description list: read-only cards of a record. */
export function DataList({ items, cols = 2 }: { items: DataItem[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="lg" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label} style={item.wide ? { gridColumn: "1 / -1" } : undefined}>
          <Text component="dt" size="xs" c="dimmed" fw={500} mb={2}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
            {item.value === null || item.value === undefined || item.value === "" ? (
              <Text span c="dimmed" size="sm">
                {t("common.notSet")}
              </Text>
            ) : (
              item.value
            )}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
