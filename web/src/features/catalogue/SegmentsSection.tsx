import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PriceList, SegmentPriceList } from "../../../../contracts/pricing";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCatalogueWrite, useSegments } from "./hooks";
import { Hint, SectionTitle } from "./PriceListsTab";

/** Which price list each client segment gets by default. */
export function SegmentsSection({ lists, canEdit }: { lists: PriceList[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const [segment, setSegment] = useState("");
  const [priceListId, setPriceListId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assign = useCatalogueWrite((body: { segment: string; priceListId: string | null }) =>
    api.put<{ items: SegmentPriceList[] }>("/segment-price-lists", body),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { segment: segment.trim(), priceListId: priceListId || null },
      { onSuccess: () => setSegment(""), onError: (e) => setErrors(fieldErrorsOf(e)) },
    );
  };
  return (
    <Stack gap="sm">
      <SectionTitle>{t("catalogue.prices.segments")}</SectionTitle>
      {(segments.data ?? []).length === 0 ? (
        <Hint>{t("catalogue.prices.noSegments")}</Hint>
      ) : (
        <Table fz="sm" aria-label={t("catalogue.prices.segments")}>
          <Table.Tbody>
            {(segments.data ?? []).map((s) => (
              <Table.Tr key={s.segment}>
                <Table.Td>{s.segment}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.priceListName}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <form noValidate onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("catalogue.prices.segment")}
              value={segment}
              onChange={(e) => setSegment(e.currentTarget.value)}
              error={errors.segment}
            />
            <NativeSelect
              label={t("catalogue.prices.segmentList")}
              value={priceListId}
              onChange={(e) => setPriceListId(e.currentTarget.value)}
              data={[
                { value: "", label: t("catalogue.prices.none") },
                ...lists.map((l) => ({ value: l.id, label: l.name })),
              ]}
            />
            <Button type="submit" variant="default" loading={assign.isPending}>
              {t("catalogue.prices.assign")}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
