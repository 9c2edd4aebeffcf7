import { IconPackage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("sections.products.title")} />
      <EmptyState
        icon={<IconPackage size={28} />}
        title={t("sections.products.emptyTitle")}
        text={t("sections.products.emptyText")}
      />
    </>
  );
}
