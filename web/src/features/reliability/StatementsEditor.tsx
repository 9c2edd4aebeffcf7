import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDownRight,
  IconArrowUpRight,
  IconClipboard,
  IconPlus,
  IconTrash,
  IconUpload,
} from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  normaliseAmount,
  parseStatementText,
  STATEMENT_CODES,
} from "../../../../core/reliability/statements";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import { useDeleteYear, useFinancials, useSaveYear } from "./hooks";
import { TrendChart } from "./TrendChart";

type Drafts = Record<number, Record<string, string>>;

/** Spreadsheet rows as "a;b;c" text, so CSV and XLSX go through the same parser as a paste. */
async function fileToText(file: File): Promise<string> {
  if (!/\.xlsx$/i.test(file.name)) return file.text();
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const sheet = book.worksheets[0];
  const rows: string[] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? "" : String(v)));
    rows.push(values.join(";"));
  });
  return rows.join("\n");
}

function Trend({ current, previous }: { current: string | undefined; previous: string | undefined }) {
  const { t } = useTranslation();
  const a = current ? normaliseAmount(current) : null;
  const b = previous ? normaliseAmount(previous) : null;
  if (a === null || b === null || Number(a) === Number(b)) return null;
  const up = Number(a) > Number(b);
  const Icon = up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Tooltip label={t(up ? "reliability.statements.up" : "reliability.statements.down")}>
      <Icon
        size={14}
        color={up ? "var(--mantine-color-green-7)" : "var(--mantine-color-red-7)"}
        aria-label={t(up ? "reliability.statements.up" : "reliability.statements.down")}
      />
    </Tooltip>
  );
}

/** Years side by side by line code, with trend arrows; hand entry, paste and CSV/XLSX import. */
export function StatementsEditor({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const financials = useFinancials(companyId);
  const save = useSaveYear(companyId);
  const remove = useDeleteYear(companyId);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<Record<number, Record<string, string>>>({});
  const [newYear, setNewYear] = useState(String(new Date().getFullYear() - 1));
  const [pasting, setPasting] = useState(false);
  const [pasteText, setPasteText] = useState("");

  useEffect(() => {
    if (!financials.data) return;
    setDrafts((d) => {
      const next: Drafts = { ...d };
      for (const y of financials.data.years) next[y.year] = { ...y.lines, ...(d[y.year] ?? {}) };
      return next;
    });
  }, [financials.data]);

  const years = Object.keys(drafts)
    .map(Number)
    .sort((a, b) => a - b);
  const stored = new Set(financials.data?.years.map((y) => y.year));

  const merge = (parsed: Drafts) =>
    setDrafts((d) => {
      const next = { ...d };
      for (const [y, lines] of Object.entries(parsed))
        next[Number(y)] = { ...(next[Number(y)] ?? {}), ...lines };
      return next;
    });

  const applyText = (text: string) => {
    const parsed = parseStatementText(text, Number(newYear) || new Date().getFullYear() - 1);
    merge(parsed.years);
    notifications.show({
      message: t("reliability.statements.pasted", {
        count: Object.keys(parsed.years).length,
        skipped: parsed.skipped,
      }),
    });
  };

  const onSave = (year: number) => {
    const lines = Object.fromEntries(Object.entries(drafts[year] ?? {}).filter(([, v]) => v.trim() !== ""));
    save.mutate(
      { year, lines },
      {
        onSuccess: () => {
          setErrors((e) => ({ ...e, [year]: {} }));
          notifications.show({ color: "green", message: t("reliability.statements.saved", { year }) });
        },
        onError: (error) => {
          const byPath = fieldErrorsOf(error);
          const own: Record<string, string> = {};
          for (const [path, message] of Object.entries(byPath)) own[path.replace(/^lines\./, "")] = message;
          setErrors((e) => ({ ...e, [year]: own }));
        },
      },
    );
  };

  const onDelete = (year: number) => {
    if (!stored.has(year)) {
      setDrafts(({ [year]: _, ...rest }) => rest);
      return;
    }
    remove.mutate(year, {
      onSuccess: () => {
        setDrafts(({ [year]: _, ...rest }) => rest);
        notifications.show({ message: t("reliability.statements.deleted", { year }) });
      },
    });
  };

  return (
    <SectionCard
      title={t("reliability.statements.title")}
      description={t("reliability.statements.subtitle")}
      actions={
        canEdit && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconClipboard size={16} aria-hidden />}
              onClick={() => setPasting(true)}
            >
              {t("reliability.statements.paste")}
            </Button>
            <FileButton onChange={async (f) => f && applyText(await fileToText(f))} accept=".csv,.txt,.xlsx">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
                  {t("reliability.statements.importFile")}
                </Button>
              )}
            </FileButton>
          </Group>
        )
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={save.error ?? remove.error} />
        {canEdit && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const y = Number(newYear);
              if (y >= 1990 && y <= 2100) setDrafts((d) => ({ ...d, [y]: d[y] ?? {} }));
            }}
          >
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t("reliability.statements.newYear")}
                value={newYear}
                onChange={(e) => setNewYear(e.currentTarget.value)}
                w={100}
                inputMode="numeric"
              />
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
                {t("reliability.statements.addYear")}
              </Button>
            </Group>
          </form>
        )}
        <TrendChart years={financials.data?.years ?? []} />
        {years.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("reliability.statements.empty")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360 + years.length * 150}>
            <Table withColumnBorders verticalSpacing={4} aria-label={t("reliability.statements.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={64}>{t("reliability.statements.code")}</Table.Th>
                  <Table.Th>{t("reliability.statements.line")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} w={150}>
                      <Group gap={4} justify="space-between" wrap="nowrap">
                        <Text fw={600}>{y}</Text>
                        {canEdit && (
                          <Group gap={2} wrap="nowrap">
                            <Button
                              size="compact-xs"
                              onClick={() => onSave(y)}
                              loading={save.isPending && save.variables?.year === y}
                            >
                              {t("reliability.statements.save", { year: y })}
                            </Button>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t("reliability.statements.delete", { year: y })}
                              onClick={() => onDelete(y)}
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Group>
                        )}
                      </Group>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STATEMENT_CODES.map((code) => (
                  <Table.Tr key={code}>
                    <Table.Td ff="monospace">{code}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`reliability.statements.lines.${code}`)}</Text>
                    </Table.Td>
                    {years.map((y, i) => (
                      <Table.Td key={y}>
                        <Group gap={4} wrap="nowrap">
                          <TextInput
                            size="xs"
                            aria-label={t("reliability.statements.value", { code, year: y })}
                            value={drafts[y]?.[code] ?? ""}
                            readOnly={!canEdit}
                            error={errors[y]?.[code]}
                            inputMode="decimal"
                            styles={{ input: { textAlign: "right", fontVariantNumeric: "tabular-nums" } }}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              setDrafts((d) => ({ ...d, [y]: { ...(d[y] ?? {}), [code]: value } }));
                            }}
                          />
                          <Trend
                            current={drafts[y]?.[code]}
                            previous={i > 0 ? drafts[years[i - 1] as number]?.[code] : undefined}
                          />
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={pasting}
        onClose={() => setPasting(false)}
        title={t("reliability.statements.pasteTitle")}
        size="lg"
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            applyText(pasteText);
            setPasting(false);
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t("reliability.statements.pasteHelp")}
            </Text>
            <Textarea
              label={t("reliability.statements.pasteText")}
              data-autofocus
              autosize
              minRows={8}
              value={pasteText}
              onChange={(e) => setPasteText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit">{t("reliability.statements.pasteApply")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}
