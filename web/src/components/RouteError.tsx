import { Button, Code, Container } from "@mantine/core";
import { IconAlertOctagon } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { EmptyState } from "./EmptyState";

/** Replaces React Router's developer error page with one a user can act on. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : null;
  return (
    <Container size="sm" py="xl">
      <EmptyState
        icon={<IconAlertOctagon size={28} />}
        title={t("errors.crashTitle")}
        text={t("errors.crashText")}
        action={
          <>
            <Button onClick={() => window.location.reload()}>{t("errors.reloadPage")}</Button>
            {message && import.meta.env.DEV && <Code block>{message}</Code>}
          </>
        }
      />
    </Container>
  );
}
