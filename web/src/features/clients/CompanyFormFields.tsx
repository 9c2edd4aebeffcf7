import { NativeSelect, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CompanyKind, CompanyStatus } from "../../../../contracts/companies";
import type { User } from "../../../../contracts/users";
import { showsField } from "./companyForm";
import { type FieldApi, FormSection, PlainInput, RequisiteInput, WRAPPER_ORDER } from "./FormInputs";
import { MultiValueInput } from "./MultiValueInput";

export type { FieldApi } from "./FormInputs";

export function RequisitesSection({
  api,
  autoFocus,
  kindNote,
}: {
  api: FieldApi;
  autoFocus: boolean;
  kindNote?: string;
}) {
  const { t } = useTranslation();
  const kind = api.values.kind;
  return (
    <FormSection title={t("company.form.requisites")}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <RequisiteInput
            api={api}
            field="inn"
            label={t("company.fields.inn")}
            description={t("company.hints.inn")}
            autoFocus={autoFocus}
          />
          <NativeSelect
            id="company-kind"
            label={t("company.fields.kind")}
            description={kindNote}
            inputWrapperOrder={WRAPPER_ORDER}
            value={kind}
            onChange={(event) => api.set("kind", CompanyKind.parse(event.currentTarget.value))}
            data={CompanyKind.options.map((value) => ({ value, label: t(`company.kind.${value}`) }))}
          />
        </SimpleGrid>
        <PlainInput
          api={api}
          field="name"
          // A person is a client under their own name.
          label={kind === "person" ? t("contacts.name") : t("company.fields.name")}
          placeholder={kind === "person" ? t("auth.setup.fullNamePlaceholder") : t("company.hints.name")}
          required
        />
        {showsField(kind, "fullName") && (
          <PlainInput api={api} field="fullName" label={t("company.fields.fullName")} />
        )}
        {kind !== "person" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {showsField(kind, "kpp") && (
              <RequisiteInput api={api} field="kpp" label={t("company.fields.kpp")} />
            )}
            <RequisiteInput
              api={api}
              field="ogrn"
              label={kind === "entrepreneur" ? t("company.fields.ogrnip") : t("company.fields.ogrn")}
            />
          </SimpleGrid>
        )}
      </Stack>
    </FormSection>
  );
}

export function BankSection({ api }: { api: FieldApi }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("company.form.bank")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RequisiteInput
          api={api}
          field="bik"
          label={t("company.fields.bik")}
          description={t("company.hints.bik")}
        />
        <PlainInput api={api} field="bankName" label={t("company.fields.bankName")} />
        <RequisiteInput api={api} field="account" label={t("company.fields.account")} />
        <RequisiteInput api={api} field="corrAccount" label={t("company.fields.corrAccount")} />
      </SimpleGrid>
    </FormSection>
  );
}

export function ChannelsSection({ api }: { api: FieldApi }) {
  const { t } = useTranslation();
  const indexed = (prefix: string) =>
    Object.fromEntries(api.values[prefix as "phones"].map((_, i) => [i, api.error(`${prefix}.${i}`)]));
  return (
    <FormSection title={t("company.form.channels")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiValueInput
          label={t("company.form.phone")}
          values={api.values.phones}
          onChange={(phones) => api.set("phones", phones)}
          onBlur={(i) => api.blur(`phones.${i}`)}
          errors={indexed("phones")}
          addLabel={t("company.form.addPhone")}
          type="tel"
          placeholder="+7 (495) 123-45-67"
        />
        <MultiValueInput
          label={t("company.form.email")}
          values={api.values.emails}
          onChange={(emails) => api.set("emails", emails)}
          onBlur={(i) => api.blur(`emails.${i}`)}
          errors={indexed("emails")}
          addLabel={t("company.form.addEmail")}
          type="email"
          placeholder="info@company.ru"
        />
        <PlainInput api={api} field="website" label={t("company.fields.website")} placeholder="https://" />
        <Textarea
          id="company-address"
          label={t("company.fields.address")}
          value={api.values.address}
          onChange={(event) => api.set("address", event.currentTarget.value)}
          error={api.error("address")}
          autosize
          minRows={1}
          maxLength={1000}
        />
      </SimpleGrid>
    </FormSection>
  );
}

export function WorkSection({ api, owners }: { api: FieldApi; owners: User[] | null }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("company.form.classification")}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <NativeSelect
            id="company-status"
            label={t("company.fields.status")}
            value={api.values.status}
            onChange={(event) => api.set("status", CompanyStatus.parse(event.currentTarget.value))}
            data={CompanyStatus.options.map((value) => ({ value, label: t(`company.status.${value}`) }))}
          />
          {owners && (
            <NativeSelect
              id="company-ownerId"
              label={t("company.fields.owner")}
              description={t("company.hints.owner")}
              inputWrapperOrder={WRAPPER_ORDER}
              value={api.values.ownerId}
              onChange={(event) => api.set("ownerId", event.currentTarget.value)}
              error={api.error("ownerId")}
              data={owners.map((p) => ({ value: p.id, label: p.fullName }))}
            />
          )}
          <PlainInput api={api} field="segment" label={t("company.fields.segment")} />
          <PlainInput api={api} field="industry" label={t("company.fields.industry")} />
          <PlainInput api={api} field="region" label={t("company.fields.region")} />
          <PlainInput api={api} field="city" label={t("company.fields.city")} />
          <PlainInput api={api} field="source" label={t("company.fields.source")} />
        </SimpleGrid>
        <PlainInput
          api={api}
          field="tags"
          label={t("company.fields.tags")}
          description={t("company.hints.tags")}
        />
        <Textarea
          id="company-notes"
          label={t("company.fields.notes")}
          value={api.values.notes}
          onChange={(event) => api.set("notes", event.currentTarget.value)}
          error={api.error("notes")}
          autosize
          minRows={2}
          maxRows={8}
        />
      </Stack>
    </FormSection>
  );
}
