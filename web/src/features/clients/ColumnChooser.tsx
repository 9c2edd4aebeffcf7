import { Button, Checkbox, Divider, Popover, Stack, Text } from "@mantine/core";
import { IconColumns } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { COMPANY_COLUMNS, type ColumnId, DEFAULT_COLUMNS } from "./listState";

type Props = { columns: ColumnId[]; onChange: (columns: ColumnId[]) => void };

/** Which columns the table shows; the order is the catalogue's, the name column always stays. */
export function ColumnChooser({ columns, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (column: ColumnId, on: boolean) =>
    onChange(COMPANY_COLUMNS.filter((c) => (c === column ? on : columns.includes(c))));
  return (
    <Popover position="bottom-end" shadow="md" width={240} trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns size={14} aria-hidden />}>
          {t("clients.columns.chooser")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={t("clients.columns.chooserTitle")}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t("clients.columns.chooserTitle")}
          </Text>
          {COMPANY_COLUMNS.map((column) => (
            <Checkbox
              key={column}
              size="xs"
              label={t(`clients.columns.${column}`)}
              checked={columns.includes(column)}
              disabled={column === "name"}
              onChange={(event) => toggle(column, event.currentTarget.checked)}
            />
          ))}
          <Divider my={4} />
          <Button size="compact-xs" variant="subtle" onClick={() => onChange([...DEFAULT_COLUMNS])}>
            {t("clients.columns.reset")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
