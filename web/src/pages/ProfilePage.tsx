import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { CalendarFeedSection } from "../features/activities/CalendarFeedSection";
import { ApiTokensSection } from "../features/profile/ApiTokensSection";
import { AppearanceForm } from "../features/profile/AppearanceForm";
import { PasswordForm } from "../features/profile/PasswordForm";
import { PersonalForm } from "../features/profile/PersonalForm";

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.subtitle")} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <PersonalForm />
          <Stack gap="lg">
            <AppearanceForm />
            <PasswordForm />
          </Stack>
        </SimpleGrid>
        <CalendarFeedSection />
        <ApiTokensSection />
      </Stack>
    </>
  );
}
