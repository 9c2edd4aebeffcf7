import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmailAddress, Phone } from "../../../../contracts/companies";
import type { Contact, ContactCreate } from "../../../../contracts/contacts";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { formatDate } from "../clients/format";
import { MultiValueInput } from "../clients/MultiValueInput";
import { useCreateContact, useUpdateContact } from "./hooks";

type Values = {
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  phones: string[];
  emails: string[];
  notes: string;
  marketing: boolean;
  consentSource: string;
};

function initial(contact: Contact | null): Values {
  return {
    lastName: contact?.lastName ?? "",
    firstName: contact?.firstName ?? "",
    middleName: contact?.middleName ?? "",
    position: contact?.position ?? "",
    phones: contact?.phones.length ? [...contact.phones] : [""],
    emails: contact?.emails.length ? [...contact.emails] : [""],
    notes: contact?.notes ?? "",
    marketing: contact?.consent.marketing ?? false,
    consentSource: contact?.consent.source ?? "",
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export type ContactFormModalProps = {
  opened: boolean;
  companyId: string;
  contact: Contact | null;
  onClose: () => void;
};

export function ContactFormModal({ opened, companyId, contact, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={contact ? t("contacts.form.editTitle") : t("contacts.form.createTitle")}
    >
      <ContactForm key={contact?.id ?? "new"} companyId={companyId} contact={contact} onDone={onClose} />
    </Modal>
  );
}

function ContactForm({
  companyId,
  contact,
  onDone,
}: {
  companyId: string;
  contact: Contact | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateContact();
  const update = useUpdateContact();
  const [values, setValues] = useState(() => initial(contact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!values.lastName.trim()) found.lastName = t("company.validation.required");
    values.phones.forEach((p, i) => {
      if (p.trim() && !Phone.safeParse(p).success)
        found[`phones.${i}`] = t("company.validation.phone_format", { value: p });
    });
    values.emails.forEach((e, i) => {
      if (e.trim() && !EmailAddress.safeParse(e).success)
        found[`emails.${i}`] = t("company.validation.email_format", { value: e });
    });
    return found;
  };

  const onError = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    setErrors(fields);
    setFailure(Object.keys(fields).length ? null : error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: ContactCreate = {
      companyId,
      lastName: values.lastName.trim(),
      firstName: orNull(values.firstName),
      middleName: orNull(values.middleName),
      position: orNull(values.position),
      phones: values.phones.map((p) => p.trim()).filter(Boolean),
      emails: values.emails.map((e) => e.trim()).filter(Boolean),
      notes: orNull(values.notes),
    };
    const consentChanged =
      values.marketing !== (contact?.consent.marketing ?? false) ||
      (values.marketing && orNull(values.consentSource) !== (contact?.consent.source ?? null));
    // A new contact without a tick has no consent at all ("unknown"), not a withdrawn one.
    if (consentChanged) body.consent = { marketing: values.marketing, source: orNull(values.consentSource) };
    const done = (saved: Contact) => {
      notifications.show({
        color: "green",
        message: contact ? t("contacts.form.saved") : t("contacts.form.created", { name: saved.fullName }),
      });
      onDone();
    };
    if (contact)
      update.mutate(
        { id: contact.id, body: { ...body, version: contact.version } },
        { onSuccess: done, onError },
      );
    else create.mutate(body, { onSuccess: done, onError });
  };

  const indexed = (prefix: "phones" | "emails") =>
    Object.fromEntries(values[prefix].map((_, i) => [i, errors[`${prefix}.${i}`]]));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("contacts.form.lastName")}
            value={values.lastName}
            onChange={(e) => set("lastName", e.currentTarget.value)}
            error={errors.lastName}
            required
            maxLength={100}
            data-autofocus
          />
          <TextInput
            label={t("contacts.form.firstName")}
            value={values.firstName}
            onChange={(e) => set("firstName", e.currentTarget.value)}
            error={errors.firstName}
            maxLength={100}
          />
          <TextInput
            label={t("contacts.form.middleName")}
            value={values.middleName}
            onChange={(e) => set("middleName", e.currentTarget.value)}
            error={errors.middleName}
            maxLength={100}
          />
        </SimpleGrid>
        <TextInput
          label={t("contacts.form.position")}
          placeholder={t("contacts.form.positionPlaceholder")}
          value={values.position}
          onChange={(e) => set("position", e.currentTarget.value)}
          error={errors.position}
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiValueInput
            label={t("company.form.phone")}
            values={values.phones}
            onChange={(v) => set("phones", v)}
            errors={indexed("phones")}
            addLabel={t("company.form.addPhone")}
            type="tel"
            placeholder="+7 (900) 123-45-67"
          />
          <MultiValueInput
            label={t("company.form.email")}
            values={values.emails}
            onChange={(v) => set("emails", v)}
            errors={indexed("emails")}
            addLabel={t("company.form.addEmail")}
            type="email"
            placeholder="name@company.ru"
          />
        </SimpleGrid>
        <Textarea
          label={t("contacts.form.notes")}
          value={values.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Stack gap={6}>
          <Checkbox
            label={t("contacts.form.consentMarketing")}
            description={t("contacts.form.consentHint")}
            checked={values.marketing}
            onChange={(e) => set("marketing", e.currentTarget.checked)}
          />
          {values.marketing && (
            <TextInput
              label={t("contacts.form.consentSource")}
              placeholder={t("contacts.form.consentSourcePlaceholder")}
              value={values.consentSource}
              onChange={(e) => set("consentSource", e.currentTarget.value)}
              error={errors["consent.source"]}
              maxLength={200}
              ml={30}
            />
          )}
          {contact?.consent.at && contact.consent.status === "granted" && (
            <Text size="xs" c="dimmed" ml={30}>
              {t("contacts.form.consentRecorded", {
                date: formatDate(contact.consent.at, currentLocale(), me.timeZone),
              })}
            </Text>
          )}
        </Stack>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contact ? t("contacts.form.submitEdit") : t("contacts.form.submitCreate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
