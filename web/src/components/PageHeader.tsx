import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

export type PageHeaderProps = {
  title: string;
  description?: string;
  /** Primary actions of the page, aligned right. */
  actions?: ReactNode;
};

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    // The tab title tells a user with many tabs open which one is which.
    document.title = `${title} — ${t("app.name")}`;
  }, [title, t]);

  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="lg">
      <Stack gap={2}>
        <Title order={1} fz={22} fw={650}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
