import { Button, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../../contracts/companies";
import { type DiscountKind, type DiscountRule, DiscountKind as Kinds } from "../../../../contracts/pricing";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { groupOptions } from "./CatalogueTab";
import { useCatalogueWrite, useGroups } from "./hooks";

const empty = {
  name: "",
  kind: "volume_quantity" as DiscountKind,
  percent: "",
  minQuantity: "",
  minAmount: "",
  companyId: "",
  segment: "",
  productGroupId: "",
  validFrom: "",
  validTo: "",
};

export function RuleModal({ ruleSetId, onClose }: { ruleSetId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(empty);
  const [companySearch, setCompanySearch] = useState("");
  const [q] = useDebouncedValue(companySearch, 300);
  const companies = useQuery({
    queryKey: ["companies", "pick", q],
    queryFn: () => api.get<{ items: Company[] }>("/companies", { limit: 10, q }).then((r) => r.items),
    enabled: v.kind === "client" && q.trim().length > 1,
  });
  const groups = useGroups();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCatalogueWrite((body: Record<string, unknown>) =>
    api.post<DiscountRule>("/discount-rules", body),
  );
  const set = (k: keyof typeof empty, value: string) => setV((c) => ({ ...c, [k]: value }));
  const num = (s: string) => s.trim().replace(",", ".") || null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        ruleSetId,
        name: v.name.trim(),
        kind: v.kind,
        percent: num(v.percent) ?? "",
        minQuantity: num(v.minQuantity),
        minAmount: num(v.minAmount),
        companyId: v.companyId || null,
        segment: v.segment.trim() || null,
        productGroupId: v.productGroupId || null,
        validFrom: v.validFrom || null,
        validTo: v.validTo || null,
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          setErrors(fields);
          setFailure(Object.keys(fields).length ? null : error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("catalogue.discounts.ruleTitle")} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          {failure !== null && <ErrorAlert error={failure} />}
          <TextInput
            label={t("catalogue.discounts.ruleName")}
            required
            data-autofocus
            value={v.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t("catalogue.discounts.kind")}
              value={v.kind}
              onChange={(e) => set("kind", e.currentTarget.value)}
              data={Kinds.options.map((k) => ({ value: k, label: t(`catalogue.discounts.kinds.${k}`) }))}
            />
            <TextInput
              label={t("catalogue.discounts.percent")}
              inputMode="decimal"
              value={v.percent}
              onChange={(e) => set("percent", e.currentTarget.value)}
              error={errors.percent}
            />
          </Group>
          {v.kind === "volume_quantity" && (
            <TextInput
              label={t("catalogue.discounts.minQuantity")}
              inputMode="decimal"
              value={v.minQuantity}
              onChange={(e) => set("minQuantity", e.currentTarget.value)}
              error={errors.minQuantity}
            />
          )}
          {v.kind === "volume_amount" && (
            <TextInput
              label={t("catalogue.discounts.minAmount")}
              inputMode="decimal"
              value={v.minAmount}
              onChange={(e) => set("minAmount", e.currentTarget.value)}
              error={errors.minAmount}
            />
          )}
          {v.kind === "client" && (
            <Group grow align="flex-start">
              <TextInput
                label={t("catalogue.discounts.company")}
                placeholder={t("catalogue.discounts.companyPlaceholder")}
                value={companySearch}
                onChange={(e) => setCompanySearch(e.currentTarget.value)}
              />
              <NativeSelect
                label={t("catalogue.client.title")}
                aria-label={t("catalogue.discounts.company")}
                value={v.companyId}
                onChange={(e) => set("companyId", e.currentTarget.value)}
                error={errors.companyId}
                data={[
                  { value: "", label: t("catalogue.client.none") },
                  ...(companies.data ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
            </Group>
          )}
          {v.kind === "segment" && (
            <TextInput
              label={t("catalogue.discounts.segment")}
              value={v.segment}
              onChange={(e) => set("segment", e.currentTarget.value)}
              error={errors.segment}
            />
          )}
          <NativeSelect
            label={t("catalogue.discounts.group")}
            value={v.productGroupId}
            onChange={(e) => set("productGroupId", e.currentTarget.value)}
            error={errors.productGroupId}
            data={[
              { value: "", label: t("catalogue.discounts.anyGroup") },
              ...groupOptions(groups.data ?? []),
            ]}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t("catalogue.discounts.validFrom")}
              value={v.validFrom}
              onChange={(e) => set("validFrom", e.currentTarget.value)}
              error={errors.validFrom}
            />
            <TextInput
              type="date"
              label={t("catalogue.discounts.validTo")}
              value={v.validTo}
              onChange={(e) => set("validTo", e.currentTarget.value)}
              error={errors.validTo}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
