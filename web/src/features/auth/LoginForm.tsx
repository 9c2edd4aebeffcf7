import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import type { FieldErrors } from "../../lib/validation";
import { safeNext } from "./guards";
import { useLogin } from "./hooks";

export function LoginForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = safeNext(new URLSearchParams(useLocation().search).get("next"));
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = t("validation.required");
    if (!password) missing.password = t("validation.required");
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  // Wrong credentials are reported once, above the form, without saying which field was wrong.
  const showAlert = login.isError && Object.keys(fieldErrorsOf(login.error)).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {showAlert && <ErrorAlert error={login.error} title={t("auth.login.failed")} />}
        <TextInput
          label={t("auth.login.email")}
          type="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <PasswordInput
          label={t("auth.login.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <Button type="submit" fullWidth loading={login.isPending} mt="xs">
          {t("auth.login.submit")}
        </Button>
      </Stack>
    </form>
  );
}
