import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { useCalendarFeed, useRevokeFeed, useRotateFeed } from "./hooks";

/**
 * The private iCalendar address for Google Calendar, Outlook or Thunderbird; a new one replaces
 * the old at once (the old one stops working).
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const feed = useCalendarFeed();
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const [issued, setUrl] = useState<string | null>(null);
  const url = issued ?? feed.data?.url ?? null;
  const createdAt = feed.data?.createdAt ?? null;

  const issue = () =>
    rotate.mutate(undefined, {
      onSuccess: (res) => {
        setUrl(res.url);
        if (createdAt) notifications.show({ message: t("activities.feed.rotated") });
      },
    });

  return (
    <SectionCard title={t("activities.feed.title")} description={t("activities.feed.description")}>
      <Stack gap="sm">
        <ErrorAlert error={feed.error ?? rotate.error ?? revoke.error} />
        {url ? (
          <>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t("activities.feed.url")}
                value={url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t("activities.feed.copied") : t("activities.feed.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert variant="light" color="yellow">
              {t("activities.feed.keepSecret")}
            </Alert>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {createdAt
              ? t("activities.feed.active", { when: formatDateTime(createdAt, locale, me.timeZone) })
              : t("activities.feed.none")}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="default" onClick={issue} loading={rotate.isPending}>
            {createdAt ? t("activities.feed.rotate") : t("activities.feed.create")}
          </Button>
          {createdAt && (
            <Button
              variant="subtle"
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    setUrl(null);
                    notifications.show({ message: t("activities.feed.revoked") });
                  },
                })
              }
            >
              {t("activities.feed.revoke")}
            </Button>
          )}
        </Group>
      </Stack>
    </SectionCard>
  );
}
