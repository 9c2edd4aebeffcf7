import { Group, Text, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function Logo() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={28} radius="md" aria-hidden>
        <svg viewBox="0 0 32 32" width={18} height={18} aria-hidden="true">
          <path
            d="M9 23 16 8l7 15m-11.5-5h9"
            fill="none"
            stroke="currentColor"
            strokeWidth={3}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </ThemeIcon>
      <Text fw={700} fz="lg" lh={1}>
        {t("app.name")}
      </Text>
    </Group>
  );
}
