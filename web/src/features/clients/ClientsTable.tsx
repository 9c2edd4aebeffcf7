import {
  ActionIcon,
  Anchor,
  Badge,
  Checkbox,
  Group,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowBackUp, IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Company } from "../../../../contracts/companies";
import type { User } from "../../../../contracts/users";
import { currentLocale } from "../../i18n";
import { shortName } from "../../lib/format";
import { GradeBadge } from "../reliability/GradeBadge";
import { StatusBadge, TagList } from "./badges";
import { formatAgo, formatDate } from "./format";
import { type ColumnId, isSortable, nextSort, sortDirection } from "./listState";

export type ClientsTableProps = {
  companies: Company[];
  columns: ColumnId[];
  sort: string;
  onSort: (sort: string) => void;
  people: Map<string, User>;
  timeZone: string;
  /** Present when the user may act on several rows at once (transfer). */
  selection?: { selected: Set<string>; toggle: (id: string) => void; toggleAll: (on: boolean) => void };
  onRestore?: (company: Company) => void;
  /** Rendered after the last row: the infinite-scroll sentinel. */
  footer?: ReactNode;
};

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: ColumnId;
  sort: string;
  onSort: (s: string) => void;
}) {
  const { t } = useTranslation();
  const label = t(`clients.columns.${column}`);
  if (!isSortable(column)) return <Table.Th>{label}</Table.Th>;
  const direction = sortDirection(sort, column);
  const Icon = direction === "asc" ? IconArrowUp : direction === "desc" ? IconArrowDown : IconSelector;
  return (
    <Table.Th aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}>
      <UnstyledButton
        onClick={() => onSort(nextSort(sort, column))}
        title={t("clients.sortBy", { column: label })}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden style={{ opacity: direction ? 1 : 0.45 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ClientsTable(props: ClientsTableProps) {
  const { companies, columns, sort, onSort, people, timeZone, selection, onRestore, footer } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const allSelected =
    selection && companies.length > 0 && companies.every((c) => selection.selected.has(c.id));
  const someSelected = selection && companies.some((c) => selection.selected.has(c.id));

  const cell = (company: Company, column: ColumnId): ReactNode => {
    const dim = (text: string | null) =>
      text || (
        <Text span c="dimmed">
          {t("common.notSet")}
        </Text>
      );
    switch (column) {
      case "name":
        return (
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/clients/${company.id}`} fw={500} fz="sm" truncate maw={360}>
              {company.name}
            </Anchor>
            <GradeBadge grade={company.reliabilityGrade} />
            {company.deletedAt && (
              <Badge size="xs" color="red" variant="light" tt="none">
                {t("clients.deletedBadge")}
              </Badge>
            )}
          </Group>
        );
      case "kind":
        return t(`company.kindShort.${company.kind}`);
      case "status":
        return <StatusBadge status={company.status} />;
      case "owner": {
        const owner = people.get(company.ownerId);
        return owner ? shortName(owner.fullName) : dim(null);
      }
      case "tags":
        return <TagList tags={company.tags} />;
      case "phones":
        return dim(company.phones.join(", "));
      case "emails":
        return dim(company.emails.join(", "));
      case "lastContactAt":
        return company.lastContactAt ? (
          <span title={formatDate(company.lastContactAt, locale, timeZone)}>
            {formatAgo(company.lastContactAt, locale)}
          </span>
        ) : (
          <Text span c="dimmed" fz="sm">
            {t("clients.noContacts")}
          </Text>
        );
      case "createdAt":
      case "updatedAt":
        return formatDate(company[column], locale, timeZone);
      case "inn":
      case "kpp":
      case "ogrn":
        return <span style={{ fontVariantNumeric: "tabular-nums" }}>{dim(company[column])}</span>;
      default:
        return dim(company[column]);
    }
  };

  return (
    <Table.ScrollContainer minWidth={960} type="native" maxHeight="max(320px, calc(100dvh - 370px))">
      <Table
        stickyHeader
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="sm"
        style={{ whiteSpace: "nowrap" }}
        aria-label={t("clients.tableLabel")}
      >
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  size="xs"
                  aria-label={t("clients.selectAll")}
                  checked={!!allSelected}
                  indeterminate={!allSelected && someSelected}
                  onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <SortHeader key={column} column={column} sort={sort} onSort={onSort} />
            ))}
            {onRestore && (
              <Table.Th w={48}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((company) => {
            const checked = selection?.selected.has(company.id) ?? false;
            return (
              <Table.Tr key={company.id} bg={checked ? "var(--mantine-primary-color-light)" : undefined}>
                {selection && (
                  <Table.Td>
                    <Checkbox
                      size="xs"
                      aria-label={t("clients.selectRow", { name: company.name })}
                      checked={checked}
                      onChange={() => selection.toggle(company.id)}
                    />
                  </Table.Td>
                )}
                {columns.map((column) => (
                  <Table.Td key={column}>{cell(company, column)}</Table.Td>
                ))}
                {onRestore && (
                  <Table.Td>
                    <Tooltip label={t("clients.restore")} withArrow>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("clients.restoreLabel", { name: company.name })}
                        onClick={() => onRestore(company)}
                      >
                        <IconArrowBackUp size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {footer}
    </Table.ScrollContainer>
  );
}
