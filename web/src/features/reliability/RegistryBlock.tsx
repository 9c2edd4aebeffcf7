import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Reliability } from "../../../../contracts/reliability";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { formatDate } from "../clients/format";

function Item({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value ?? "—"}
      </Text>
    </Stack>
  );
}

const years = (from: string) => Math.floor((Date.now() - Date.parse(from)) / (365.25 * 86_400_000));

/** What the registry said, and the state of the last attempt when it failed. */
export function RegistryBlock({
  registry,
  onRefresh,
  refreshing,
  canRefresh,
}: {
  registry: Reliability["registry"];
  onRefresh: () => void;
  refreshing: boolean;
  canRefresh: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const r = registry;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : "—");
  const flags = [
    r.massAddress && t("reliability.registry.massAddress"),
    r.massDirector && t("reliability.registry.massDirector"),
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <SectionCard
      title={t("reliability.registry.title")}
      description={
        r.checkedAt
          ? t("reliability.registry.checked", { date: date(r.checkedAt) })
          : t("reliability.registry.never")
      }
      actions={
        canRefresh && (
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={refreshing}
            onClick={onRefresh}
          >
            {t("reliability.registry.refresh")}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {r.error && (
          <Alert
            color={r.error === "no_inn" || r.error === "not_configured" ? "gray" : "orange"}
            variant="light"
            role="status"
          >
            {t(`reliability.registry.errors.${r.error}`, { date: date(r.checkedAt) })}
            {r.succeededAt && ` ${t("reliability.registry.lastGood", { date: date(r.succeededAt) })}`}
          </Alert>
        )}
        {r.found === false && !r.error && (
          <Alert color="red" variant="light">
            {t("reliability.registry.notFound")}
          </Alert>
        )}
        {r.found && (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <Item
              label={t("reliability.registry.status")}
              value={r.status && t(`reliability.registry.statuses.${r.status}`)}
            />
            <Item
              label={t("reliability.registry.registeredAt")}
              value={
                r.registeredAt &&
                `${date(r.registeredAt)} (${t("reliability.registry.age", { years: years(r.registeredAt) })})`
              }
            />
            {r.liquidatedAt && (
              <Item label={t("reliability.registry.liquidatedAt")} value={date(r.liquidatedAt)} />
            )}
            <Item
              label={t("reliability.registry.management")}
              value={
                r.management &&
                `${r.management.name}${r.management.post ? `, ${r.management.post.toLowerCase()}` : ""}`
              }
            />
            {r.founders && r.founders.length > 0 && (
              <Item
                label={t("reliability.registry.founders")}
                value={r.founders.map((f) => (f.share ? `${f.name} (${f.share}%)` : f.name)).join("; ")}
              />
            )}
            <Item
              label={t("reliability.registry.okved")}
              value={r.okved && `${r.okved}${r.okvedName ? ` — ${r.okvedName}` : ""}`}
            />
            <Item label={t("reliability.registry.size")} value={r.sizeCategory} />
            <Item
              label={t("reliability.registry.employees")}
              value={r.employeeCount?.toLocaleString(locale)}
            />
            <Item label={t("reliability.registry.taxSystem")} value={r.taxSystem} />
            <Item label={t("reliability.registry.branches")} value={r.branchCount} />
            <Item
              label={t("reliability.registry.flags")}
              value={
                flags ||
                (r.massAddress === null && r.massDirector === null ? t("reliability.registry.noFlags") : "—")
              }
            />
          </SimpleGrid>
        )}
        {r.address && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {r.address}
            </Text>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
