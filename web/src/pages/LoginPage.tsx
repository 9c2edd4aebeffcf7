import { useTranslation } from "react-i18next";
import { AuthLayout } from "../components/AuthLayout";
import { LoginForm } from "../features/auth/LoginForm";

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t("auth.login.title")} subtitle={t("auth.login.subtitle")}>
      <LoginForm />
    </AuthLayout>
  );
}
