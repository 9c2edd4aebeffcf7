import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageHeader } from "../components/PageHeader";
import { InvoiceCard } from "../features/invoices/InvoiceCard";
import { InvoicesList } from "../features/invoices/InvoicesList";

export function InvoicesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("documents.invoices.title")} description={t("documents.invoices.subtitle")} />
      <InvoicesList />
    </>
  );
}

export function InvoicePage() {
  const { id = "" } = useParams();
  return <InvoiceCard key={id} id={id} />;
}
