import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../../contracts/companies";

const STATUS_COLORS: Record<Company["status"], string> = {
  prospect: "blue",
  client: "teal",
  former: "gray",
};

export function StatusBadge({ status, size = "sm" }: { status: Company["status"]; size?: "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} tt="none" fw={500} miw="max-content">
      {t(`company.status.${status}`)}
    </Badge>
  );
}

/** Tags as small outlined chips; the first few, then "+N", so a row stays one line high. */
export function TagList({ tags, max = 3, wrap = false }: { tags: string[]; max?: number; wrap?: boolean }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, max);
  return (
    <Group gap={4} wrap={wrap ? "wrap" : "nowrap"}>
      {shown.map((tag) => (
        <Badge
          key={tag}
          variant="outline"
          color="gray"
          size="sm"
          tt="none"
          fw={500}
          radius="sm"
          miw="max-content"
        >
          {tag}
        </Badge>
      ))}
      {tags.length > max && (
        <Text size="xs" c="dimmed" title={tags.slice(max).join(", ")}>
          +{tags.length - max}
        </Text>
      )}
    </Group>
  );
}
