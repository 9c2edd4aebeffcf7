import { IconChartBar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.reports.title")} />
      <EmptyState
        icon={<IconChartBar size={28} />}
        title={t("sections.reports.emptyTitle")}
        text={t("sections.reports.emptyText")}
      />
    </>
  );
}
