import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export type SectionCardProps = {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
};

/** A titled block of a page, e.g. one group of settings. */
export function SectionCard({ title, description, actions, children }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" component="section">
      <Group justify="space-between" align="flex-start" mb="md" gap="md" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1 }}>
          <Title order={2} fz="md" fw={600}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
