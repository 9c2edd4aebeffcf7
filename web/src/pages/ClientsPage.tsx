import { IconBuildingStore } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function ClientsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.clients.title")} />
      <EmptyState
        icon={<IconBuildingStore size={28} />}
        title={t("sections.clients.emptyTitle")}
        text={t("sections.clients.emptyText")}
      />
    </>
  );
}
