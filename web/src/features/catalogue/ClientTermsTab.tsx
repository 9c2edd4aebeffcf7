import {
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientTerms } from "../../../../contracts/terms";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { runMutation } from "../../lib/mutation";
import { useCatalogueWrite, useClientTerms, usePriceLists, useTemplates } from "./hooks";

type Values = {
  priceListId: string;
  paymentTermsId: string;
  deliveryTermsId: string;
  paymentText: string;
  deliveryText: string;
  creditLimit: string;
};

/** The company card's "Terms" tab: the client's price list, terms and credit limit. */
export function ClientTermsTab({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const terms = useClientTerms(companyId);
  if (terms.isError) return <ErrorAlert error={terms.error} onRetry={() => void terms.refetch()} />;
  if (!terms.data)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  // Keyed by version: the form starts from what is stored, and again after each save.
  return <ClientTermsForm key={terms.data.version} terms={terms.data} canEdit={canEdit} />;
}

function ClientTermsForm({ terms: d, canEdit }: { terms: ClientTerms; canEdit: boolean }) {
  const { t } = useTranslation();
  const lists = usePriceLists();
  const templates = useTemplates();
  const [v, setV] = useState<Values>({
    priceListId: d.priceListId ?? "",
    paymentTermsId: d.paymentTermsId ?? "",
    deliveryTermsId: d.deliveryTermsId ?? "",
    paymentText: d.paymentText ?? "",
    deliveryText: d.deliveryText ?? "",
    creditLimit: d.creditLimit ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const save = useCatalogueWrite((body: Record<string, unknown>) =>
    api.put<ClientTerms>(`/companies/${d.companyId}/terms`, body),
  );

  const set = (k: keyof Values, value: string) => setV((c) => ({ ...c, [k]: value }));
  const of = (kind: "payment" | "delivery") => (templates.data ?? []).filter((x) => x.kind === kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    runMutation(
      save,
      {
        version: d.version,
        priceListId: v.priceListId || null,
        paymentTermsId: v.paymentTermsId || null,
        deliveryTermsId: v.deliveryTermsId || null,
        paymentText: v.paymentText.trim() || null,
        deliveryText: v.deliveryText.trim() || null,
        creditLimit: v.creditLimit.trim().replace(/\s/g, "").replace(",", ".") || null,
      },
      {
        onSuccess: () => {
          setErrors({});
          setFailure(null);
          notifications.show({ color: "green", message: t("catalogue.client.saved") });
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          setErrors(fields);
          setFailure(Object.keys(fields).length ? null : error);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Text fw={600}>{t("catalogue.client.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("catalogue.client.hint")}
          </Text>
          {failure !== null && <ErrorAlert error={failure} />}
          <NativeSelect
            label={t("catalogue.client.priceList")}
            disabled={!canEdit}
            value={v.priceListId}
            onChange={(e) => set("priceListId", e.currentTarget.value)}
            error={errors.priceListId}
            data={[
              { value: "", label: t("catalogue.client.byDefault") },
              ...(lists.data ?? []).map((l) => ({ value: l.id, label: l.name })),
            ]}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t("catalogue.client.payment")}
              disabled={!canEdit}
              value={v.paymentTermsId}
              onChange={(e) => set("paymentTermsId", e.currentTarget.value)}
              error={errors.paymentTermsId}
              data={[
                { value: "", label: t("catalogue.client.none") },
                ...of("payment").map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
            <NativeSelect
              label={t("catalogue.client.delivery")}
              disabled={!canEdit}
              value={v.deliveryTermsId}
              onChange={(e) => set("deliveryTermsId", e.currentTarget.value)}
              error={errors.deliveryTermsId}
              data={[
                { value: "", label: t("catalogue.client.none") },
                ...of("delivery").map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
          </Group>
          <Textarea
            label={t("catalogue.client.paymentText")}
            readOnly={!canEdit}
            autosize
            minRows={2}
            value={v.paymentText}
            onChange={(e) => set("paymentText", e.currentTarget.value)}
            error={errors.paymentText}
          />
          <Textarea
            label={t("catalogue.client.deliveryText")}
            readOnly={!canEdit}
            autosize
            minRows={2}
            value={v.deliveryText}
            onChange={(e) => set("deliveryText", e.currentTarget.value)}
            error={errors.deliveryText}
          />
          <TextInput
            label={t("catalogue.client.creditLimit")}
            readOnly={!canEdit}
            inputMode="decimal"
            w={240}
            value={v.creditLimit}
            onChange={(e) => set("creditLimit", e.currentTarget.value)}
            error={errors.creditLimit}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
