import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api";

export type ErrorAlertProps = {
  error: unknown;
  title?: string;
  /** Replaces the server's text when the screen can explain the situation better. */
  message?: string;
  onRetry?: () => void;
  retryLabel?: string;
};

/** Shows the server's localised explanation; falls back to a generic message for unexpected errors. */
export function ErrorAlert({ error, title, message, onRetry, retryLabel }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail = message ?? (error instanceof ApiError ? error.detail : t("errors.unexpected"));
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={title ?? t("errors.title")}
    >
      <Group justify="space-between" gap="sm" align="flex-start">
        <Text size="sm">{detail}</Text>
        {onRetry && (
          <Button size="compact-sm" variant="white" color="red" onClick={onRetry}>
            {retryLabel ?? t("common.retry")}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
