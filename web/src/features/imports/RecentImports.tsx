import { Anchor, Badge, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { formatNumber } from "../clients/format";
import { useRecentImports } from "./hooks";

export const STATUS_COLORS = {
  queued: "gray",
  running: "blue",
  done: "teal",
  failed: "red",
  cancelled: "orange",
} as const;

/** The user's last imports, each a link back to its result (and its error report). */
export function RecentImports() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const imports = useRecentImports();
  const locale = currentLocale();
  const items = imports.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="recent-imports">
      <Title order={2} fz="md" fw={600} mb="sm" id="recent-imports">
        {t("imports.recent")}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing={6} aria-label={t("imports.recentLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("imports.when")}</Table.Th>
              <Table.Th>{t("imports.file")}</Table.Th>
              <Table.Th>{t("imports.statusCol")}</Table.Th>
              <Table.Th>{t("imports.result")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(item.createdAt, locale, me.timeZone)}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clients/import/${item.id}`} size="sm">
                    {item.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="sm" variant="light" tt="none" color={STATUS_COLORS[item.status]}>
                      {t(`imports.statuses.${item.status}`)}
                    </Badge>
                    {item.dryRun && (
                      <Badge size="sm" variant="outline" color="gray" tt="none">
                        {t("imports.dryRunBadge")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t("imports.resultText", {
                      created: formatNumber(item.created, locale),
                      updated: formatNumber(item.updated, locale),
                      failed: formatNumber(item.failed, locale),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
