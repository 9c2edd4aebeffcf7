import { Button, Center, Group, Loader, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PriceList } from "../../../../contracts/pricing";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCatalogueWrite, usePrices, useProducts } from "./hooks";
import { Hint, SectionTitle } from "./PriceListsTab";

type Row = {
  productId: string;
  sku: string;
  name: string;
  basePrice: string;
  price: string;
  saved: string | null;
};

/** The prices of one list: edit, add products found by name or SKU, save all at once. */
export function PricesEditor({ list, canEdit }: { list: PriceList; canEdit: boolean }) {
  const { t } = useTranslation();
  const prices = usePrices(list.id);
  if (prices.isError) return <ErrorAlert error={prices.error} onRetry={() => void prices.refetch()} />;
  if (!prices.data)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  // Keyed by load time: the table starts from the stored prices, and again after each save.
  const initial = prices.data.items.map((p) => ({ ...p, saved: p.price }));
  return <PricesTable key={prices.dataUpdatedAt} list={list} canEdit={canEdit} initial={initial} />;
}

function PricesTable({ list, canEdit, initial }: { list: PriceList; canEdit: boolean; initial: Row[] }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(initial);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const found = useProducts({ q: q.trim(), groupId: null }, q.trim() !== "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const save = useCatalogueWrite((items: { productId: string; price: string | null }[]) =>
    api.put<{ upserted: number; removed: number }>(`/price-lists/${list.id}/prices`, { items }),
  );

  const candidates = q.trim()
    ? (found.data?.pages[0]?.items ?? []).filter((p) => !rows.some((r) => r.productId === p.id)).slice(0, 5)
    : [];
  const changed = rows.filter((r) => r.price.trim() !== (r.saved ?? ""));

  const submit = () =>
    save.mutate(
      changed.map((r) => ({
        productId: r.productId,
        price: r.price.trim() ? r.price.trim().replace(",", ".") : null,
      })),
      {
        onSuccess: (result) => {
          setErrors({});
          notifications.show({ color: "green", message: t("catalogue.prices.saved", result) });
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          setErrors(fields);
          setFailure(Object.keys(fields).length ? null : error);
        },
      },
    );

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <SectionTitle>{t("catalogue.prices.editorTitle", { name: list.name })}</SectionTitle>
        {canEdit && <Hint>{t("catalogue.prices.editorHint")}</Hint>}
        {failure !== null && <ErrorAlert error={failure} />}
        {canEdit && (
          <Stack gap={4}>
            <TextInput
              label={t("catalogue.prices.findProduct")}
              placeholder={t("catalogue.prices.findPlaceholder")}
              type="search"
              w={320}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
            {candidates.map((p) => (
              <Group key={p.id} gap="xs">
                <Text size="sm">
                  {p.sku} — {p.name} ({p.basePrice} ₽)
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={`${t("catalogue.prices.addProduct")}: ${p.name}`}
                  onClick={() => {
                    setRows((c) => [
                      ...c,
                      {
                        productId: p.id,
                        sku: p.sku,
                        name: p.name,
                        basePrice: p.basePrice,
                        price: p.basePrice,
                        saved: null,
                      },
                    ]);
                    setSearch("");
                  }}
                >
                  {t("catalogue.prices.addProduct")}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("catalogue.prices.noPrices")}
          </Text>
        ) : (
          <Table fz="sm" aria-label={t("catalogue.prices.editorTitle", { name: list.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("catalogue.products.columns.sku")}</Table.Th>
                <Table.Th>{t("catalogue.products.columns.name")}</Table.Th>
                <Table.Th ta="right">{t("catalogue.prices.basePrice")}</Table.Th>
                <Table.Th w={160}>{t("catalogue.prices.price")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.productId}>
                  <Table.Td>{r.sku}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">{r.basePrice}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t("catalogue.prices.price")}: ${r.name}`}
                      inputMode="decimal"
                      readOnly={!canEdit}
                      value={r.price}
                      error={errors[`items.${changed.indexOf(r)}.price`]}
                      onChange={(e) => {
                        const price = e.currentTarget.value;
                        setRows((c) => c.map((x, j) => (j === i ? { ...x, price } : x)));
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button onClick={submit} disabled={changed.length === 0} loading={save.isPending}>
              {t("catalogue.prices.savePrices")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
