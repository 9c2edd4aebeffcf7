import { Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageHeader } from "../components/PageHeader";
import { CompanyForm } from "../features/clients/CompanyForm";
import { CompanyLoader } from "../features/clients/CompanyLoader";

/** /clients/new and /clients/:id/edit. */
export function CompanyEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <Box maw={1040}>
      {id ? (
        <CompanyLoader key={id} id={id}>
          {(company) => (
            <>
              <PageHeader title={t("company.form.editTitle", { name: company.name })} />
              <CompanyForm company={company} />
            </>
          )}
        </CompanyLoader>
      ) : (
        <>
          <PageHeader title={t("company.form.createTitle")} description={t("company.hints.innName")} />
          <CompanyForm company={null} />
        </>
      )}
    </Box>
  );
}
