import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../../contracts/companies";
import type { Contact } from "../../../../contracts/contacts";
import type { Deal, NeedRow } from "../../../../contracts/deals";
import { MAIN_CURRENCY } from "../../../../core/money";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { inDays } from "./format";
import { useCreateDeal, useUpdateDeal } from "./hooks";

const CURRENCIES = [MAIN_CURRENCY, "USD", "EUR", "CNY"];

/** Companies matching what is typed, for the picker (the list API, 20 at a time). */
function useCompanyOptions(q: string) {
  return useQuery({
    queryKey: ["companies", "picker", q],
    queryFn: ({ signal }) =>
      api.get<{ items: Company[] }>("/companies", { limit: 20, q: q || undefined, sort: "name" }, signal),
  });
}

function useContacts(companyId: string) {
  return useQuery({
    queryKey: ["contacts", "company", companyId, "picker"],
    enabled: companyId !== "",
    queryFn: ({ signal }) =>
      api.get<{ items: Contact[] }>(
        `/companies/${encodeURIComponent(companyId)}/contacts`,
        { limit: 200 },
        signal,
      ),
  });
}

type Form = {
  title: string;
  companyId: string;
  contactId: string;
  amount: string;
  currency: string;
  expectedCloseDate: string;
  source: string;
  needs: string;
  needRows: { need: string; level: string; direction: string }[];
  nextStep: string;
  nextStepDate: string;
};

function initial(deal: Deal | null, companyId?: string): Form {
  return {
    title: deal?.title ?? "",
    companyId: deal?.companyId ?? companyId ?? "",
    contactId: deal?.contactId ?? "",
    amount: deal?.amount ?? "",
    currency: deal?.currency ?? MAIN_CURRENCY,
    expectedCloseDate: deal?.expectedCloseDate ?? "",
    source: deal?.source ?? "",
    needs: deal?.needs ?? "",
    needRows: (deal?.needRows ?? []).map((r) => ({
      need: r.need,
      level: r.level ?? "",
      direction: r.direction ?? "",
    })),
    nextStep: deal?.nextStep ?? "",
    nextStepDate: deal?.nextStepDate ?? inDays(1),
  };
}

/** Creates a deal (on a given company or a picked one) or edits an open one. */
export function DealFormModal({
  opened,
  onClose,
  deal = null,
  companyId,
  companyName,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  deal?: Deal | null;
  companyId?: string;
  companyName?: string;
  onSaved?: (deal: Deal) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => initial(deal, companyId));
  const [search, setSearch] = useState("");
  const companies = useCompanyOptions(search);
  const contacts = useContacts(form.companyId);
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const mutation = deal ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fixedCompany = Boolean(companyId || deal);

  const submit = () => {
    const needRows: NeedRow[] = form.needRows
      .filter((r) => r.need.trim())
      .map((r) => ({
        need: r.need.trim(),
        level: r.level.trim() || null,
        direction: r.direction.trim() || null,
      }));
    const body = {
      title: form.title.trim(),
      contactId: form.contactId || null,
      amount: form.amount.trim() ? form.amount.trim().replace(",", ".").replace(/\s/g, "") : null,
      currency: form.currency,
      expectedCloseDate: form.expectedCloseDate || null,
      source: form.source.trim() || null,
      needs: form.needs.trim() || null,
      needRows,
      nextStep: form.nextStep.trim() || null,
      nextStepDate: form.nextStepDate || null,
    };
    const done = (saved: Deal) => {
      notifications.show({
        color: "green",
        message: deal ? t("deals.form.saved") : t("deals.form.created", { title: saved.title }),
      });
      onSaved?.(saved);
      onClose();
    };
    if (deal) update.mutate({ id: deal.id, body: { ...body, version: deal.version } }, { onSuccess: done });
    else create.mutate({ ...body, companyId: form.companyId }, { onSuccess: done });
  };

  const companyData = (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (fixedCompany && form.companyId && !companyData.some((c) => c.value === form.companyId))
    companyData.push({ value: form.companyId, label: deal?.companyName ?? companyName ?? "" });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={deal ? t("deals.form.titleEdit") : t("deals.form.titleNew")}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            data-autofocus
            label={t("deals.form.title")}
            required
            value={form.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
          />
          {fixedCompany ? (
            <TextInput
              label={t("deals.form.company")}
              value={deal?.companyName ?? companyName ?? ""}
              readOnly
            />
          ) : (
            <Select
              label={t("deals.form.company")}
              required
              searchable
              placeholder={t("deals.form.companyPlaceholder")}
              data={companyData}
              value={form.companyId || null}
              onChange={(value) => setForm((f) => ({ ...f, companyId: value ?? "", contactId: "" }))}
              onSearchChange={setSearch}
              searchValue={search}
              filter={({ options }) => options}
              error={errors.companyId}
              nothingFoundMessage={t("deals.emptyTitle")}
            />
          )}
          <NativeSelect
            label={t("deals.form.contact")}
            value={form.contactId}
            onChange={(e) => set("contactId", e.currentTarget.value)}
            error={errors.contactId}
            data={[
              { value: "", label: t("deals.form.noContact") },
              ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.fullName })),
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("deals.form.amount")}
              inputMode="decimal"
              value={form.amount}
              onChange={(e) => set("amount", e.currentTarget.value)}
              error={errors.amount}
            />
            <NativeSelect
              label={t("deals.form.currency")}
              value={form.currency}
              onChange={(e) => set("currency", e.currentTarget.value)}
              data={CURRENCIES}
            />
            <TextInput
              type="date"
              label={t("deals.form.expectedCloseDate")}
              value={form.expectedCloseDate}
              onChange={(e) => set("expectedCloseDate", e.currentTarget.value)}
              error={errors.expectedCloseDate}
            />
          </SimpleGrid>
          <TextInput
            label={t("deals.form.source")}
            value={form.source}
            onChange={(e) => set("source", e.currentTarget.value)}
          />
          <Textarea
            label={t("deals.form.needs")}
            autosize
            minRows={2}
            value={form.needs}
            onChange={(e) => set("needs", e.currentTarget.value)}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t("deals.form.needRows")}
            </Text>
            {form.needRows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before saving
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                {(["need", "level", "direction"] as const).map((field) => (
                  <TextInput
                    key={field}
                    style={{ flex: 1 }}
                    label={t(`deals.form.${field}`)}
                    value={row[field]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setForm((f) => ({
                        ...f,
                        needRows: f.needRows.map((r, j) => (j === i ? { ...r, [field]: value } : r)),
                      }));
                    }}
                  />
                ))}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("deals.form.removeNeed")}
                  onClick={() => setForm((f) => ({ ...f, needRows: f.needRows.filter((_, j) => j !== i) }))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              style={{ alignSelf: "flex-start" }}
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => set("needRows", [...form.needRows, { need: "", level: "", direction: "" }])}
            >
              {t("deals.form.addNeed")}
            </Button>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("deals.form.nextStep")}
              required
              value={form.nextStep}
              onChange={(e) => set("nextStep", e.currentTarget.value)}
              error={errors.nextStep}
            />
            <TextInput
              type="date"
              label={t("deals.form.nextStepDate")}
              required
              value={form.nextStepDate}
              onChange={(e) => set("nextStepDate", e.currentTarget.value)}
              error={errors.nextStepDate}
            />
          </SimpleGrid>
          {mutation.error && Object.keys(errors).length === 0 && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {deal ? t("deals.form.save") : t("deals.form.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
