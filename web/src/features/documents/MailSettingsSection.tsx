import {
  Alert,
  Button,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailSettings } from "../../../../contracts/mail";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import { useMailSettings, useSaveMailSettings, useTestMail } from "./hooks";

type Form = {
  host: string;
  port: number | string;
  security: MailSettings["security"];
  username: string;
  password: string;
  fromName: string;
  fromAddress: string;
  proposalSubject: string;
  proposalText: string;
};

const VARIABLES = ["number", "issueDate", "company", "contact", "validUntil", "total", "sender", "seller"];

function formOf(s: MailSettings): Form {
  return {
    host: s.host ?? "",
    port: s.port ?? 587,
    security: s.security,
    username: s.username ?? "",
    password: "",
    fromName: s.fromName ?? "",
    fromAddress: s.fromAddress ?? "",
    proposalSubject: s.proposalSubject,
    proposalText: s.proposalText,
  };
}

/** Settings → Mail: the SMTP server (password write-only), the proposal letter and a test send. */
export function MailSettingsSection() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  const save = useSaveMailSettings();
  const test = useTestMail();
  const [form, setForm] = useState<Form | null>(null);
  const [testTo, setTestTo] = useState("");

  useEffect(() => {
    if (settings.data && !form) setForm(formOf(settings.data));
  }, [settings.data, form]);

  if (settings.error) return <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data || !form) return null;
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        host: form.host.trim(),
        port: Number(form.port),
        security: form.security,
        username: form.username.trim() || null,
        ...(form.password ? { password: form.password } : {}),
        fromName: form.fromName.trim() || null,
        fromAddress: form.fromAddress.trim(),
        proposalSubject: form.proposalSubject,
        proposalText: form.proposalText,
        ...(settings.data.source === "settings" ? { version: settings.data.version } : {}),
      },
      {
        onSuccess: (saved) => {
          setForm(formOf(saved));
          notifications.show({ color: "green", message: t("documents.mail.saved") });
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <SectionCard title={t("documents.mail.title")} description={t("documents.mail.description")}>
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t(`documents.mail.source.${settings.data.source}`)}
            </Text>
            <Group grow align="flex-start">
              <TextInput
                label={t("documents.mail.host")}
                value={form.host}
                onChange={(e) => set("host", e.currentTarget.value)}
                error={errors.host}
                required
                autoFocus
              />
              <NumberInput
                label={t("documents.mail.port")}
                value={form.port}
                onChange={(v) => set("port", v)}
                min={1}
                max={65535}
                error={errors.port}
                required
              />
              <NativeSelect
                label={t("documents.mail.security")}
                value={form.security}
                onChange={(e) => set("security", e.currentTarget.value as Form["security"])}
                data={[
                  { value: "starttls", label: t("documents.mail.securityStarttls") },
                  { value: "tls", label: t("documents.mail.securityTls") },
                  { value: "none", label: t("documents.mail.securityNone") },
                ]}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t("documents.mail.username")}
                value={form.username}
                onChange={(e) => set("username", e.currentTarget.value)}
                autoComplete="off"
              />
              <PasswordInput
                label={t("documents.mail.password")}
                value={form.password}
                onChange={(e) => set("password", e.currentTarget.value)}
                description={settings.data.passwordSet ? t("documents.mail.passwordSet") : undefined}
                autoComplete="new-password"
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t("documents.mail.fromName")}
                value={form.fromName}
                onChange={(e) => set("fromName", e.currentTarget.value)}
              />
              <TextInput
                label={t("documents.mail.fromAddress")}
                type="email"
                value={form.fromAddress}
                onChange={(e) => set("fromAddress", e.currentTarget.value)}
                error={errors.fromAddress}
                required
              />
            </Group>
            <TextInput
              label={t("documents.mail.proposalSubject")}
              value={form.proposalSubject}
              onChange={(e) => set("proposalSubject", e.currentTarget.value)}
              error={errors.proposalSubject}
            />
            <Textarea
              label={t("documents.mail.proposalText")}
              value={form.proposalText}
              onChange={(e) => set("proposalText", e.currentTarget.value)}
              autosize
              minRows={6}
              error={errors.proposalText}
            />
            <Text size="xs" c="dimmed">
              {t("documents.mail.variables")}{" "}
              {VARIABLES.map((v) => (
                <Code key={v} mr={4}>{`{{${v}}}`}</Code>
              ))}
            </Text>
            {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("documents.mail.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </SectionCard>
      <SectionCard title={t("documents.mail.test")}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            test.mutate(testTo.trim(), {
              onSuccess: (sent) =>
                notifications.show({
                  color: "green",
                  message: t("documents.mail.testSent", { to: sent.to.join(", ") }),
                }),
            });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t("documents.mail.testTo")}
              type="email"
              value={testTo}
              onChange={(e) => setTestTo(e.currentTarget.value)}
              error={fieldErrorsOf(test.error).to}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={test.isPending}>
              {t("documents.mail.test")}
            </Button>
          </Group>
          {test.error && !fieldErrorsOf(test.error).to && (
            <Alert mt="sm" color="red" p={0} variant="transparent">
              <ErrorAlert error={test.error} />
            </Alert>
          )}
        </form>
      </SectionCard>
    </Stack>
  );
}
