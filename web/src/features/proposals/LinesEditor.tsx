import { ActionIcon, Badge, Group, Select, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProposalLine, ProposalLineInput, ProposalQuote } from "../../../../contracts/proposals";
import { money } from "./format";
import { useProductOptions } from "./hooks";

export type DraftLine = ProposalLineInput & { name: string };

type Props = {
  companyId: string | null;
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  quote: ProposalQuote | undefined;
  /** Lines as last saved (a frozen revision shows these). */
  saved?: ProposalLine[];
  readOnly: boolean;
};

/** The product picker (name or SKU, keyboard: type, arrows, Enter) and the editable lines. */
export function LinesEditor({ companyId, lines, onChange, quote, saved, readOnly }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const options = useProductOptions(search, companyId);
  const priced = readOnly ? saved : quote?.lines;
  const set = (i: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Stack gap="sm">
      {!readOnly && (
        <Select
          label={t("proposals.editor.addProduct")}
          placeholder={t("proposals.editor.addProductPlaceholder")}
          searchable
          clearable
          disabled={!companyId}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t("proposals.editor.noProducts")}
          filter={({ options: o }) => o}
          data={(options.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.sku} — ${p.name} (${money(p.price)})`,
          }))}
          value={null}
          onChange={(id) => {
            const p = options.data?.items.find((x) => x.id === id);
            if (!p) return;
            onChange([
              ...lines,
              { productId: p.id, quantity: "1", manualDiscountPercent: "0", name: p.name },
            ]);
            setSearch("");
          }}
        />
      )}
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("proposals.editor.noLines")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("proposals.editor.product")}</Table.Th>
                <Table.Th w={110}>{t("proposals.editor.quantity")}</Table.Th>
                <Table.Th>{t("proposals.editor.unit")}</Table.Th>
                <Table.Th ta="right">{t("proposals.editor.price")}</Table.Th>
                <Table.Th>{t("proposals.editor.ruleDiscount")}</Table.Th>
                <Table.Th w={120}>{t("proposals.editor.manualDiscount")}</Table.Th>
                <Table.Th>{t("proposals.editor.vatRate")}</Table.Th>
                <Table.Th ta="right">{t("proposals.editor.gross")}</Table.Th>
                {!readOnly && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => {
                const p = priced?.[i];
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same product may be on two lines
                  <Table.Tr key={`${l.productId}-${i}`}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t("proposals.editor.quantity")}: ${l.name}`}
                        value={l.quantity}
                        readOnly={readOnly}
                        inputMode="decimal"
                        onChange={(e) => set(i, { quantity: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>{p?.unitName}</Table.Td>
                    <Table.Td ta="right">{p ? money(p.price) : ""}</Table.Td>
                    <Table.Td>
                      {p && p.ruleDiscountPercent !== "0.00" ? (
                        <Tooltip label={p.discountSources.map((s) => `${s.name}: ${s.percent} %`).join("; ")}>
                          <Badge variant="light">
                            {p.ruleDiscountPercent} % · {p.discountSources.map((s) => s.name).join(", ")}
                          </Badge>
                        </Tooltip>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t("proposals.editor.manualDiscount")}: ${l.name}`}
                        value={l.manualDiscountPercent ?? "0"}
                        readOnly={readOnly}
                        inputMode="decimal"
                        onChange={(e) => set(i, { manualDiscountPercent: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {p ? (p.vatRate === "none" ? t("proposals.editor.noVat") : `${p.vatRate} %`) : ""}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" ff="monospace">
                        {p ? money(p.gross) : ""}
                      </Text>
                    </Table.Td>
                    {!readOnly && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("proposals.editor.remove", { name: l.name })}
                          onClick={() => onChange(lines.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** «Итого», VAT lines, «Всего к оплате», «Всего наименований N, на сумму X руб.» and words. */
export function TotalsFooter({
  totals,
  words,
  pending,
}: {
  totals: ProposalQuote["totals"];
  words: string;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-end" aria-live="polite" data-testid="proposal-totals">
      {totals.footer.map((f) => (
        <Group key={f.label} gap="md">
          <Text size="sm">{f.label}:</Text>
          <Text size="sm" ff="monospace" fw={600} miw={120} ta="right">
            {f.amount === null ? "—" : money(f.amount)}
          </Text>
        </Group>
      ))}
      <Text size="sm">{totals.summary}</Text>
      <Text size="sm" fs="italic">
        {t("proposals.editor.amountInWords")}: {words}
      </Text>
      {pending && (
        <Text size="xs" c="dimmed">
          {t("proposals.editor.calculating")}
        </Text>
      )}
    </Stack>
  );
}
