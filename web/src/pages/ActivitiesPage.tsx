import { IconCalendarEvent } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function ActivitiesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.activities.title")} />
      <EmptyState
        icon={<IconCalendarEvent size={28} />}
        title={t("sections.activities.emptyTitle")}
        text={t("sections.activities.emptyText")}
      />
    </>
  );
}
