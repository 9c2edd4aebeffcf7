import { Button } from "@mantine/core";
import { IconMapSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <EmptyState
        icon={<IconMapSearch size={28} />}
        title={t("notFound.title")}
        text={t("notFound.text")}
        action={
          <Button component={Link} to="/" variant="light">
            {t("notFound.action")}
          </Button>
        }
      />
    </>
  );
}
