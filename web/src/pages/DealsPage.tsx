import { IconTargetArrow } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function DealsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.deals.title")} />
      <EmptyState
        icon={<IconTargetArrow size={28} />}
        title={t("sections.deals.emptyTitle")}
        text={t("sections.deals.emptyText")}
      />
    </>
  );
}
