import { Button, Stack } from "@mantine/core";
import { IconLayoutDashboard } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { MyDaySummary } from "../features/activities/MyDaySummary";
import { useCurrentUser } from "../features/auth/currentUser";

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title={t("sections.home.title")}
        description={t("sections.home.greeting", { name: me.fullName })}
      />
      <Stack gap="lg">
        <MyDaySummary />
        <EmptyState
          icon={<IconLayoutDashboard size={28} />}
          title={t("sections.home.emptyTitle")}
          text={t("sections.home.emptyText")}
          action={
            <Button component={Link} to="/profile" variant="light">
              {t("sections.home.openProfile")}
            </Button>
          }
        />
      </Stack>
    </>
  );
}
