import { Button, NativeSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { SetupBody } from "../../../../contracts/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale, setLocale } from "../../i18n";
import { fieldErrorsOf } from "../../lib/api";
import { type FieldErrors, validate } from "../../lib/validation";
import { useSetup } from "./hooks";

export function SetupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup();
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const locale = currentLocale();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(SetupBody, { fullName, email, password, locale });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setup.mutate(checked.data, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("auth.setup.done") });
        navigate("/", { replace: true });
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const showAlert = setup.isError && Object.keys(fieldErrorsOf(setup.error)).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {showAlert && <ErrorAlert error={setup.error} />}
        <TextInput
          label={t("auth.setup.fullName")}
          placeholder={t("auth.setup.fullNamePlaceholder")}
          autoComplete="name"
          autoFocus
          required
          value={fullName}
          onChange={(event) => setFullName(event.currentTarget.value)}
          error={errors.fullName}
        />
        <TextInput
          label={t("auth.setup.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <PasswordInput
          label={t("auth.setup.password")}
          description={t("auth.setup.passwordHint")}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <NativeSelect
          label={t("auth.setup.language")}
          value={locale}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === "ru" || value === "en") setLocale(value, { signedIn: false });
          }}
          data={[
            { value: "ru", label: t("languages.ru") },
            { value: "en", label: t("languages.en") },
          ]}
          error={errors.locale}
        />
        <Button type="submit" fullWidth loading={setup.isPending} mt="xs">
          {t("auth.setup.submit")}
        </Button>
      </Stack>
    </form>
  );
}
