import { Button, Center, Loader } from "@mantine/core";
import { IconBuildingOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Company } from "../../../../contracts/companies";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { isApiError } from "../../lib/api";
import { useCompany } from "./hooks";

/** Loads a company for a route; "not found" (also someone else's client) reads as such, not as an error. */
export function CompanyLoader({ id, children }: { id: string; children: (company: Company) => ReactNode }) {
  const { t } = useTranslation();
  const company = useCompany(id);
  if (company.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  if (company.isError) {
    if (isApiError(company.error) && (company.error.status === 404 || company.error.status === 400))
      return (
        <EmptyState
          icon={<IconBuildingOff size={28} />}
          title={t("company.card.notFoundTitle")}
          text={t("company.card.notFoundText")}
          action={
            <Button component={Link} to="/clients" variant="light">
              {t("company.card.backToList")}
            </Button>
          }
        />
      );
    return <ErrorAlert error={company.error} onRetry={() => void company.refetch()} />;
  }
  return children(company.data);
}
