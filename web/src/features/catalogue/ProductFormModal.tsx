import { Button, Group, Modal, NativeSelect, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Product, VatRate } from "../../../../contracts/catalogue";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCatalogueWrite, useGroups, useUnits } from "./hooks";

type Values = {
  sku: string;
  name: string;
  description: string;
  unit: string;
  vatRate: VatRate;
  groupId: string;
  basePrice: string;
  active: boolean;
};

const initial = (p: Product | null): Values => ({
  sku: p?.sku ?? "",
  name: p?.name ?? "",
  description: p?.description ?? "",
  unit: p?.unit ?? "796",
  vatRate: p?.vatRate ?? "22",
  groupId: p?.groupId ?? "",
  basePrice: p?.basePrice ?? "",
  active: p?.active ?? true,
});

export function ProductFormModal(props: { opened: boolean; product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.product ? t("catalogue.products.form.editTitle") : t("catalogue.products.form.createTitle")
      }
      size="lg"
    >
      <ProductForm key={props.product?.id ?? "new"} product={props.product} onDone={props.onClose} />
    </Modal>
  );
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initial(product));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const units = useUnits();
  const groups = useGroups();
  const set = <K extends keyof Values>(k: K, v: Values[K]) => setValues((c) => ({ ...c, [k]: v }));
  const save = useCatalogueWrite((body: Record<string, unknown>) =>
    product ? api.patch<Product>(`/products/${product.id}`, body) : api.post<Product>("/products", body),
  );
  const remove = useCatalogueWrite((id: string) => api.delete<Product>(`/products/${id}`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...(product ? { version: product.version } : {}),
      sku: values.sku.trim(),
      name: values.name.trim(),
      description: values.description.trim() || null,
      unit: values.unit,
      vatRate: values.vatRate,
      groupId: values.groupId || null,
      basePrice: values.basePrice.trim().replace(",", ".") || "0",
      active: values.active,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: "green",
          message: t("catalogue.products.form.created", { name: saved.name }),
        });
        onDone();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setFailure(Object.keys(fields).length ? null : error);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {failure !== null && <ErrorAlert error={failure} />}
        <Group grow align="flex-start">
          <TextInput
            label={t("catalogue.products.form.sku")}
            required
            data-autofocus
            value={values.sku}
            onChange={(e) => set("sku", e.currentTarget.value)}
            error={errors.sku}
          />
          <NativeSelect
            label={t("catalogue.products.form.unit")}
            value={values.unit}
            onChange={(e) => set("unit", e.currentTarget.value)}
            error={errors.unit}
            data={(units.data ?? [{ code: "796", short: "шт", name: "Штука" }]).map((u) => ({
              value: u.code,
              label: `${u.short} — ${u.name} (${u.code})`,
            }))}
          />
        </Group>
        <TextInput
          label={t("catalogue.products.form.name")}
          required
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t("catalogue.products.form.description")}
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("catalogue.products.form.basePrice")}
            inputMode="decimal"
            value={values.basePrice}
            onChange={(e) => set("basePrice", e.currentTarget.value)}
            error={errors.basePrice}
          />
          <NativeSelect
            label={t("catalogue.products.form.vatRate")}
            value={values.vatRate}
            onChange={(e) => set("vatRate", VatRate.parse(e.currentTarget.value))}
            error={errors.vatRate}
            data={VatRate.options.map((v) => ({ value: v, label: t(`catalogue.vat.${v}`) }))}
          />
          <NativeSelect
            label={t("catalogue.products.form.group")}
            value={values.groupId}
            onChange={(e) => set("groupId", e.currentTarget.value)}
            error={errors.groupId}
            data={[
              { value: "", label: t("catalogue.products.form.noGroup") },
              ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        </Group>
        <Switch
          label={t("catalogue.products.form.active")}
          checked={values.active}
          onChange={(e) => set("active", e.currentTarget.checked)}
        />
        <Group justify="space-between" mt="sm">
          {product ? (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(product.id, {
                  onSuccess: () => {
                    notifications.show({
                      message: t("catalogue.products.form.deleted", { name: product.name }),
                    });
                    onDone();
                  },
                  onError: setFailure,
                })
              }
            >
              {t("catalogue.products.form.delete")}
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
