import { Button, Group, Menu } from "@mantine/core";
import {
  IconBuildingStore,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFilterOff,
  IconPlus,
  IconTrash,
  IconUpload,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { buildUrl, type Query } from "../../lib/api";
import { hasFilters, type ListState } from "./listState";

/** CSV and XLSX of the whole filtered list (the server streams it), not just the loaded rows. */
export function ExportMenu({ query }: { query: Query }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t("clients.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("clients.exportHint")}</Menu.Label>
        <Menu.Item
          component="a"
          href={buildUrl("/exports/companies.csv", query)}
          download
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        >
          {t("clients.exportCsv")}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={buildUrl("/exports/companies.xlsx", query)}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        >
          {t("clients.exportXlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** What an empty list means: no clients yet, nothing matches, or nothing deleted. */
export function ListEmptyState({ state, onReset }: { state: ListState; onReset: () => void }) {
  const { t } = useTranslation();
  if (hasFilters(state))
    return (
      <EmptyState
        icon={<IconFilterOff size={28} />}
        title={t("clients.emptyFilteredTitle")}
        text={t("clients.emptyFilteredText")}
        action={
          <Button variant="light" onClick={onReset}>
            {t("clients.resetFilters")}
          </Button>
        }
      />
    );
  if (state.deleted)
    return (
      <EmptyState
        icon={<IconTrash size={28} />}
        title={t("clients.emptyDeletedTitle")}
        text={t("clients.emptyDeletedText")}
      />
    );
  return (
    <EmptyState
      icon={<IconBuildingStore size={28} />}
      title={t("clients.emptyTitle")}
      text={t("clients.emptyText")}
      action={
        <Group gap="sm" justify="center">
          <Button component={Link} to="/clients/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("clients.newClient")}
          </Button>
          <Button
            component={Link}
            to="/clients/import"
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            {t("clients.import")}
          </Button>
        </Group>
      }
    />
  );
}
