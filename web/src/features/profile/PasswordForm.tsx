import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PasswordChange } from "../../../../contracts/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import { type FieldErrors, validate } from "../../lib/validation";
import { useChangePassword } from "./hooks";

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(PasswordChange, { currentPassword, newPassword });
    const missing: FieldErrors = currentPassword ? {} : { currentPassword: t("validation.required") };
    const found = { ...missing, ...(checked.ok ? {} : checked.errors) };
    setErrors(found);
    if (!checked.ok || Object.keys(found).length > 0) return;
    change.mutate(checked.data, {
      onSuccess: () => {
        setCurrentPassword("");
        setNewPassword("");
        notifications.show({ color: "green", message: t("profile.password.changed") });
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const showAlert = change.isError && Object.keys(fieldErrorsOf(change.error)).length === 0;

  return (
    <SectionCard title={t("profile.password.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          {showAlert && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t("profile.password.current")}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label={t("profile.password.new")}
            description={t("profile.password.newHint")}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t("profile.password.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
