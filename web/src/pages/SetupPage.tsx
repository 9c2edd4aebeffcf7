import { useTranslation } from "react-i18next";
import { AuthLayout } from "../components/AuthLayout";
import { SetupForm } from "../features/auth/SetupForm";

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t("auth.setup.title")} subtitle={t("auth.setup.subtitle")} width={480}>
      <SetupForm />
    </AuthLayout>
  );
}
