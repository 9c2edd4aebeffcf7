import { IconFileDescription } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function ProposalsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.proposals.title")} />
      <EmptyState
        icon={<IconFileDescription size={28} />}
        title={t("sections.proposals.emptyTitle")}
        text={t("sections.proposals.emptyText")}
      />
    </>
  );
}
