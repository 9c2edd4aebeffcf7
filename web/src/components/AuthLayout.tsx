import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../features/profile/LanguageSwitch";
import { ThemeToggle } from "../features/profile/ThemeToggle";
import { Logo } from "./Logo";

export type AuthLayoutProps = { title: string; subtitle: string; children: ReactNode; width?: number };

/** The frame of the pages seen before signing in: sign-in and first-run setup. */
export function AuthLayout({ title, subtitle, children, width = 420 }: AuthLayoutProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <Box mih="100dvh" bg="var(--mantine-color-body)" style={{ display: "flex", flexDirection: "column" }}>
      <Group justify="space-between" px="lg" py="md">
        <Logo />
        <Group gap="xs">
          <LanguageSwitch />
          <ThemeToggle />
        </Group>
      </Group>
      <Center style={{ flex: 1 }} px="md" pb={80}>
        <Stack w="100%" maw={width} gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={24} fw={650}>
              {title}
            </Title>
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          </Stack>
          <Paper withBorder radius="md" p="xl" shadow="xs">
            {children}
          </Paper>
          <Text c="dimmed" size="xs" ta="center">
            {t("app.tagline")}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
